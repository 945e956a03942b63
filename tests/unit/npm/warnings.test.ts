import { describe, expect, it } from 'vitest';
import { generateNpmSnippets, type NpmHost, type NpmOptions } from '../../../src/lib/npm';

const base: NpmOptions = { autheliaUpstream: 'http://authelia:9091', portalUrl: 'https://auth.example.com', hosts: [] };

function diags(host: Partial<NpmHost>, extra: Partial<NpmOptions> = {}) {
  return generateNpmSnippets({
    ...base,
    ...extra,
    hosts: [{ hostname: 'app.example.com', protected: true, websockets: false, paths: [], ...host }],
  }).diagnostics;
}

function find(list: ReturnType<typeof diags>, code: string) {
  return list.filter((d) => d.code === code);
}

describe('Cache Assets', () => {
  it("on a protected host: a warning on hosts[i].cacheAssets about the cache sharing one user's files with other users (the login itself is enforced)", () => {
    const [d, ...rest] = find(diags({ cacheAssets: true }), 'cache-assets-shared');
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ severity: 'warning', path: 'hosts[0].cacheAssets' });
    expect(d?.message).toMatch(/checks those files with Authelia too/);
    expect(d?.message).toMatch(/every other logged-in user/);
    expect(d?.message).toMatch(/Turn Cache Assets off if the app serves per-user files/);
  });

  it('on a paths-only or unprotected host: a warning that the cache hands per-user files to anyone', () => {
    for (const host of [{ protected: false, paths: ['/admin'] }, { protected: false }]) {
      const [d] = find(diags({ ...host, cacheAssets: true }), 'cache-assets-shared');
      expect(d).toMatchObject({ severity: 'warning', path: 'hosts[0].cacheAssets' });
      expect(d?.message).toMatch(/without logging in/);
    }
  });

  it('nothing when off, nor on the portal', () => {
    expect(find(diags({ cacheAssets: false }), 'cache-assets-shared')).toEqual([]);
    expect(find(diags({ hostname: 'auth.example.com', protected: false, cacheAssets: true }), 'cache-assets-shared')).toEqual([]);
  });
});

describe('Custom Locations', () => {
  it('a Custom Location on a protected host: an info (Authelia checks it, but its app gets no identity headers), never a bypass warning', () => {
    const list = diags({ customLocations: ['/api', '/files'] });
    expect(find(list, 'custom-location-bypass')).toEqual([]);
    expect(find(list, 'custom-location-no-identity').map((d) => [d.severity, d.path])).toEqual([
      ['info', 'hosts[0].customLocations[0]'],
      ['info', 'hosts[0].customLocations[1]'],
    ]);
  });

  it('a Custom Location under a protected path of a paths-only host: warning (the longer location wins and skips Authelia)', () => {
    const list = find(
      diags({ protected: false, paths: ['/admin'], customLocations: ['/admin/files', '/public'] }),
      'custom-location-bypass',
    );
    expect(list.map((d) => [d.severity, d.path])).toEqual([['warning', 'hosts[0].customLocations[0]']]);
    expect(list[0]?.message).toMatch(/bypasses the login/);
  });

  it('Custom Location "/" next to the snippet\'s location / is an error (duplicate location, host Offline)', () => {
    expect(find(diags({ customLocations: ['/'] }), 'custom-location-root')[0]).toMatchObject({
      severity: 'error',
      path: 'hosts[0].customLocations[0]',
    });
    expect(find(diags({ protected: false, customLocations: ['/'] }), 'custom-location-root')).toEqual([]);
  });

  it('a Custom Location equal to a protected path is an error', () => {
    expect(
      find(diags({ protected: false, paths: ['/admin'], customLocations: ['/admin'] }), 'custom-location-duplicate')[0]?.severity,
    ).toBe('error');
  });

  it('no warning on an unprotected host', () => {
    expect(find(diags({ protected: false, customLocations: ['/api'] }), 'custom-location-bypass')).toEqual([]);
  });
});

describe('letter case of protected paths', () => {
  it('a paths-only host gets an info offering the case option; none once ticked, none on a protected host', () => {
    expect(find(diags({ protected: false, paths: ['/admin'] }), 'paths-case-sensitive')[0]).toMatchObject({
      severity: 'info',
      path: 'hosts[0].caseInsensitive',
    });
    expect(find(diags({ protected: false, paths: ['/admin'], caseInsensitive: true }), 'paths-case-sensitive')).toEqual([]);
    expect(find(diags({ paths: ['/admin'] }), 'paths-case-sensitive')).toEqual([]);
  });
});

describe('Details-tab toggles ignored once the Advanced text has its own location', () => {
  it('Websockets Support toggle without websockets in the builder: warning', () => {
    const [d] = find(diags({ websocketsToggle: true }), 'websocket-toggle-ignored');
    expect(d).toMatchObject({ severity: 'warning', path: 'hosts[0].websocketsToggle' });
    expect(d?.message).toMatch(/Tick "websockets"/);
  });

  it('toggle with websockets in the builder: only an info', () => {
    expect(find(diags({ websocketsToggle: true, websockets: true }), 'websocket-toggle-ignored')[0]?.severity).toBe('info');
  });

  it('toggle on an unprotected host without paths: nothing (NPM keeps its own location /)', () => {
    expect(find(diags({ protected: false, websocketsToggle: true }), 'websocket-toggle-ignored')).toEqual([]);
  });

  it('Access List: warning on protected hosts, the portal and paths-only hosts', () => {
    expect(find(diags({ accessList: true }), 'access-list-ignored')[0]).toMatchObject({
      severity: 'warning',
      path: 'hosts[0].accessList',
    });
    expect(find(diags({ hostname: 'auth.example.com', protected: false, accessList: true }), 'access-list-ignored')).toHaveLength(
      1,
    );
    expect(find(diags({ protected: false, paths: ['/admin'], accessList: true }), 'access-list-ignored')[0]?.message).toMatch(
      /\/admin/,
    );
    expect(find(diags({ protected: false, accessList: true }), 'access-list-ignored')).toEqual([]);
  });
});

describe('HSTS', () => {
  it("HSTS on and the snippet adds headers: warning that NPM's HSTS would be lost (the snippet repeats it)", () => {
    const [d] = find(diags({ hsts: true, securityHeaders: true }), 'hsts-lost-with-headers');
    expect(d).toMatchObject({ severity: 'warning', path: 'hosts[0].securityHeaders' });
    expect(d?.message).toMatch(/drops server-level add_header/);
  });

  it('headers without HSTS: info to tick HSTS if it is turned on later; HSTS without headers: nothing (inherited)', () => {
    expect(find(diags({ securityHeaders: true }), 'hsts-not-inherited')[0]?.severity).toBe('info');
    const plain = diags({ hsts: true });
    expect(find(plain, 'hsts-lost-with-headers')).toEqual([]);
    expect(find(plain, 'hsts-not-inherited')).toEqual([]);
  });
});

describe('portal', () => {
  it('portal host equal to a protected host: warning, and its snippet has no auth', () => {
    const result = generateNpmSnippets({
      ...base,
      hosts: [{ hostname: 'auth.example.com', protected: true, websockets: false, paths: [] }],
    });
    expect(result.diagnostics.find((d) => d.code === 'portal-protected')).toMatchObject({
      severity: 'warning',
      path: 'hosts[0].protected',
    });
    expect(result.files[0]?.content).not.toMatch(/^\s*auth_request/m);
  });

  it('portal URL not https: warning with the https URL as fix', () => {
    expect(find(diags({}, { portalUrl: 'http://auth.example.com' }), 'portal-not-https')[0]).toMatchObject({
      severity: 'warning',
      path: 'portalUrl',
      fix: 'https://auth.example.com',
    });
  });

  it('portal outside the cookie domain: warning on portalUrl', () => {
    const [d] = find(
      diags({}, { portalUrl: 'https://auth.example.net', cookieDomain: 'example.com' }),
      'portal-outside-cookie-domain',
    );
    expect(d).toMatchObject({ severity: 'warning', path: 'portalUrl', fix: 'https://auth.example.com' });
  });

  it("the cookie domain defaults to the portal's parent domain", () => {
    expect(find(diags({}, { portalUrl: 'https://auth.home.example.org' }), 'portal-outside-cookie-domain')).toEqual([]);
    expect(
      find(diags({ hostname: 'app.example.org' }, { portalUrl: 'https://auth.home.example.org' }), 'host-outside-cookie-domain'),
    ).toHaveLength(1);
  });

  it('a protected host outside the cookie domain: warning on its hostname', () => {
    expect(
      find(diags({ hostname: 'app.other.net' }, { cookieDomain: 'example.com' }), 'host-outside-cookie-domain')[0],
    ).toMatchObject({ severity: 'warning', path: 'hosts[0].hostname' });
  });
});

describe('location ^~ /', () => {
  it("'^~ /' as a path: warning that NPM's regex misses it; the snippet uses a plain location / instead", () => {
    const result = generateNpmSnippets({
      ...base,
      hosts: [{ hostname: 'app.example.com', protected: false, websockets: false, paths: ['^~ /'] }],
    });
    expect(result.diagnostics.find((d) => d.code === 'location-caret-root')).toMatchObject({
      severity: 'warning',
      path: 'hosts[0].paths[0]',
      fix: '/',
    });
    const snippet = result.files.find((f) => f.name === 'app.example.com.advanced.conf')?.content ?? '';
    expect(snippet).toMatch(/^location \/ \{$/m);
    expect(snippet).not.toContain('location ^~ / ');
  });

  it("'^~ /admin': accepted as /admin with an info", () => {
    const list = diags({ paths: ['^~ /admin'] });
    expect(list.find((d) => d.code === 'path-modifier-ignored')).toMatchObject({ severity: 'info', fix: '/admin' });
    expect(list.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('notes', () => {
  it('resolver note when the upstream is a hostname, not for an IP', () => {
    expect(find(diags({}), 'resolver-note')[0]?.severity).toBe('info');
    expect(find(diags({}, { autheliaUpstream: 'http://10.0.0.5:9091' }), 'resolver-note')).toEqual([]);
  });

  it('diagnostics are sorted errors first', () => {
    const list = diags({ cacheAssets: true, customLocations: ['/'] });
    const ranks = list.map((d) => ({ error: 0, warning: 1, info: 2 })[d.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });
});
