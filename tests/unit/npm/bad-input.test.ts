import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateNpmSnippets, type NpmOptions } from '../../../src/lib/npm';

const base: NpmOptions = { autheliaUpstream: 'http://authelia:9091', portalUrl: 'https://auth.example.com', hosts: [] };

function withHost(hostname: string, paths: string[] = []) {
  return generateNpmSnippets({ ...base, hosts: [{ hostname, protected: true, websockets: false, paths }] });
}

function errorAt(result: ReturnType<typeof generateNpmSnippets>, path: string) {
  return result.diagnostics.find((d) => d.severity === 'error' && d.path === path);
}

function allText(result: ReturnType<typeof generateNpmSnippets>): string {
  return result.files.map((f) => `${f.name}\n${f.content}`).join('\n');
}

describe('hostnames', () => {
  const cases: [string, string, string | undefined][] = [
    ['https://app.example.com', 'hostname-scheme', 'app.example.com'],
    ['http://app.example.com:8080/x', 'hostname-scheme', 'app.example.com'],
    ['app.example.com:8443', 'hostname-port', 'app.example.com'],
    ['app.example.com/admin', 'hostname-path', 'app.example.com'],
    ['my app.example.com', 'hostname-space', undefined],
    [' app.example.com ', 'hostname-space', 'app.example.com'],
    ['*.example.com', 'hostname-wildcard', undefined],
    ['app.example.com;', 'hostname-invalid', undefined],
    ['app"x.example.com', 'hostname-invalid', undefined],
    ["app'.example.com", 'hostname-invalid', undefined],
    ['app.example.com.', 'hostname-invalid', 'app.example.com'],
    ['-app.example.com', 'hostname-invalid', undefined],
    ['app_1.example.com', 'hostname-invalid', undefined],
    ['', 'hostname-empty', undefined],
  ];

  it.each(cases)('%j: error %s on hosts[0].hostname (fix %j), and its tab says there is no snippet', (input, code, fix) => {
    const result = withHost(input);
    const d = errorAt(result, 'hosts[0].hostname');
    expect(d?.code).toBe(code);
    expect(d?.fix).toBe(fix);
    expect(d?.message.length).toBeGreaterThan(30);
    // The host keeps its tab (issue 21 item 6), holding a comment instead of a snippet.
    expect(result.files.map((f) => f.name)).toEqual([
      'auth.example.com.advanced.conf',
      'host-1.advanced.conf',
      'npm-checklist.md',
    ]);
    const tab = result.files[1]!.content;
    expect(tab).toMatch(/^# Host 1: no snippet/);
    expect(tab.split('\n').every((line) => line === '' || line.startsWith('#'))).toBe(true);
  });

  it('a semicolon or quote in a hostname: the message says it would change the nginx configuration', () => {
    expect(errorAt(withHost('a.com;return'), 'hosts[0].hostname')?.message).toMatch(/would change the nginx configuration/);
    expect(errorAt(withHost('a"b.com'), 'hosts[0].hostname')?.message).toMatch(/would change the nginx configuration/);
  });

  it('upper case is accepted and lowercased', () => {
    const result = withHost('App.Example.COM');
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.files.map((f) => f.name)).toContain('app.example.com.advanced.conf');
  });

  it('a duplicate hostname is an error on the second entry', () => {
    const result = generateNpmSnippets({
      ...base,
      hosts: [
        { hostname: 'a.example.com', protected: true, websockets: false, paths: [] },
        { hostname: 'A.example.com', protected: false, websockets: false, paths: [] },
      ],
    });
    expect(errorAt(result, 'hosts[1].hostname')?.code).toBe('hostname-duplicate');
  });
});

describe('paths', () => {
  const cases: [string, string, string | undefined][] = [
    ['admin', 'path-no-leading-slash', '/admin'],
    ['/my admin', 'path-space', undefined],
    [' /admin', 'path-space', '/admin'],
    ['/admin;', 'path-unsafe-characters', undefined],
    ['/admin"', 'path-unsafe-characters', undefined],
    ["/admin'", 'path-unsafe-characters', undefined],
    ['/a{b}', 'path-unsafe-characters', undefined],
    ['/a$b', 'path-unsafe-characters', undefined],
    ['/a#b', 'path-query', '/a'],
    ['/a%20b', 'path-unsafe-characters', undefined],
    ['/ä', 'path-unsafe-characters', undefined],
    ['/a\\b', 'path-unsafe-characters', undefined],
    ['/api?x=1', 'path-query', '/api'],
    ['/api/*', 'path-wildcard', '/api/'],
    ['/a//b', 'path-not-normalized', '/a/b'],
    ['/a/../b', 'path-not-normalized', '/b'],
    ['= /login', 'path-modifier', '/login'],
    ['~ ^/a', 'path-modifier', undefined],
    ['/internal/authelia/authz', 'path-reserved', undefined],
    ['/.well-known/acme-challenge/', 'path-reserved', undefined],
    ['', 'path-empty', undefined],
  ];

  it.each(cases)('%j: error %s on hosts[0].paths[0] (fix %j); the rest of the snippet is still generated', (input, code, fix) => {
    const result = withHost('app.example.com', [input, '/ok']);
    const d = errorAt(result, 'hosts[0].paths[0]');
    expect(d?.code).toBe(code);
    expect(d?.fix).toBe(fix);
    const snippet = result.files.find((f) => f.name === 'app.example.com.advanced.conf')?.content ?? '';
    expect(snippet).toContain('location ^~ /ok {');
    expect(snippet.split('\n').filter((l) => l.startsWith('location ^~'))).toEqual(['location ^~ /ok {']);
  });

  it('the nginx injection attempt is rejected and never emitted', () => {
    const attack = '/x { } location / { return 200; } location /y';
    const result = withHost('app.example.com', [attack]);
    expect(errorAt(result, 'hosts[0].paths[0]')).toBeDefined();
    expect(allText(result)).not.toContain('return 200');
  });

  it('safe punctuation is accepted', () => {
    const result = withHost('app.example.com', ['/a-b_c.d~e/(f)!&+,=:@']);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('Authelia upstream, portal URL, cookie domain', () => {
  it('http://authelia (no port): a warning that NPM would connect to port 80, with the fix http://authelia:9091, which itself is clean', () => {
    const host = { hostname: 'app.example.com', protected: true, websockets: false, paths: [] };
    const result = generateNpmSnippets({ ...base, autheliaUpstream: 'http://authelia', hosts: [host] });
    const d = result.diagnostics.find((x) => x.path === 'autheliaUpstream');
    expect(d).toMatchObject({ code: 'upstream-no-port', severity: 'warning', fix: 'http://authelia:9091' });
    const fixed = generateNpmSnippets({ ...base, autheliaUpstream: d?.fix ?? '', hosts: [host] });
    expect(fixed.diagnostics.filter((x) => x.path === 'autheliaUpstream' && x.severity !== 'info')).toEqual([]);
  });

  const upstream: [string, string, string | undefined][] = [
    ['authelia:9091', 'upstream-missing-scheme', 'http://authelia:9091'],
    // Typed without a port, the fix adds Authelia's default port 9091 (NPM would otherwise connect on 80).
    ['authelia', 'upstream-missing-scheme', 'http://authelia:9091'],
    ['authelia/', 'upstream-missing-scheme', 'http://authelia:9091'],
    ['http://authelia:9091/api/verify', 'upstream-path', 'http://authelia:9091'],
    ['http://authelia:9091; return 200', 'upstream-invalid', undefined],
    ['http://authe"lia:9091', 'upstream-invalid', undefined],
    ['ftp://authelia:9091', 'upstream-invalid', undefined],
    ['http://user:pw@authelia:9091', 'upstream-invalid', undefined],
    ['http://authelia:0', 'upstream-invalid', undefined],
    ['', 'upstream-empty', undefined],
  ];

  it.each(upstream)(
    'autheliaUpstream %j: error %s (fix %j); protected snippets say to fix it and carry no upstream',
    (input, code, fix) => {
      const result = generateNpmSnippets({
        ...base,
        autheliaUpstream: input,
        hosts: [{ hostname: 'app.example.com', protected: true, websockets: false, paths: [] }],
      });
      const d = errorAt(result, 'autheliaUpstream');
      expect(d?.code).toBe(code);
      expect(d?.fix).toBe(fix);
      const snippet = result.files.find((f) => f.name === 'app.example.com.advanced.conf')?.content ?? '';
      expect(snippet).toMatch(/Fix the Authelia upstream/);
      expect(snippet).not.toContain('$upstream_authelia');
    },
  );

  it.each([
    ['auth.example.com', 'https://auth.example.com'],
    ['https://auth example.com', undefined],
    ['https://auth.example.com";', undefined],
    ['', undefined],
  ])('portalUrl %j: error portal-url-invalid (fix %j) and no portal file', (input, fix) => {
    const result = generateNpmSnippets({ ...base, portalUrl: input });
    expect(errorAt(result, 'portalUrl')).toMatchObject({ code: 'portal-url-invalid', ...(fix ? { fix } : {}) });
    expect(result.files.map((f) => f.name)).toEqual(['npm-checklist.md']);
  });

  it.each([
    ['.example.com', 'example.com'],
    ['*.example.com', 'example.com'],
    ['localhost', undefined],
    ['example.com;', undefined],
  ])('cookieDomain %j: error cookie-domain-invalid (fix %j)', (input, fix) => {
    const d = errorAt(generateNpmSnippets({ ...base, cookieDomain: input }), 'cookieDomain');
    expect(d?.code).toBe('cookie-domain-invalid');
    expect(d?.fix).toBe(fix);
  });
});

describe('property: rejected input never reaches the files', () => {
  const nasty = fc.constantFrom(';', '"', "'", '{', '}', '\n', '#', '$', '\\', '`');
  it('hostnames and paths carrying nginx syntax characters are errors and never appear in any file', () => {
    fc.assert(
      fc.property(fc.domain(), fc.webPath(), nasty, fc.string({ maxLength: 6 }), (domain, path, ch, tail) => {
        // The xq7 marker keeps a bad value from matching text the snippet contains anyway (e.g. "/$").
        const badHost = `xq7.${domain}${ch}${tail}`;
        const badPath = `/xq7${path}${ch}${tail}`;
        const result = generateNpmSnippets({
          ...base,
          hosts: [
            { hostname: badHost, protected: true, websockets: false, paths: [badPath] },
            { hostname: `ok.${domain}`, protected: true, websockets: false, paths: [badPath] },
          ],
        });
        expect(errorAt(result, 'hosts[0].hostname')).toBeDefined();
        expect(errorAt(result, 'hosts[1].paths[0]')).toBeDefined();
        const text = allText(result);
        expect(text).not.toContain(badHost);
        expect(text).not.toContain(badPath);
      }),
      { numRuns: 200 },
    );
  });

  it('any input: no exception, and every file name is <valid hostname>.advanced.conf or the checklist', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.array(fc.string(), { maxLength: 3 }),
        fc.string(),
        fc.string(),
        (hostname, paths, upstream, portalUrl) => {
          const result = generateNpmSnippets({
            autheliaUpstream: upstream,
            portalUrl,
            hosts: [{ hostname, protected: true, websockets: true, paths }],
          });
          for (const f of result.files) expect(f.name).toMatch(/^([a-z0-9-]+\.)*[a-z0-9-]+\.advanced\.conf$|^npm-checklist\.md$/);
        },
      ),
      { numRuns: 200 },
    );
  });
});
