import { describe, expect, it } from 'vitest';
import { checkHostname, checkTag, generateTailscale, parseTags } from '../../../src/lib/tailscale';

describe('tags: tailcfg.CheckTag messages (https://github.com/tailscale/tailscale/blob/v1.102.3/tailcfg/tailcfg.go CheckTag)', () => {
  const CASES: [string, string][] = [
    ['group:admins', "tags must start with 'tag:'"],
    ['tag:', 'tag names must not be empty'],
    ['tag:1router', "tag names must start with a letter, after 'tag:'"],
    ['tag:-router', "tag names must start with a letter, after 'tag:'"],
    ['tag:my_router', 'tag names can only contain numbers, letters, or dashes'],
    ['tag:my.router', 'tag names can only contain numbers, letters, or dashes'],
    ['tag:routér', 'tag names can only contain numbers, letters, or dashes'],
  ];

  for (const [tag, reason] of CASES) {
    it(`rejects ${tag} with the CLI's wrapped message`, () => {
      expect(checkTag(tag)).toBe(reason);
      const d = parseTags(tag).diagnostics.find((x) => x.severity === 'error');
      expect(d?.message.startsWith(`tag: ${JSON.stringify(tag)}: ${reason}`)).toBe(true);
      expect(d?.path).toBe('tags');
    });
  }

  it('accepts letters, digits and dashes after tag:', () => {
    for (const tag of ['tag:router', 'tag:r2', 'tag:home-router', 'tag:A']) expect(checkTag(tag)).toBeUndefined();
    expect(parseTags('tag:router,tag:nas')).toEqual({ tags: ['tag:router', 'tag:nas'], diagnostics: [] });
  });

  it('splits without trimming, like the CLI', () => {
    const d = parseTags('tag:router, tag:nas').diagnostics.find((x) => x.severity === 'error');
    expect(d?.message.startsWith(`tag: " tag:nas": tags must start with 'tag:'`)).toBe(true);
    expect(d?.fix).toBe('tag:router,tag:nas');
  });

  it('offers a corrected tag where one is obvious', () => {
    expect(parseTags('tag:my_router').diagnostics[0]?.fix).toBe('tag:my-router');
    expect(parseTags('tag:1router').diagnostics[0]?.fix).toBeUndefined();
  });

  it('adds the tag: prefix for a bare name (older clients require it), as information', () => {
    const r = parseTags('router');
    expect(r.tags).toEqual(['tag:router']);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ severity: 'info', code: 'tag-prefix-added', fix: 'tag:router' });
    expect(r.diagnostics[0]?.message).toContain(`tag: "router": tags must start with 'tag:'`);
  });
});

describe('hostname: dnsname.ValidHostname messages', () => {
  it('accepts ordinary names and rejects the ones the CLI rejects', () => {
    expect(checkHostname('home-router')).toBeUndefined();
    expect(checkHostname('router1.lan')).toBeUndefined();
    expect(checkHostname('home_router')).toBe(`"home_router" is not a valid DNS label: contains invalid character '_'`);
    expect(checkHostname('-router')).toBe(`"-router" is not a valid DNS label: must start with a letter or number`);
    expect(checkHostname('router-')).toBe(`"router-" is not a valid DNS label: must end with a letter or number`);
    expect(checkHostname(`${'a'.repeat(64)}.lan`)).toBe(`"${'a'.repeat(64)}" is not a valid DNS label`);
    expect(checkHostname('a'.repeat(64))).toBe(`"${'a'.repeat(64)}" is too long, max length is 63 bytes`);
    expect(checkHostname(`${'abc.'.repeat(64)}x`)).toMatch(/is too long to be a DNS name$/);
  });

  it('shows the message on the hostname field with a fix', () => {
    const d = generateTailscale({ hostname: 'home_router' }).diagnostics.find((x) => x.code === 'hostname-invalid');
    expect(d).toMatchObject({ severity: 'error', path: 'hostname', fix: 'home-router' });
    expect(d?.message).toContain(`contains invalid character '_'`);
  });
});

describe('exit node name', () => {
  it('accepts a name, a Tailscale IP and auto:any, and rejects anything else with the CLI text', () => {
    for (const exitNode of ['home-router', '100.101.102.103', 'fd7a:115c:a1e0::1', 'auto:any', 'home-router.tail1234.ts.net']) {
      const r = generateTailscale({ role: 'client', useExitNode: true, exitNode });
      expect(r.diagnostics.filter((d) => d.code === 'exit-node-invalid')).toEqual([]);
    }
    const d = generateTailscale({ role: 'client', useExitNode: true, exitNode: 'my router' }).diagnostics.find(
      (x) => x.code === 'exit-node-invalid',
    );
    expect(d?.message.startsWith('invalid value "my router" for --exit-node; must be IP or peer hostname')).toBe(true);
  });
});
