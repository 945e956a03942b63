import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare } from '../../../src/lib/core/share';
import { NPM_TARGET, defaultNpmForm, npmBuilder, type NpmForm } from '../../../src/lib/npm';
import { defaultProfile } from '../../../src/lib/profile/model';

const spec = npmBuilder;
const run = (state: NpmForm) => spec.generate(spec.toInput(state));
const diagnosticAt = (state: NpmForm, path: string) => run(state).diagnostics.find((d) => d.path === path && d.fix);

describe('npmBuilder spec', () => {
  it("keeps id 'npm' and schema v1 (share links and storage builder:npm keep working), targets NPM 2.15", () => {
    expect(spec.id).toBe('npm');
    expect(spec.schema.version).toBe(1);
    expect(spec.target).toBe(NPM_TARGET);
    expect(NPM_TARGET).toBe('Nginx Proxy Manager 2.15 + Authelia 4.39');
    expect(spec.defaults).toBe(defaultNpmForm);
  });

  it('a link made before the real-IP section and the case option decodes, and the new fields get their defaults', () => {
    const hosts = defaultNpmForm.hosts.map((h) => Object.fromEntries(Object.entries(h).filter(([k]) => k !== 'caseInsensitive')));
    const old: Record<string, unknown> = { ...defaultNpmForm, hosts };
    delete old.realIp;
    const link = encodeShare(old as unknown as NpmForm, spec.defaults, spec.schema);
    const decoded = decodeShare(link, spec.defaults, spec.schema);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    const input = spec.toInput(decoded.state);
    expect(input.realIp).toEqual({ mode: 'unset', dockerNetwork: '', relays: [] });
    expect(input.hosts.every((h) => h.caseInsensitive === false)).toBe(true);
    expect(run(decoded.state).files.map((f) => f.name)).toEqual(run(defaultNpmForm).files.map((f) => f.name));
  });

  it('applyFix: the Authelia upstream typed as "authelia" becomes http://authelia:9091, which then has no fix left', () => {
    const state = { ...defaultNpmForm, autheliaUpstream: 'authelia' };
    const d = diagnosticAt(state, 'autheliaUpstream');
    expect(d?.fix).toBe('http://authelia:9091');
    const fixed = spec.applyFix!(state, d!);
    expect(fixed?.autheliaUpstream).toBe('http://authelia:9091');
    expect(diagnosticAt(fixed!, 'autheliaUpstream')).toBeUndefined();
  });

  it('applyFix: one line of a one-per-line field (paths) is replaced, the other lines are kept', () => {
    const hosts = defaultNpmForm.hosts.map((h, i) => (i === 1 ? { ...h, paths: '/ok\n\nadmin\n/also' } : h));
    const state = { ...defaultNpmForm, hosts };
    const d = diagnosticAt(state, 'hosts[1].paths[1]');
    expect(d?.fix).toBe('/admin');
    expect(spec.applyFix!(state, d!)?.hosts[1]?.paths).toBe('/ok\n\n/admin\n/also');
  });

  it('applyFix: hostname, portal URL and real-IP relays; undefined for a diagnostic without a fix', () => {
    const hosts = defaultNpmForm.hosts.map((h, i) => (i === 2 ? { ...h, hostname: 'https://grafana.example.com' } : h));
    const state = { ...defaultNpmForm, hosts, portalUrl: 'auth.example.com' };
    const host = diagnosticAt(state, 'hosts[2].hostname')!;
    expect(spec.applyFix!(state, host)?.hosts[2]?.hostname).toBe('grafana.example.com');
    const portal = diagnosticAt(state, 'portalUrl')!;
    expect(spec.applyFix!(state, portal)?.portalUrl).toBe('https://auth.example.com');
    const relays = { ...defaultNpmForm, realIp: { mode: 'relay' as const, dockerNetwork: '', relays: '100.1.2.3\nx' } };
    const fix = { code: 't', severity: 'warning' as const, message: '', path: 'realIp.relays[1]', fix: '100.1.2.4' };
    expect(spec.applyFix!(relays, fix)?.realIp.relays).toBe('100.1.2.3\n100.1.2.4');
    expect(spec.applyFix!(state, { code: 'x', severity: 'info', message: '', path: 'portalUrl' })).toBeUndefined();
  });

  it('choices list every real-IP mode with a label; fields show the docker network, relays and case option only when they apply', () => {
    expect(spec.choices?.['realIp.mode']?.map((c) => c.value)).toEqual(['unset', 'direct', 'cloudflared', 'cloudflare', 'relay']);
    const base = spec.fields!(defaultNpmForm);
    expect(base.has('realIp.dockerNetwork')).toBe(false);
    expect(base.has('realIp.relays')).toBe(false);
    expect(base.has('hosts[1].caseInsensitive')).toBe(false);
    const relay = spec.fields!({ ...defaultNpmForm, realIp: { mode: 'relay', dockerNetwork: '', relays: '' } });
    expect([relay.has('realIp.dockerNetwork'), relay.has('realIp.relays')]).toEqual([true, true]);
    const hosts = defaultNpmForm.hosts.map((h, i) => (i === 1 ? { ...h, protected: false, paths: '/admin' } : h));
    expect(spec.fields!({ ...defaultNpmForm, hosts }).has('hosts[1].caseInsensitive')).toBe(true);
  });

  it('fromProfile keeps the real-IP section and the NPM toggles of hosts that stay', () => {
    const current: NpmForm = {
      ...defaultNpmForm,
      realIp: { mode: 'cloudflared', dockerNetwork: '172.18.0.0/16', relays: '' },
      hosts: [{ ...defaultNpmForm.hosts[1]!, hostname: 'jellyfin.example.com', cacheAssets: true, paths: '/admin' }],
    };
    const next = spec.fromProfile!(defaultProfile, current);
    expect(next.realIp).toEqual(current.realIp);
    expect(next.hosts.map((h) => h.hostname)).toEqual(['auth.example.com', 'proxmox.example.com', 'jellyfin.example.com']);
    const kept = next.hosts.find((h) => h.hostname === 'jellyfin.example.com');
    expect([kept?.cacheAssets, kept?.paths, kept?.websockets]).toEqual([true, '/admin', true]);
  });
});
