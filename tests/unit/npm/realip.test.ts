import { describe, expect, it } from 'vitest';
import { CLOUDFLARE_RANGES, REAL_IP_FILE, generateNpmSnippets, type NpmOptions, type RealIpOptions } from '../../../src/lib/npm';

const base: NpmOptions = {
  autheliaUpstream: 'http://authelia:9091',
  portalUrl: 'https://auth.example.com',
  cookieDomain: 'example.com',
  hosts: [{ hostname: 'app.example.com', protected: true, websockets: false, paths: [] }],
};

const gen = (realIp: RealIpOptions) => generateNpmSnippets({ ...base, realIp });
const snippet = (result: ReturnType<typeof gen>, name = 'app.example.com') =>
  result.files.find((f) => f.name === `${name}.advanced.conf`)?.content ?? '';
const notes = (result: ReturnType<typeof gen>) => result.files.find((f) => f.name === REAL_IP_FILE)?.content ?? '';
const codes = (result: ReturnType<typeof gen>) => result.diagnostics.map((d) => [d.code, d.severity, d.path]);
const realIpLines = (text: string) =>
  text.split('\n').filter((l) => /^(set_real_ip_from|real_ip_header|real_ip_recursive)\b/.test(l));

describe('real client IP: the lines every snippet gets', () => {
  it('unset (the default): no lines, no notes file, an info that NPM trusts X-Real-IP from every private address', () => {
    const result = generateNpmSnippets(base);
    expect(realIpLines(snippet(result))).toEqual([]);
    expect(result.files.some((f) => f.name === REAL_IP_FILE)).toBe(false);
    expect(codes(result)).toContainEqual(['realip-npm-defaults', 'info', 'realIp.mode']);
  });

  it('direct: trust nothing (unix: matches no TCP client), in every snippet: portal, protected and unprotected hosts', () => {
    const result = generateNpmSnippets({
      ...base,
      hosts: [...base.hosts, { hostname: 'plain.example.com', protected: false, websockets: false, paths: [] }],
      realIp: { mode: 'direct' },
    });
    for (const name of ['auth.example.com', 'app.example.com', 'plain.example.com'])
      expect(realIpLines(snippet(result, name)), name).toEqual(['set_real_ip_from unix:;']);
  });

  it('cloudflared: the Docker network, CF-Connecting-IP, recursive', () => {
    expect(realIpLines(snippet(gen({ mode: 'cloudflared', dockerNetwork: '172.18.0.0/16' })))).toEqual([
      'set_real_ip_from 172.18.0.0/16;',
      'real_ip_header CF-Connecting-IP;',
      'real_ip_recursive on;',
    ]);
  });

  it('cloudflare: every published range (dated, with the source in a comment), CF-Connecting-IP', () => {
    const text = snippet(gen({ mode: 'cloudflare' }));
    expect(realIpLines(text)).toEqual([
      ...[...CLOUDFLARE_RANGES.v4, ...CLOUDFLARE_RANGES.v6].map((r) => `set_real_ip_from ${r};`),
      'real_ip_header CF-Connecting-IP;',
      'real_ip_recursive on;',
    ]);
    expect(CLOUDFLARE_RANGES.v4).toHaveLength(15);
    expect(CLOUDFLARE_RANGES.v6).toHaveLength(7);
    expect(text).toContain(`(checked ${CLOUDFLARE_RANGES.checked})`);
    expect(text).toContain(CLOUDFLARE_RANGES.source);
  });

  it('relay: the relay addresses, X-Forwarded-For, recursive', () => {
    expect(realIpLines(snippet(gen({ mode: 'relay', relays: ['100.101.102.103', 'fd7a:115c:a1e0::53'] })))).toEqual([
      'set_real_ip_from 100.101.102.103;',
      'set_real_ip_from fd7a:115c:a1e0::53;',
      'real_ip_header X-Forwarded-For;',
      'real_ip_recursive on;',
    ]);
  });
});

describe('real client IP: warnings and errors', () => {
  it('0.0.0.0/0 or ::/0 is an error and never written', () => {
    for (const all of ['0.0.0.0/0', '::/0']) {
      const result = gen({ mode: 'cloudflared', dockerNetwork: all });
      expect(codes(result)).toContainEqual(['realip-trust-everything', 'error', 'realIp.dockerNetwork']);
      expect(snippet(result)).not.toContain(all);
      const relay = gen({ mode: 'relay', relays: [all] });
      expect(codes(relay)).toContainEqual(['realip-trust-everything', 'error', 'realIp.relays[0]']);
      expect(snippet(relay)).not.toContain(`set_real_ip_from ${all}`);
    }
  });

  it('172.16.0.0/12 (all Docker networks) or 10.0.0.0/8 for one Docker network: a warning, written as typed', () => {
    for (const broad of ['172.16.0.0/12', '10.0.0.0/8']) {
      const result = gen({ mode: 'cloudflared', dockerNetwork: broad });
      expect(codes(result)).toContainEqual(['realip-trust-broad', 'warning', 'realIp.dockerNetwork']);
      expect(snippet(result)).toContain(`set_real_ip_from ${broad};`);
    }
    expect(codes(gen({ mode: 'cloudflared', dockerNetwork: '172.18.0.0/16' })).filter(([, s]) => s !== 'info')).toEqual([]);
  });

  it('the whole tailnet as a relay: a warning to trust only the relay', () => {
    const result = gen({ mode: 'relay', relays: ['100.64.0.0/10'] });
    expect(codes(result)).toContainEqual(['realip-trust-tailnet', 'warning', 'realIp.relays[0]']);
  });

  it('bad or missing addresses: errors on the field, nothing written', () => {
    expect(codes(gen({ mode: 'cloudflared', dockerNetwork: '' }))).toContainEqual([
      'realip-docker-network-empty',
      'error',
      'realIp.dockerNetwork',
    ]);
    const bad = gen({ mode: 'cloudflared', dockerNetwork: '172.18.0.0/16; return 200' });
    expect(codes(bad)).toContainEqual(['realip-docker-network-invalid', 'error', 'realIp.dockerNetwork']);
    expect(snippet(bad)).not.toContain('return 200');
    expect(codes(gen({ mode: 'relay', relays: [] }))).toContainEqual(['realip-relays-empty', 'error', 'realIp.relays']);
    expect(codes(gen({ mode: 'relay', relays: ['relay.tailnet'] }))).toContainEqual([
      'realip-relay-invalid',
      'error',
      'realIp.relays[0]',
    ]);
  });
});

describe('real client IP: the notes file', () => {
  const text = notes(gen({ mode: 'cloudflared', dockerNetwork: '172.18.0.0/16' }));

  it("Home Assistant: use_x_forwarded_for and trusted_proxies with NPM's network (the 400 Bad Request behind NPM)", () => {
    expect(text).toContain('http:\n  use_x_forwarded_for: true\n  trusted_proxies:\n    - 172.18.0.0/16');
    expect(text).toContain('400 Bad Request');
  });

  it("Nextcloud: trusted_proxies with NPM's network", () => {
    expect(text).toContain("'trusted_proxies' => ['172.18.0.0/16'],");
  });

  it("Authelia's view: X-Forwarded-For overwritten with $remote_addr, and when a networks bypass is safe", () => {
    expect(text).toMatch(/networks rules match the first address/);
    expect(text).toMatch(/bypass/);
    const defaults = notes(gen({ mode: 'direct' }));
    expect(defaults).toMatch(/only your LAN and tailnet clients have private addresses/);
  });

  it("warns against trusting 0.0.0.0/0 or 172.16.0.0/12 in apps, and about X-Forwarded-For appended by NPM's own locations", () => {
    expect(text).toMatch(/Never trust 0\.0\.0\.0\/0 or 172\.16\.0\.0\/12/);
    expect(text).toMatch(/right-most/);
  });
});
