import { describe, expect, it } from 'vitest';
import { hasErrors, type Diagnostic } from '../../../src/lib/core';
import { defaultInternalDnsOptions, DNS_SERVERS, generateInternalDns, type InternalDnsOptions } from '../../../src/lib/dns';

const run = (o: Partial<InternalDnsOptions>) => generateInternalDns({ ...defaultInternalDnsOptions, ...o });
const codes = (o: Partial<InternalDnsOptions>) => run(o).diagnostics.map((d) => d.code);
const find = (o: Partial<InternalDnsOptions>, code: string): Diagnostic => {
  const d = run(o).diagnostics.find((x) => x.code === code);
  if (!d) throw new Error(`no ${code} in ${JSON.stringify(run(o).diagnostics)}`);
  return d;
};

describe('defaults', () => {
  it.each(DNS_SERVERS)('produce no warning and no error with %s', (server) => {
    const r = run({ server });
    expect(r.diagnostics).toEqual([]);
    expect(r.files.length).toBeGreaterThanOrEqual(3);
  });
});

describe('errors point at their field', () => {
  const cases: [Partial<InternalDnsOptions>, string, keyof InternalDnsOptions][] = [
    [{ domain: '' }, 'domain-missing', 'domain'],
    [{ domain: 'example' }, 'domain-invalid', 'domain'],
    [{ domain: 'exa mple.com' }, 'domain-invalid', 'domain'],
    [{ domain: 'https://example.com/' }, 'domain-invalid', 'domain'],
    [{ zone: 'ho_me' }, 'zone-invalid', 'zone'],
    [{ zone: '*.home' }, 'zone-invalid', 'zone'],
    [{ serverIp: '' }, 'server-ip-missing', 'serverIp'],
    [{ serverIp: '192.168.1.300' }, 'server-ip-invalid', 'serverIp'],
    [{ serverIp: 'fd00::10' }, 'server-ip-invalid', 'serverIp'],
    [{ serverIp: '127.0.0.1' }, 'server-ip-unusable', 'serverIp'],
    [{ tailnetIp: '192.168.1.11' }, 'tailnet-ip-invalid', 'tailnetIp'],
    [{ upstreams: 'dns.quad9.net' }, 'upstream-invalid', 'upstreams'],
    [{ internalNames: 'jellyfin.example.com' }, 'internal-outside-zone', 'internalNames'],
    [{ internalNames: 'jelly_fin' }, 'internal-invalid', 'internalNames'],
    [{ internalNames: 'jellyfin, jellyfin.home.example.com' }, 'internal-overlap', 'internalNames'],
    [{ internalNames: '*.media, tv.media' }, 'internal-overlap', 'internalNames'],
    [{ publicNames: 'blog.example.org' }, 'public-outside-domain', 'publicNames'],
    [{ publicNames: '*.example.com' }, 'public-wildcard', 'publicNames'],
    [{ publicNames: 'blog' }, 'public-invalid', 'publicNames'],
    [{ publicNames: 'blog.example.com blog.example.com' }, 'public-overlap', 'publicNames'],
    [{ internalNames: 'jellyfin', publicNames: 'jellyfin.home.example.com' }, 'public-overlap', 'publicNames'],
  ];
  it.each(cases)('%j → %s on %s', (o, code, path) => {
    const r = run(o);
    const d = find(o, code);
    expect(d.severity).toBe('error');
    expect(d.path).toBe(path);
    expect(d.message).toMatch(/^\S/u);
    expect(d.message).toMatch(/[.)]$/u);
    expect(hasErrors(r.diagnostics)).toBe(true);
    expect(r.files).toEqual([]);
  });
  it('offers the bare domain as a fix', () => {
    expect(find({ domain: 'https://example.com/' }, 'domain-invalid').fix).toBe('example.com');
  });
  it('accepts the zone as an FQDN', () => {
    const r = run({ domain: 'example.com', zone: 'home.example.com' });
    expect(r.diagnostics).toEqual([]);
    expect(r.files[0]?.content).toContain('address=/home.example.com/192.168.1.10');
  });
  it('gives a domain with upper case or a trailing dot the one verdict every builder gives: an error with the fix', () => {
    for (const domain of ['Example.COM', 'example.com.']) {
      expect(find({ domain }, 'domain-invalid')).toMatchObject({ path: 'domain', fix: 'example.com' });
    }
  });
});

describe('warnings', () => {
  it.each([
    [{ domain: 'myhome.local' }, 'domain-mdns', 'domain'],
    [{ domain: 'myhome.lan' }, 'domain-lan', 'domain'],
    [{ upstreams: '192.168.1.10' }, 'upstream-self', 'upstreams'],
    [{ tailnetIp: '100.100.1.2', upstreams: '100.100.1.2' }, 'upstream-self', 'upstreams'],
    [{ upstreams: '127.0.0.53' }, 'upstream-loopback', 'upstreams'],
    [{ upstreams: '::1' }, 'upstream-loopback', 'upstreams'],
    [{ serverIp: '100.100.1.2' }, 'server-ip-tailnet', 'serverIp'],
    [{ zone: '' }, 'zone-whole-domain', 'zone'],
    [{ internalNames: 'jellyfin.media' }, 'name-beyond-wildcard', 'internalNames'],
    [{ internalNames: '*.media' }, 'wildcard-below-zone', 'internalNames'],
    [{ server: 'unbound', publicNames: 'home.example.com' }, 'public-under-wildcard', 'publicNames'],
  ] as [Partial<InternalDnsOptions>, string, string][])('%j → %s on %s', (o, code, path) => {
    const d = find(o, code);
    expect(d.severity).toBe('warning');
    expect(d.path).toBe(path);
    expect(hasErrors(run(o).diagnostics)).toBe(false);
  });
  it('suggests an internal subdomain for a whole-domain wildcard', () => {
    expect(find({ zone: '' }, 'zone-whole-domain').fix).toBe('home');
  });
  it('a whole-domain list of names is not a whole-domain wildcard', () => {
    expect(codes({ zone: '', internalNames: 'jellyfin' })).not.toContain('zone-whole-domain');
  });
});

describe('info', () => {
  it('a public name under the wildcard gets an exception, reported as info', () => {
    const d = find({ zone: '', publicNames: 'blog.example.com' }, 'public-exception');
    expect(d.severity).toBe('info');
    expect(d.path).toBe('publicNames');
  });
  it('a public name outside every internal name needs no exception and no message', () => {
    expect(run({ publicNames: 'blog.example.com' }).diagnostics).toEqual([]);
  });
  it('the zone itself as an internal name is reported for the certificate', () => {
    expect(find({ internalNames: 'home.example.com' }, 'name-is-zone').severity).toBe('info');
  });
});

describe('robustness', () => {
  it('quotes only a short excerpt of huge input and caps repeated messages', () => {
    const huge = 'x'.repeat(100_000);
    const r = run({ domain: huge, serverIp: huge, upstreams: Array(2000).fill('bad!').join(' ') });
    for (const d of r.diagnostics) expect(d.message.length).toBeLessThan(400);
    expect(r.diagnostics.filter((d) => d.code === 'upstream-invalid').length).toBeLessThanOrEqual(5);
  });
  it('an unknown server falls back to dnsmasq; missing fields do not crash', () => {
    const r = generateInternalDns({ ...defaultInternalDnsOptions, server: 'bind' as never });
    expect(r.files[0]?.name).toBe('homelab-dnsmasq.conf');
    expect(() => generateInternalDns({} as InternalDnsOptions)).not.toThrow();
  });
});

describe('names that break logins when they resolve differently inside and outside', () => {
  it('warns when the Authelia portal is listed as public while apps resolve to the proxy', () => {
    const d = find({ zone: '', internalNames: 'auth, jellyfin', publicNames: 'auth.example.com' }, 'public-overlap');
    expect(d.path).toBe('publicNames'); // listed both ways: an error, not a guess
    const portal = find({ publicNames: 'auth.home.example.com' }, 'portal-public');
    expect(portal).toMatchObject({ severity: 'warning', path: 'publicNames' });
    expect(portal.message).toContain('auth.home.example.com');
    expect(codes({ publicNames: 'blog.example.com' })).not.toContain('portal-public');
  });

  it('notes a listed set of internal names without the portal, and stays quiet with a wildcard or with the portal', () => {
    expect(find({ internalNames: 'jellyfin, photos' }, 'portal-not-internal')).toMatchObject({
      severity: 'info',
      path: 'internalNames',
    });
    expect(codes({ internalNames: 'auth, jellyfin' })).not.toContain('portal-not-internal');
    expect(codes({ internalNames: '' })).not.toContain('portal-not-internal');
  });

  it('warns when a Headscale server is listed as an internal name', () => {
    const d = find({ internalNames: 'auth, headscale' }, 'headscale-internal');
    expect(d).toMatchObject({ severity: 'warning', path: 'internalNames' });
    expect(d.message).toContain('headscale.home.example.com');
    expect(codes({ internalNames: 'auth, jellyfin', publicNames: 'headscale.home.example.com' })).not.toContain(
      'headscale-internal',
    );
  });
});
