import { describe, expect, it } from 'vitest';
import { applyFieldFix } from '../../../src/lib/builders/spec';
import { warning } from '../../../src/lib/core';
import { internalDnsBuilder } from '../../../src/lib/dns/builder';
import { tailscaleBuilder } from '../../../src/lib/tailscale/builder';
import { generateTailscale } from '../../../src/lib/tailscale';

describe('Tailscale spec: which fields apply follows plan.ts', () => {
  const fields = tailscaleBuilder.fields!;
  it('a subnet router advertising 0.0.0.0/0 and ::/0 is an exit node: its exit-node fields apply', () => {
    const state = { ...tailscaleBuilder.defaults, role: 'subnet-router' as const, routes: '192.168.1.0/24,0.0.0.0/0,::/0' };
    expect(fields(state).has('exitNode')).toBe(true);
    expect(fields(state).has('exitNodeAllowLanAccess')).toBe(true);
  });
  it('… and those fields change the output, so hiding them would hide a live setting', () => {
    const state = { ...tailscaleBuilder.defaults, role: 'subnet-router' as const, routes: '192.168.1.0/24,0.0.0.0/0,::/0' };
    const on = generateTailscale({ ...state, exitNodeAllowLanAccess: true });
    const off = generateTailscale({ ...state, exitNodeAllowLanAccess: false });
    expect(JSON.stringify(on.files)).not.toBe(JSON.stringify(off.files));
  });
  it('a plain subnet router has no exit-node fields', () => {
    const state = { ...tailscaleBuilder.defaults, role: 'subnet-router' as const, routes: '192.168.1.0/24' };
    expect(fields(state).has('exitNode')).toBe(false);
    expect(fields(state).has('exitNodeAllowLanAccess')).toBe(false);
  });
  it('every choice value has a label', () => {
    for (const list of Object.values(tailscaleBuilder.choices!)) for (const c of list) expect(c.label).not.toBe('');
  });
});

describe('internal-DNS spec', () => {
  it('targets the chosen server in provenance', () => {
    const input = internalDnsBuilder.toInput({ ...internalDnsBuilder.defaults, server: 'unbound' });
    expect(typeof internalDnsBuilder.target === 'function' && internalDnsBuilder.target(input)).toMatch(/Unbound/);
  });
  it('a hand-made link with a wrong type or unknown server still generates (from the defaults for that field)', () => {
    const input = internalDnsBuilder.toInput({ ...internalDnsBuilder.defaults, server: 'bind' as never, zone: 7 as never });
    expect(input.server).toBe('dnsmasq');
    expect(input.zone).toBe(internalDnsBuilder.defaults.zone);
    expect(internalDnsBuilder.generate(input).files.length).toBeGreaterThan(0);
  });
});

describe('applyFieldFix (the default fix)', () => {
  it('sets a top-level text field to the fix', () => {
    expect(applyFieldFix({ a: 'x' }, warning('c', 'm', { path: 'a', fix: 'y' }))).toEqual({ a: 'y' });
  });
  it('does nothing without a fix, for unknown paths, or for fields that are not text', () => {
    expect(applyFieldFix({ a: 'x' }, warning('c', 'm', { path: 'a' }))).toBeUndefined();
    expect(applyFieldFix({ a: 'x' }, warning('c', 'm', { path: 'b', fix: 'y' }))).toBeUndefined();
    expect(applyFieldFix({ a: true }, warning('c', 'm', { path: 'a', fix: 'y' }))).toBeUndefined();
  });
});
