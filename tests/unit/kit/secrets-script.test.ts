/**
 * The kit's create-secrets.sh run by the system's POSIX sh (dash on Debian) in a temporary folder: it makes every
 * secret compose.yaml reads (in .env or secrets/), private to the user, asks for the tunnel token without echo, and
 * keeps what exists on a second run. Local files only; the process ends by itself.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { interpolate, parseDotenv } from '../../../src/lib/compose';
import { parseDocument, visit } from 'yaml';
import { generateFrontDoorKit, kitSecrets, type KitChoices } from '../../../src/lib/kit';
import { NAMED_PROFILES } from './profiles';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function runKitScript(choices: KitChoices, dir?: string, input = 'token-from-dashboard\n') {
  const { profile } = NAMED_PROFILES['public blog via tunnel']!;
  const { files } = generateFrontDoorKit(profile, choices);
  const root = dir ?? mkdtempSync(join(tmpdir(), 'kit-secrets-'));
  if (!dir) dirs.push(root);
  for (const name of ['create-secrets.sh', '.env.example'])
    writeFileSync(join(root, name), files.find((f) => f.name === name)!.content);
  const run = spawnSync('sh', ['create-secrets.sh'], { cwd: root, input, encoding: 'utf8', timeout: 30_000 });
  return { root, run };
}
const mode = (path: string) => statSync(path).mode & 0o777;

describe('create-secrets.sh', () => {
  it('env delivery: fills every secret key of .env, asks for the token, keeps values on a second run', () => {
    const choices: KitChoices = {
      redis: true,
      dns: 'pihole',
      tunnel: { enabled: true, service: 'blog' },
      secrets: 'server',
      secretsDelivery: 'env',
    };
    const { root, run } = runKitScript(choices);
    expect(run.status, run.stderr).toBe(0);
    const env = parseDotenv(readFileSync(join(root, '.env'), 'utf8'));
    for (const secret of kitSecrets(choices))
      if (secret.made === 'random') expect(env[secret.name], secret.name).toMatch(/^[A-Za-z0-9]{64}$/);
    expect(env.TUNNEL_TOKEN).toBe('token-from-dashboard');
    expect(env.PUID).toBe('1000');
    expect(mode(join(root, '.env'))).toBe(0o600);
    // Compose can now interpolate every value of compose.yaml with this .env (no required variable left unset).
    const compose = generateFrontDoorKit(NAMED_PROFILES['public blog via tunnel']!.profile, choices).files.find(
      (f) => f.name === 'compose.yaml',
    )!;
    const failures: string[] = [];
    visit(parseDocument(compose.content), {
      Scalar(_key, node) {
        if (typeof node.value !== 'string') return;
        try {
          interpolate(node.value, env);
        } catch (e) {
          failures.push(String(e));
        }
      },
    });
    expect(failures).toEqual([]);
    const again = runKitScript(choices, root, '');
    expect(again.run.status, again.run.stderr).toBe(0);
    expect(parseDotenv(readFileSync(join(root, '.env'), 'utf8'))).toEqual(env);
  });

  it('Docker secrets: one private file per secret in secrets/, never rewritten', () => {
    const choices: KitChoices = {
      redis: true,
      dns: 'technitium',
      tunnel: { enabled: false, service: '' },
      secrets: 'server',
      secretsDelivery: 'docker-secrets',
    };
    const { root, run } = runKitScript(choices);
    expect(run.status, run.stderr).toBe(0);
    expect(mode(join(root, 'secrets'))).toBe(0o700);
    const values = new Map<string, string>();
    for (const secret of kitSecrets(choices)) {
      const path = join(root, 'secrets', secret.name);
      expect(readFileSync(path, 'utf8')).toMatch(/^[A-Za-z0-9]{64}$/);
      expect(mode(path)).toBe(0o600);
      values.set(path, readFileSync(path, 'utf8'));
    }
    expect(runKitScript(choices, root).run.status).toBe(0);
    for (const [path, value] of values) expect(readFileSync(path, 'utf8')).toBe(value);
  });
});
