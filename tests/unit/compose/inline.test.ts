import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  findSecrets,
  parseDotenv,
  splitCompose,
  splitWithFindings,
  summarize,
  type SplitOptions,
} from '../../../src/lib/compose';
import { interpolatedStrings } from './compose-env';

const NEXTCLOUD = readFileSync(join(__dirname, '../../fixtures/compose/26-nextcloud.yaml'), 'utf8');
const SECRETS = ['pg-N3xtcl0ud-pw', 'r3d1s-P@ss', 'Adm1n-Nc-2024!'];

function split(source: string, options: SplitOptions = {}) {
  const result = splitWithFindings(source, options);
  const file = (name: string) => result.files.find((f) => f.name === name)?.content ?? '';
  const env = parseDotenv(file('.env'));
  return { result, compose: file('compose.yaml'), env, codes: result.diagnostics.map((d) => d.code) };
}

/** The file as Compose reads it after interpolation is unchanged by the split. */
function expectSameMeaning(source: string, out: ReturnType<typeof split>) {
  expect(interpolatedStrings(out.compose, out.env)).toEqual(interpolatedStrings(source, {}));
}

describe('a real Nextcloud + Postgres + Redis file with secrets in command: and a published port', () => {
  const out = split(NEXTCLOUD);

  it('leaves none of its passwords in the compose file', () => {
    for (const secret of SECRETS) expect(out.compose).not.toContain(secret);
    expect(out.env).toEqual({
      POSTGRES_PASSWORD: 'pg-N3xtcl0ud-pw',
      REDIS_HOST_PASSWORD: 'r3d1s-P@ss',
      NEXTCLOUD_ADMIN_PASSWORD: 'Adm1n-Nc-2024!',
    });
    expectSameMeaning(NEXTCLOUD, out);
  });

  it('replaces the value repeated in redis-server --requirepass and redis-cli -a by the variable it was moved to', () => {
    expect(out.compose).toContain(
      'command: redis-server --requirepass "${REDIS_HOST_PASSWORD:?set REDIS_HOST_PASSWORD in .env}"',
    );
    expect(out.compose).toContain(
      'test: ["CMD", "redis-cli", "-a", "${REDIS_HOST_PASSWORD:?set REDIS_HOST_PASSWORD in .env}", "ping"]',
    );
    expect(out.compose).toContain('pg_dump postgres://nextcloud:${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env}@db:5432');
  });

  it('lists the inline values as findings with where they are and why', () => {
    const inline = out.result.findings.filter((f) => f.field !== 'environment');
    expect(inline.map((f) => [f.field, f.key, f.services, f.line, f.secret, f.movable])).toEqual([
      ['command', '--requirepass', ['redis'], 23, true, true],
      ['healthcheck', '-a', ['redis'], 25, true, true],
      ['command', 'URL password', ['backup'], 63, true, true],
    ]);
    for (const finding of inline) for (const secret of SECRETS) expect(finding.reason).not.toContain(secret);
  });

  it('counts what is moved and what is left inline', () => {
    expect(summarize(out.result.findings, {})).toEqual({ secret: 7, moved: 7, leftInline: 0 });
  });

  it('flags the port published on every interface, with the loopback binding as the fix, and the obsolete version:', () => {
    const port = out.result.diagnostics.find((d) => d.code === 'port-published-all-interfaces');
    expect(port).toMatchObject({ severity: 'warning', line: 32, fix: '"127.0.0.1:8080:80"' });
    expect(port?.message).toContain('"192.168.1.10:8080:80"');
    expect(out.result.diagnostics.find((d) => d.code === 'obsolete-version')).toMatchObject({ severity: 'warning', line: 4 });
  });

  it('keeps a value inline when the reader unticks it, and says so', () => {
    const kept = split(NEXTCLOUD, { move: { 'services.redis.command:--requirepass': false } });
    expect(kept.compose).toContain('command: redis-server --requirepass "r3d1s-P@ss"');
    expect(summarize(kept.result.findings, { 'services.redis.command:--requirepass': false })).toEqual({
      secret: 7,
      moved: 6,
      leftInline: 1,
    });
    const note = kept.result.diagnostics.find((d) => d.code === 'secret-left-inline');
    expect(note).toMatchObject({ severity: 'warning', line: 23, path: 'services.redis.command:--requirepass' });
    expect(note?.message).not.toContain('r3d1s-P@ss');
    expectSameMeaning(NEXTCLOUD, kept);
  });

  it('in Docker secrets mode with files, keeps a value the commands need as a .env variable and says why', () => {
    const files = split(NEXTCLOUD, { mode: 'secrets', secretSource: 'file' });
    expect(files.env.REDIS_HOST_PASSWORD).toBe('r3d1s-P@ss');
    expect(files.env.POSTGRES_PASSWORD).toBe('pg-N3xtcl0ud-pw');
    const why = files.result.diagnostics.filter((d) => d.code === 'secrets-fallback').map((d) => d.message);
    expect(why).toContainEqual(
      expect.stringMatching(/POSTGRES_PASSWORD is also used in the command of backup, which can only read it from \.env/),
    );
    for (const secret of SECRETS) expect(files.compose).not.toContain(secret);
  });
});

const service = (lines: string[]) =>
  ['services:', '  app:', '    image: example/app:1', ...lines.map((l) => `    ${l}`), ''].join('\n');

describe('secrets wherever Compose interpolates them', () => {
  const CASES: readonly [string, string, string, string][] = [
    [
      '--password= in a string command',
      service(['command: app --password=Sup3r-s3cret-pw --verbose']),
      'Sup3r-s3cret-pw',
      '--password',
    ],
    [
      '--requirepass as a list item',
      service(['command: ["redis-server", "--requirepass", "r3d1s-L1st-pw"]']),
      'r3d1s-L1st-pw',
      '--requirepass',
    ],
    [
      'mysqladmin -p attached',
      service(['healthcheck:', '  test: ["CMD", "mysqladmin", "ping", "-pMy5ql-R00t-pw"]']),
      'My5ql-R00t-pw',
      '-p',
    ],
    [
      'mongosh -p in a shell health check',
      service(['healthcheck:', '  test: mongosh -u root -p M0ngo-pw-123 --eval "db.ping()"']),
      'M0ngo-pw-123',
      '-p',
    ],
    [
      'an entrypoint with PGPASSWORD=',
      service(['entrypoint: ["sh", "-c", "PGPASSWORD=Pg-Entry-pw1 psql -h db"]']),
      'Pg-Entry-pw1',
      'PGPASSWORD',
    ],
    [
      'curl -u user:password',
      service(['healthcheck:', '  test: ["CMD-SHELL", "curl -fsu admin:Curl-Adm1n-pw http://localhost/"]']),
      '',
      '',
    ],
    [
      'a URL with credentials in a command',
      service(['command: worker --db postgres://app:Url-Pa55word@db/app']),
      'Url-Pa55word',
      'URL password',
    ],
    [
      'a label holding an htpasswd line',
      service(['labels:', '  traefik.http.middlewares.auth.basicauth.users: "admin:$$apr1$$H6uskkkW$$IgXLP6ewTrSuBkTrqE8wj/"']),
      'admin:$apr1$H6uskkkW$IgXLP6ewTrSuBkTrqE8wj/',
      'traefik.http.middlewares.auth.basicauth.users',
    ],
  ];

  it.each(CASES.filter(([, , value]) => value !== ''))('%s is moved and means the same', (_name, source, value, key) => {
    const out = split(source);
    const finding = out.result.findings.find((f) => f.key === key);
    expect(finding).toMatchObject({ secret: true, movable: true });
    expect(Object.values(out.env)).toContain(value);
    expect(out.compose).not.toContain(value.replaceAll('$', '$$'));
    expectSameMeaning(source, out);
    expect(summarize(out.result.findings, {}).leftInline).toBe(0);
  });

  it('curl -u user:password moves only the password', () => {
    const source = CASES.find(([name]) => name.startsWith('curl'))![1];
    const out = split(source);
    expect(out.compose).toContain('curl -fsu admin:${APP_PASSWORD:?set APP_PASSWORD in .env} http://localhost/');
    expect(out.env).toEqual({ APP_PASSWORD: 'Curl-Adm1n-pw' });
    expectSameMeaning(source, out);
  });

  it('leaves what is not a secret: a Postgres port, shell and Compose variables', () => {
    for (const lines of [
      ['healthcheck:', '  test: ["CMD-SHELL", "pg_isready -U app -p 5432"]'],
      ['command: sh -c "redis-server --requirepass $$REDIS_PASSWORD"'],
      ['command: redis-server --requirepass ${REDIS_PASSWORD}'],
      ['command: ["--config.file=/etc/prometheus/prometheus.yml"]'],
    ]) {
      const source = service(lines);
      expect(findSecrets(source)).toEqual([]);
      expect(splitCompose(source).files[0]?.content).toBe(source);
    }
  });

  it('says exactly why a value written with shell escapes cannot be moved, and counts it as left inline', () => {
    const source = service(['command: app --password=pa\\"ss-w0rd-long']);
    const out = split(source);
    const finding = out.result.findings.find((f) => f.key === '--password');
    expect(finding).toMatchObject({ secret: true, movable: false });
    expect(finding?.reason).toMatch(/cannot be replaced in place/);
    expect(summarize(out.result.findings, {}).leftInline).toBe(1);
    expect(out.codes).toContain('secret-left-inline');
    expect(out.compose).toBe(source);
  });
});

describe('published ports and version:', () => {
  const portCodes = (ports: string[], image = 'example/app:1', extra: string[] = []) =>
    splitCompose(
      [
        'services:',
        '  app:',
        `    image: ${image}`,
        ...extra.map((l) => `    ${l}`),
        '    ports:',
        ...ports.map((p) => `      - ${p}`),
        '',
      ].join('\n'),
    ).diagnostics.filter((d) => d.code === 'port-published-all-interfaces');

  it('flags ports on every interface, including a random host port and long syntax without host_ip', () => {
    // Four at a time: a fifth note of one kind would be folded into a count (see the notes tests).
    expect(portCodes(['"8080:80"', '"0.0.0.0:8443:443"', '"80"']).map((d) => d.fix)).toEqual([
      '"127.0.0.1:8080:80"',
      '"127.0.0.1:8443:443"',
      '"127.0.0.1::80"',
    ]);
    expect(portCodes(['"[::]:9000:9000"', '"8081:81/tcp"']).map((d) => d.fix)).toEqual([
      '"127.0.0.1:9000:9000"',
      '"127.0.0.1:8081:81/tcp"',
    ]);
    const long = splitCompose(
      service(['ports:', '  - target: 80', '    published: "8080"', '  - target: 81', '    host_ip: 127.0.0.1']),
    ).diagnostics.filter((d) => d.code === 'port-published-all-interfaces');
    expect(long).toHaveLength(1);
    expect(long[0]?.fix).toBeUndefined();
    expect(long[0]?.message).toMatch(/host_ip: 127\.0\.0\.1/);
  });

  it('accepts ports bound to one address, a proxy’s own 80 and 443, and host networking', () => {
    expect(portCodes(['"127.0.0.1:8080:80"', '"192.168.1.10:8443:443"', '"[::1]:9000:9000"'])).toEqual([]);
    expect(portCodes(['"80:80"', '"443:443"'], 'jc21/nginx-proxy-manager:latest')).toEqual([]);
    expect(portCodes(['"81:81"'], 'jc21/nginx-proxy-manager:latest')).toHaveLength(1);
    expect(portCodes(['"8080:80"'], 'example/app:1', ['network_mode: host'])).toEqual([]);
    expect(portCodes(['"${PORT}:80"'])).toEqual([]);
  });

  it('flags the obsolete top-level version: only when it is there', () => {
    expect(splitCompose(`version: "3"\n${service([])}`).diagnostics.map((d) => d.code)).toContain('obsolete-version');
    expect(splitCompose(service([])).diagnostics.map((d) => d.code)).not.toContain('obsolete-version');
  });
});
