/**
 * Every generated NPM Advanced snippet, pasted where NPM 2.15 puts it, passes `nginx -t` (Debian nginx), for every option
 * combination in a table and for a few hundred fast-check-sampled hostnames / paths / upstreams. Diagnostics that claim
 * NPM would fail to load a host are checked against nginx too.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateNpmSnippets, type NpmHost, type NpmOptions } from '../../src/lib/npm';
import { createWorkspace, type Workspace } from './nginx';
import { NPM_DEFAULT_LOCATION_RE, type ProxyHostConf } from './npm-template';

let ws: Workspace;

beforeAll(async () => {
  ws = await createWorkspace('npm-syntax-');
});

afterAll(() => ws?.remove());

const PORTAL = 'auth.example.com';

/** NPM Details / SSL / Custom Locations settings that change the rendered server block. */
interface Toggles {
  cacheAssets: boolean;
  blockExploits: boolean;
  certificate: boolean;
  websocketsToggle: boolean;
  accessList: boolean;
  customLocation: boolean;
}

const TOGGLE_NAMES: (keyof Toggles)[] = [
  'cacheAssets',
  'blockExploits',
  'certificate',
  'websocketsToggle',
  'accessList',
  'customLocation',
];
/** All 64 combinations of the NPM-side toggles. */
const ALL_TOGGLES: Toggles[] = Array.from(
  { length: 1 << TOGGLE_NAMES.length },
  (_, bits) => Object.fromEntries(TOGGLE_NAMES.map((name, i) => [name, (bits & (1 << i)) !== 0])) as unknown as Toggles,
);

const ALL_OFF = ALL_TOGGLES[0] as Toggles;
const ALL_ON = ALL_TOGGLES[ALL_TOGGLES.length - 1] as Toggles;
/** All off, each toggle alone, all on. */
const TOGGLE_SET: Toggles[] = [ALL_OFF, ...TOGGLE_NAMES.map((name) => ({ ...ALL_OFF, [name]: true })), ALL_ON];

function hostConf(
  id: number,
  hostname: string,
  advanced: string,
  t: Toggles,
  hsts: boolean,
  hstsSubdomains = false,
): ProxyHostConf {
  return {
    id,
    hostname,
    forwardHost: 'app',
    forwardPort: 8080,
    advanced,
    cacheAssets: t.cacheAssets,
    blockExploits: t.blockExploits,
    ssl: { certificate: t.certificate, http2: t.certificate, forceSsl: t.certificate, hsts, hstsSubdomains },
    websocketsToggle: t.websocketsToggle,
    accessList: t.accessList,
    customLocations: t.customLocation ? [{ path: '/files', forwardHost: '127.0.0.1', forwardPort: 8081 }] : [],
  };
}

function snippet(options: NpmOptions, hostname: string): string {
  const file = generateNpmSnippets(options).files.find((f) => f.name === `${hostname}.advanced.conf`);
  if (!file) throw new Error(`no snippet for ${hostname}`);
  return file.content;
}

function expectNginxOk(hosts: ProxyHostConf[]): void {
  ws.write(hosts);
  const r = ws.test();
  expect(r.ok, `nginx -t failed:\n${r.output}\n\n${r.ok ? '' : ws.dump()}`).toBe(true);
}

interface Row {
  protected: boolean;
  websockets: boolean;
  paths: string[];
  securityHeaders: boolean;
  hsts: 'off' | 'on' | 'subdomains';
}

const ROWS: Row[] = [true, false].flatMap((prot) =>
  [true, false].flatMap((websockets) =>
    [[], ['/api'], ['/api', '/admin/']].flatMap((paths) =>
      [true, false].flatMap((securityHeaders) =>
        (['off', 'on', 'subdomains'] as const).map((hsts) => ({ protected: prot, websockets, paths, securityHeaders, hsts })),
      ),
    ),
  ),
);

function label(r: Row): string {
  return `${r.protected ? 'protected' : 'unprotected'}, websockets ${r.websockets}, paths [${r.paths.join(' ')}], headers ${r.securityHeaders}, HSTS ${r.hsts}`;
}

function optionsFor(row: Row): NpmOptions {
  const flags = {
    websockets: row.websockets,
    securityHeaders: row.securityHeaders,
    hsts: row.hsts !== 'off',
    hstsSubdomains: row.hsts === 'subdomains',
  };
  const app: NpmHost = { hostname: 'app.example.com', protected: row.protected, paths: row.paths, ...flags };
  const portal: NpmHost = { hostname: PORTAL, protected: false, paths: [], ...flags };
  return {
    autheliaUpstream: 'http://authelia:9091',
    portalUrl: `https://${PORTAL}`,
    cookieDomain: 'example.com',
    hosts: [portal, app],
  };
}

/** The app and portal snippets of a row, each pasted into one NPM proxy host per toggle combination. */
function expectRowOk(row: Row, toggles: readonly Toggles[]): void {
  const options = optionsFor(row);
  expect(generateNpmSnippets(options).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const appText = snippet(options, 'app.example.com');
  const portalText = snippet(options, PORTAL);
  const hsts = row.hsts !== 'off';
  const subdomains = row.hsts === 'subdomains';
  const hosts = toggles.flatMap((t, i) => [
    hostConf(2 * i + 1, `app${i}.example.com`, appText, t, hsts, subdomains),
    hostConf(2 * i + 2, `auth${i}.example.com`, portalText, t, hsts, subdomains),
  ]);
  expectNginxOk(hosts);
}

describe('nginx -t on NPM-shaped server blocks: every option combination', () => {
  it.each(ROWS.map((r) => [label(r), r] as const))(
    '%s (NPM toggles: all off, each alone, all on)',
    (_name, row) => {
      expectRowOk(row, TOGGLE_SET);
    },
    30_000,
  );

  it.each(
    [
      { protected: true, websockets: true, paths: ['/api', '/admin/'], securityHeaders: true, hsts: 'subdomains' as const },
      { protected: false, websockets: true, paths: ['/api'], securityHeaders: true, hsts: 'on' as const },
      { protected: false, websockets: false, paths: [], securityHeaders: false, hsts: 'off' as const },
    ].map((r) => [label(r), r] as const),
  )(
    '%s x all 64 NPM toggle combinations',
    (_name, row) => {
      expectRowOk(row, ALL_TOGGLES);
    },
    30_000,
  );

  it('the default example (portal + two protected apps) loads together in one nginx, one file per host as NPM writes them', () => {
    const options: NpmOptions = {
      autheliaUpstream: 'https://authelia.internal:9443',
      portalUrl: 'https://auth.example.com',
      hosts: [
        { hostname: PORTAL, protected: false, websockets: false, paths: [] },
        { hostname: 'nextcloud.example.com', protected: true, websockets: false, paths: ['/remote.php'] },
        { hostname: 'grafana.example.com', protected: true, websockets: true, paths: [] },
      ],
    };
    const result = generateNpmSnippets(options);
    const conf = result.files.filter((f) => f.language === 'nginx');
    expect(conf.map((f) => f.name)).toEqual([
      'auth.example.com.advanced.conf',
      'nextcloud.example.com.advanced.conf',
      'grafana.example.com.advanced.conf',
    ]);
    const none = ALL_OFF;
    expectNginxOk(conf.map((f, i) => hostConf(i + 1, f.name.replace(/\.advanced\.conf$/, ''), f.content, none, false)));
  });
});

describe('diagnostics that promise an nginx failure, checked against nginx', () => {
  const none = ALL_OFF;
  const base = (host: Partial<NpmHost>): NpmOptions => ({
    autheliaUpstream: 'http://authelia:9091',
    portalUrl: `https://${PORTAL}`,
    hosts: [{ hostname: 'app.example.com', protected: true, websockets: false, paths: [], ...host }],
  });

  it('Custom Location "/" on a protected host: error custom-location-root, and nginx -t fails with duplicate location "/"', () => {
    const options = base({ customLocations: ['/'] });
    expect(generateNpmSnippets(options).diagnostics.map((d) => d.code)).toContain('custom-location-root');
    ws.write([
      {
        ...hostConf(1, 'app.example.com', snippet(options, 'app.example.com'), none, false),
        customLocations: [{ path: '/', forwardHost: '127.0.0.1', forwardPort: 1 }],
      },
    ]);
    const r = ws.test();
    expect(r.ok).toBe(false);
    expect(r.output).toContain('duplicate location "/"');
  });

  it('Custom Location equal to a protected path: error custom-location-duplicate, and nginx -t fails with duplicate location', () => {
    const options = base({ protected: false, paths: ['/admin'], customLocations: ['/admin'] });
    expect(generateNpmSnippets(options).diagnostics.map((d) => d.code)).toContain('custom-location-duplicate');
    ws.write([
      {
        ...hostConf(1, 'app.example.com', snippet(options, 'app.example.com'), none, false),
        customLocations: [{ path: '/admin', forwardHost: '127.0.0.1', forwardPort: 1 }],
      },
    ]);
    const r = ws.test();
    expect(r.ok).toBe(false);
    expect(r.output).toContain('duplicate location "/admin"');
  });

  it('"location ^~ /" (warning location-caret-root): NPM\'s regex misses it and nginx -t fails; the generated snippet never contains it', () => {
    const handWritten = snippet(base({}), 'app.example.com').replace('location / {', 'location ^~ / {');
    expect(NPM_DEFAULT_LOCATION_RE.test(handWritten)).toBe(false);
    ws.write([hostConf(1, 'app.example.com', handWritten, none, false)]);
    const r = ws.test();
    expect(r.ok).toBe(false);
    expect(r.output).toContain('duplicate location "/"');
    const result = generateNpmSnippets(base({ paths: ['^~ /'] }));
    expect(result.diagnostics.map((d) => d.code)).toContain('location-caret-root');
    expect(result.files.some((f) => f.content.includes('location ^~ / '))).toBe(false);
  });

  it('the portal listed as protected (warning portal-protected) still gets a snippet without auth that nginx accepts', () => {
    const options: NpmOptions = { ...base({}), hosts: [{ hostname: PORTAL, protected: true, websockets: false, paths: ['/x'] }] };
    expect(generateNpmSnippets(options).diagnostics.map((d) => d.code)).toContain('portal-protected');
    const text = snippet(options, PORTAL);
    expect(text).not.toMatch(/^\s*auth_request/m);
    expectNginxOk([hostConf(1, PORTAL, text, none, false)]);
  });
});

/** Characters that are nginx syntax, or otherwise must not reach a snippet. */
const NASTY = fc.constantFrom(
  ';',
  '"',
  "'",
  '{',
  '}',
  ' ',
  '\t',
  '#',
  '$',
  '\\',
  '`',
  '\n',
  '%20',
  '*',
  '?a=1',
  ':8443',
  '/../x',
);

/** Hostname-like input, good and bad. */
const hostnameArb = fc.oneof(
  { arbitrary: fc.domain(), weight: 6 },
  { arbitrary: fc.tuple(fc.domain(), NASTY, fc.string({ maxLength: 4 })).map(([d, c, t]) => d + c + t), weight: 2 },
  fc.string({ maxLength: 24 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.domain().map((d) => `https://${d}`),
  fc.domain().map((d) => `*.${d}`),
  fc.constantFrom('app.example.com; } server { listen 80; location / {', "app.example.com' return 200;", 'APP.Example.COM'),
);

/** Paths made of characters the builder accepts (some still rejected: ., .. segments). */
const safePathArb = fc
  .tuple(fc.array(fc.stringMatching(/^[\w\-.~!&()+,=:@]{1,8}$/), { maxLength: 3 }), fc.boolean())
  .map(([segs, slash]) => `/${segs.join('/')}${slash && segs.length > 0 ? '/' : ''}`);

/** Path-like input, good and bad. */
const pathArb = fc.oneof(
  { arbitrary: safePathArb, weight: 4 },
  { arbitrary: fc.tuple(safePathArb, NASTY, fc.string({ maxLength: 4 })).map(([p, c, t]) => p + c + t), weight: 3 },
  fc.webPath(),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 10 }),
  fc.string({ maxLength: 12 }).map((s) => `/${s}`),
  fc.constantFrom(
    '/api; } location / { return 200; } location /x {',
    '^~ /',
    '^~ /admin',
    '= /login',
    '~ ^/a',
    'api',
    '/',
    '/internal/authelia/authz',
    '/.well-known/acme-challenge/',
  ),
);

const upstreamArb = fc.oneof(
  fc
    .tuple(fc.constantFrom('http', 'https'), fc.domain(), fc.option(fc.integer({ min: 1, max: 65535 })))
    .map(([s, d, p]) => `${s}://${d}${p ? `:${p}` : ''}`),
  fc.webUrl(),
  fc.string({ maxLength: 20 }),
  fc.constantFrom(
    'authelia:9091',
    'http://authelia:9091/api/verify',
    'http://authelia:9091;',
    'http://[::1]:9091',
    'http://10.0.0.5:9091/',
  ),
);

interface Sample {
  hostname: string;
  paths: string[];
  upstream: string;
  protected: boolean;
  websockets: boolean;
  caseInsensitive: boolean;
}

const sampleArb: fc.Arbitrary<Sample> = fc.record({
  hostname: hostnameArb,
  paths: fc.array(pathArb, { maxLength: 3 }),
  upstream: upstreamArb,
  protected: fc.boolean(),
  websockets: fc.boolean(),
  // The case option writes the paths into a regular expression: nginx must accept every path the builder accepts.
  caseInsensitive: fc.boolean(),
});

/** Generates one sample; checks that rejected entries leave no trace; returns the app snippet when one was written. */
function generateSample(s: Sample): string | undefined {
  const options: NpmOptions = {
    autheliaUpstream: s.upstream,
    portalUrl: `https://${PORTAL}`,
    hosts: [
      {
        hostname: s.hostname,
        protected: s.protected,
        websockets: s.websockets,
        paths: s.paths,
        caseInsensitive: s.caseInsensitive,
      },
    ],
  };
  const result = generateNpmSnippets(options);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  // Rejected input is never emitted: the files equal those generated with the rejected entries left out (a rejected
  // host name as an empty one: the host keeps its tab, which says there is no snippet).
  const badPaths = new Set(
    errors
      .map((d) => /^hosts\[0\]\.paths\[(\d+)\]$/.exec(d.path ?? '')?.[1])
      .filter((j) => j !== undefined)
      .map(Number),
  );
  const hostRejected = errors.some((d) => d.path === 'hosts[0].hostname');
  const cleaned: NpmOptions = {
    autheliaUpstream: errors.some((d) => d.path === 'autheliaUpstream') ? '' : s.upstream,
    portalUrl: options.portalUrl,
    hosts: hostRejected
      ? [{ ...options.hosts[0]!, hostname: '' }]
      : [{ ...options.hosts[0]!, paths: s.paths.filter((_, j) => !badPaths.has(j)) }],
  };
  expect(generateNpmSnippets(cleaned).files, JSON.stringify(s)).toEqual(result.files);
  return result.files.find((f) => f.language === 'nginx' && f.name !== `${PORTAL}.advanced.conf`)?.content;
}

describe('fast-check: any hostname / paths / upstream give an error diagnostic or a snippet nginx -t accepts', () => {
  it('samples 300 inputs through nginx (15 batches of 20 hosts, one proxy-host file each)', () => {
    // Every NPM toggle except a Custom Location, whose path could collide with a sampled one.
    const toggles = { ...ALL_ON, customLocation: false };
    fc.assert(
      fc.property(fc.array(sampleArb, { minLength: 20, maxLength: 20 }), (batch) => {
        const hosts = batch.flatMap((s, i) => {
          const text = generateSample(s);
          return text === undefined ? [] : [hostConf(i + 1, `sample${i}.example.com`, text, toggles, false)];
        });
        ws.write(hosts);
        const r = ws.test();
        const file = /proxy_host\/(\d+)\.conf/.exec(r.output)?.[1];
        const culprit = file === undefined ? batch : batch[Number(file) - 1];
        expect(r.ok, `nginx -t failed for ${JSON.stringify(culprit)}:\n${r.output}`).toBe(true);
      }),
      { numRuns: 15 },
    );
  }, 180_000);
});
