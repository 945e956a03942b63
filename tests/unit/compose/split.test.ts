import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultSplitOptions, findSecrets, MAX_INPUT_CHARS, parseDotenv, samples, splitCompose } from '../../../src/lib/compose';
import { serviceEnvironments } from './compose-env';

const FIXTURES = join(__dirname, '../../fixtures/compose');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const corpus = readdirSync(FIXTURES).filter((f) => f.endsWith('.yaml'));

function files(source: string, options = {}) {
  const result = splitCompose(source, options);
  const get = (name: string) => result.files.find((f) => f.name === name)?.content ?? '';
  return {
    result,
    compose: get('compose.yaml'),
    env: get('.env'),
    example: get('.env.example'),
    gitignore: get('.gitignore'),
    get,
  };
}

const codes = (source: string, options = {}) => splitCompose(source, options).diagnostics.map((d) => d.code);

describe('splitCompose output', () => {
  it('replaces only the secret scalars and keeps comments, order, quoting and blank lines', () => {
    const source = [
      '# my stack',
      'services:',
      '  db: # the database',
      '    image: "postgres:16"',
      '    environment:',
      "      POSTGRES_USER: 'app'   # user",
      '      POSTGRES_PASSWORD: hunter2-Secret # rotate me',
      '',
      '      PGDATA: /data',
      '    ports: [ "5432:5432" ]',
      '',
    ].join('\n');
    const expected = source.replace('hunter2-Secret', '"${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env}"');
    const out = files(source);
    expect(out.compose).toBe(expected);
    expect(out.env).toContain("\nPOSTGRES_PASSWORD='hunter2-Secret'\n");
    expect(out.example).toContain('\nPOSTGRES_PASSWORD=\n');
  });

  it('returns the four files, with a comment per variable in .env.example', () => {
    const out = files(samples[1]?.compose ?? '');
    expect(out.result.files.map((f) => f.name)).toEqual(['compose.yaml', '.env', '.env.example', '.gitignore']);
    expect(out.example).toMatch(/# vaultwarden: ADMIN_TOKEN\. The value looks like an Argon2 password hash\.\nADMIN_TOKEN=\n/);
    expect(out.gitignore.split('\n')).toEqual(expect.arrayContaining(['.env', '!.env.example']));
  });

  it('keeps an argon2 ADMIN_TOKEN intact in single quotes', () => {
    const out = files(samples[1]?.compose ?? '');
    expect(out.env).toMatch(/^ADMIN_TOKEN='\$argon2id\$v=19\$m=65540,t=3,p=4\$[^'$]+\$[^'$]+'$/m);
    expect(parseDotenv(out.env).ADMIN_TOKEN).toMatch(/^\$argon2id\$v=19\$/);
  });

  it('never adds env_file and never names a variable COMPOSE_*, DOCKER_* or after a shell variable', () => {
    for (const name of corpus) {
      const source = fixture(name);
      const out = files(source, { move: Object.fromEntries(findSecrets(source, { all: true }).map((f) => [f.id, true])) });
      expect(out.compose.split('env_file').length).toBe(source.split('env_file').length);
      for (const variable of Object.keys(parseDotenv(out.env))) {
        expect(variable).toMatch(/^[A-Z_][A-Z0-9_]*$/);
        expect(variable).not.toMatch(/^(COMPOSE_|DOCKER_)|^(USER|HOME|PATH|PWD|TZ|HOSTNAME|SHELL|LANG|UID)$/);
      }
    }
  });

  it('shares one variable when several services hold the same value under the same key', () => {
    const out = files(fixture('08-shared-value.yaml'));
    expect(parseDotenv(out.env)).toEqual({ REDIS_PASSWORD: 'same-redis-Pa55' });
    expect(out.compose.match(/\$\{REDIS_PASSWORD:\?/g)?.length).toBe(3); // two environment values and the redis-server command
  });

  it('prefixes the service when the same key holds different values', () => {
    const out = files(fixture('09-per-service-values.yaml'));
    expect(parseDotenv(out.env)).toEqual({
      APP_DB_POSTGRES_PASSWORD: 'app-db-Pa55',
      WIKI_DB_POSTGRES_PASSWORD: 'wiki-db-Pa55',
      ANALYTICS_DB_POSTGRES_PASSWORD: 'analytics-Pa55',
    });
    expect(codes(fixture('09-per-service-values.yaml'))).toContain('variable-per-service');
  });

  it('keeps separate variables for the same value under different keys', () => {
    const env = parseDotenv(files(fixture('02-list-form.yaml')).env);
    expect(env.MARIADB_PASSWORD).toBe('quoted item');
    expect(env.MYSQL_PASSWORD).toBe('quoted item');
  });

  it('renames reserved names and names the file already uses', () => {
    const reserved = parseDotenv(files(fixture('10-reserved-names.yaml')).env);
    expect(Object.keys(reserved)).toEqual([
      'REGISTRY_MIRROR_DOCKER_REGISTRY_PASSWORD',
      'REGISTRY_MIRROR_COMPOSE_TOKEN',
      'REGISTRY_MIRROR_PWD',
      'SECRET_DOCKER_COMPOSE_PASSWORD',
    ]);
    const existing = files(fixture('11-existing-variables.yaml'));
    expect(Object.keys(parseDotenv(existing.env))).toEqual(['APP_DB_PASSWORD']);
    expect(existing.result.diagnostics.find((d) => d.code === 'existing-variables')?.message).toContain('${DB_PASSWORD}');
  });

  it('moves what the options say, finding by finding', () => {
    const source = fixture('01-postgres-app.yaml');
    const findings = findSecrets(source, { all: true });
    const password = findings.find((f) => f.key === 'POSTGRES_PASSWORD');
    const logLevel = findings.find((f) => f.key === 'LOG_LEVEL');
    expect(password?.secret).toBe(true);
    expect(logLevel?.secret).toBe(false);
    const out = files(source, { move: { [password?.id ?? '']: false, [logLevel?.id ?? '']: true } });
    expect(out.compose).toContain('POSTGRES_PASSWORD: p0stgres-Pa55   # change me');
    expect(out.compose).toContain('LOG_LEVEL: "${LOG_LEVEL:?set LOG_LEVEL in .env}"');
    expect(Object.keys(parseDotenv(out.env))).toEqual(['DATABASE_URL', 'SECRET_KEY', 'LOG_LEVEL']);
  });

  it('exposes defaults that move detected secrets to .env', () => {
    expect(defaultSplitOptions).toEqual({ move: {}, mode: 'env', secretSource: 'environment', composeFileName: 'compose.yaml' });
    expect(files(samples[0]?.compose ?? '', { composeFileName: 'docker-compose.yml' }).get('docker-compose.yml')).not.toBe('');
  });

  it('keeps CRLF line endings', () => {
    const source = fixture('14-comments.yaml').replaceAll('\n', '\r\n');
    const out = files(source, { mode: 'secrets' });
    expect(out.compose.replaceAll('\r\n', '')).not.toContain('\n');
    expect(serviceEnvironments(out.compose, parseDotenv(out.env)).app?.APP_SECRET).toBe('c0mments-Everywhere');
  });

  it('never puts a moved secret into a diagnostic or a finding', () => {
    for (const source of [...corpus.map(fixture), ...samples.map((s) => s.compose)]) {
      const out = files(source, { mode: 'secrets' });
      const values = Object.values(parseDotenv(out.env)).filter((v) => v.length >= 4);
      const texts = [
        ...out.result.diagnostics.map((d) => `${d.message} ${d.fix ?? ''}`),
        ...findSecrets(source, { all: true }).map((f) => f.reason),
      ];
      for (const v of values) for (const t of texts) expect(t).not.toContain(v);
    }
  });
});

describe('Docker secrets mode', () => {
  it('switches supported images to *_FILE and removes the plain variable', () => {
    const out = files(samples[0]?.compose ?? '', { mode: 'secrets' });
    const doc = parse(out.compose) as {
      services: Record<string, { environment: Record<string, string>; secrets?: string[] }>;
      secrets: Record<string, unknown>;
    };
    expect(doc.services.db?.environment).toEqual({
      POSTGRES_DB: 'paperless',
      POSTGRES_USER: 'paperless',
      POSTGRES_PASSWORD_FILE: '/run/secrets/postgres_password',
    });
    expect(doc.services.db?.secrets).toEqual(['postgres_password']);
    expect(doc.services.webserver?.environment.PAPERLESS_DBPASS).toBeUndefined();
    expect(doc.secrets.postgres_password).toEqual({ environment: 'POSTGRES_PASSWORD' });
    expect(parseDotenv(out.env).POSTGRES_PASSWORD).toBe('Tr1cky$Pass#word');
  });

  it('notes the Compose version, the script to run and first-start-only database passwords', () => {
    const env = codes(samples[0]?.compose ?? '', { mode: 'secrets' });
    expect(env).toEqual(expect.arrayContaining(['secrets-need-compose-2-6', 'database-password-first-start']));
    expect(codes(samples[1]?.compose ?? '', { mode: 'secrets', secretSource: 'file' })).toContain('secrets-run-script');
    expect(codes(samples[1]?.compose ?? '')).not.toContain('database-password-first-start');
  });

  it('uses double-underscore __FILE for Grafana and Gitea', () => {
    expect(files(fixture('18-grafana.yaml'), { mode: 'secrets' }).compose).toContain(
      'GF_SECURITY_ADMIN_PASSWORD__FILE: /run/secrets/gf_security_admin_password',
    );
    expect(files(fixture('17-gitea.yaml'), { mode: 'secrets' }).compose).toContain(
      '- GITEA__database__PASSWD__FILE=/run/secrets/gitea__database__passwd',
    );
  });

  it('keeps .env variables for images without *_FILE support and says why', () => {
    const out = files(fixture('06-dollar-values.yaml'), { mode: 'secrets' });
    expect(out.compose).toContain('CF_DNS_API_TOKEN: "${CF_DNS_API_TOKEN:?set CF_DNS_API_TOKEN in .env}"');
    const why = out.result.diagnostics.filter((d) => d.code === 'secrets-fallback');
    expect(why.length).toBeGreaterThan(0);
    expect(why[0]?.message).toMatch(/is not known to read \w+_FILE/);
  });

  it('writes secret files with printf %s and tight permissions in file mode', () => {
    const out = files(samples[1]?.compose ?? '', { mode: 'secrets', secretSource: 'file' });
    const script = out.get('create-secrets.sh');
    expect(script).toMatch(/^#!\/bin\/sh\n/);
    expect(script).toContain("printf '%s' 's3cr3t-SMTP-pa55' > secrets/smtp_password\nchmod 444 secrets/smtp_password");
    expect(script).toContain('umask 077');
    expect(script).toContain("printf '%s' '$argon2id$v=19$m=65540");
    expect(out.compose).toContain('  admin_token:\n    file: ./secrets/admin_token');
    expect(parseDotenv(out.env)).toEqual({});
    expect(out.gitignore.split('\n')).toEqual(expect.arrayContaining(['secrets/', 'create-secrets.sh']));
  });

  it('quotes a single quote safely in the secret script', () => {
    const source = 'services:\n  vw:\n    image: vaultwarden/server\n    environment:\n      SMTP_PASSWORD: "it\'s"\n';
    const script = files(source, { mode: 'secrets', secretSource: 'file' }).get('create-secrets.sh');
    expect(script).toContain("printf '%s' 'it'\\''s' > secrets/smtp_password");
  });

  it('appends to an existing service secrets: list and top-level secrets:', () => {
    const source = [
      'services:',
      '  db:',
      '    image: postgres:16',
      '    environment:',
      '      POSTGRES_PASSWORD: db-Pa55word',
      '    secrets:',
      '      - other',
      'secrets:',
      '  other:',
      '    file: ./other.txt',
      '',
    ].join('\n');
    const out = files(source, { mode: 'secrets' });
    expect(out.compose).toBe(
      [
        'services:',
        '  db:',
        '    image: postgres:16',
        '    environment:',
        '      POSTGRES_PASSWORD_FILE: /run/secrets/postgres_password',
        '    secrets:',
        '      - other',
        '      - postgres_password',
        'secrets:',
        '  other:',
        '    file: ./other.txt',
        '  postgres_password:',
        '    environment: POSTGRES_PASSWORD',
        '',
      ].join('\n'),
    );
  });
});

describe('diagnostics about the pasted file', () => {
  it('warns about values Compose retypes and moves the text as written', () => {
    const source =
      'services:\n  app:\n    image: x\n    environment:\n      ADMIN_PIN: 0123\n      API_TOKEN: 1e3\n      HEX_SECRET: 0x1F\n      PASSWORD_OK: 1000\n';
    const out = files(source);
    const retyped = out.result.diagnostics.filter((d) => d.code === 'yaml-retyped');
    expect(retyped.map((d) => d.line)).toEqual([5, 6, 7]);
    expect(parseDotenv(out.env)).toEqual({ API_TOKEN: '1e3', HEX_SECRET: '0x1F', PASSWORD_OK: '1000' });
    const pin = files(source, { move: { 'services.app.environment.ADMIN_PIN': true } });
    expect(parseDotenv(pin.env).ADMIN_PIN).toBe('0123');
  });

  it('flags unquoted yes/no in map form with a quoted fix', () => {
    const d = splitCompose('services:\n  app:\n    image: x\n    environment:\n      FEATURE: yes\n').diagnostics.find(
      (x) => x.code === 'yaml-yes-no',
    );
    expect(d).toMatchObject({ severity: 'info', line: 5, fix: '"yes"' });
  });

  it('warns about a $ Compose would interpolate and leaves the value alone', () => {
    const source = 'services:\n  app:\n    image: x\n    environment:\n      DB_PASSWORD: pa$word\n';
    const out = files(source);
    expect(out.compose).toBe(source);
    expect(out.result.diagnostics.find((d) => d.code === 'value-interpolated')).toMatchObject({
      severity: 'warning',
      line: 5,
      column: 20,
    });
  });

  it('reports an invalid interpolation with Compose’s message', () => {
    const d = splitCompose('services:\n  app:\n    image: x\n    environment:\n      - TOKEN=ab${cd\n').diagnostics.find(
      (x) => x.code === 'invalid-interpolation',
    );
    expect(d?.severity).toBe('error');
    expect(d?.message).toMatch(
      /^invalid interpolation format for services\.app\.environment\.\[\]\. You may need to escape any \$ with another \$\./,
    );
  });

  it('warns when a service loads .env with env_file', () => {
    expect(codes(fixture('16-immich.yaml'))).toContain('env-file-dotenv');
  });

  it('reports duplicate YAML keys with line and column', () => {
    const d = splitCompose('services:\n  app:\n    image: x\n    image: y\n').diagnostics[0];
    expect(d).toMatchObject({ severity: 'error', code: 'yaml-duplicate-key', line: 4, column: 5 });
  });

  it('warns about a key listed twice in list form', () => {
    expect(codes('services:\n  app:\n    image: x\n    environment:\n      - A=1\n      - A=2\n')).toContain('duplicate-env-key');
  });

  it('notes anchors whose one edit changes several services', () => {
    const d = splitCompose(fixture('03-anchor-merge.yaml')).diagnostics.filter((x) => x.code === 'anchor-shared');
    expect(d.map((x) => x.path)).toEqual(['x-common.environment.SMTP_PASSWORD']);
    expect(d[0]?.message).toContain('app, worker');
  });

  it('says the quotes of a list item are part of the value', () => {
    expect(codes(fixture('13-quotes-in-list.yaml'))).toContain('list-quoted-value');
  });
});

describe('bad input', () => {
  const BAD: readonly [string, string, string, { line?: number; column?: number }][] = [
    ['malformed YAML', 'services:\n  app:\n    image: "x" y\n', 'yaml-syntax', { line: 3, column: 16 }],
    ['an unclosed flow sequence', 'services:\n  app:\n    image: [x\n', 'yaml-syntax', { line: 4, column: 1 }],
    ['tabs as indentation', 'services:\n\tapp:\n\t\timage: x\n', 'yaml-tab-indent', { line: 2, column: 1 }],
    ['plain text', 'hello, this is not yaml at all', 'not-compose', {}],
    ['YAML that is not compose', 'apiVersion: v1\nkind: Pod\n', 'no-services', {}],
    ['services as a list', 'services:\n  - app\n', 'services-not-map', {}],
    ['binary garbage', 'services:\n  app:\x00\x01\x02\xff', 'not-text', { line: 2, column: 7 }],
    ['an empty paste', '  \n', 'empty-input', {}],
  ];

  it.each(BAD)('%s gives a clear message and returns the text unchanged', (_what, source, code, where) => {
    const result = splitCompose(source);
    expect(result.diagnostics[0]).toMatchObject({ code, ...where });
    expect(result.files[0]?.content).toBe(source);
  });

  it('refuses a 5 MB paste without parsing it', () => {
    const source = `services:\n  app:\n    image: x\n# ${'x'.repeat(5 * 1024 * 1024)}\n`;
    expect(source.length).toBeGreaterThan(MAX_INPUT_CHARS);
    const result = splitCompose(source);
    expect(result.diagnostics).toMatchObject([{ severity: 'error', code: 'input-too-large' }]);
    expect(result.files[0]?.content).toBe(source);
  });

  it('gives line and column for a YAML error message', () => {
    const d = splitCompose('services:\n  app:\n    image: "unterminated\n').diagnostics[0];
    expect(d?.message).toMatch(/^YAML error at line \d+, column \d+: /);
  });
});
