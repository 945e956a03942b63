/**
 * `.env.example`, `.gitignore` and `create-secrets.sh`; with the inline opt-in also `.env` or the `secrets/` files
 * holding the values made in the page. Values are written with the splitter's `.env` encoder, which round-trips
 * through Compose's own `.env` reading (src/lib/compose/dotenv.ts).
 */
import { randomSecret, RECOMMENDED_SECRET_LENGTH } from '../authelia/secrets';
import { encodeDotenvValue } from '../compose/dotenv';
import type { GeneratedFile } from '../core';
import { BASE_ENV, secretHostPath } from './compose';
import { asFile, kitSecrets } from './secrets';
import { KIT_FILES, type KitChoices, type KitExtras } from './types';

export function renderEnvExample(choices: KitChoices): GeneratedFile {
  const lines = [
    '# Copy to .env (create-secrets.sh does it) and keep .env out of git: chmod 600 .env.',
    ...BASE_ENV.flatMap((e) => [`# ${e.note}`, `${e.name}=${encodeDotenvValue(e.value)}`]),
  ];
  for (const secret of kitSecrets(choices).filter((s) => !asFile(s, choices))) {
    const how = secret.made === 'random' ? 'create-secrets.sh fills it in on the server.' : 'Paste it here yourself.';
    lines.push(`# ${secret.note} ${how}`, `${secret.name}=`);
  }
  return { name: KIT_FILES.envExample, language: 'dotenv', content: `${lines.join('\n')}\n` };
}

export function renderGitignore(): GeneratedFile {
  const content = [
    '# Secrets and state never go into version control.',
    '.env',
    'secrets/',
    'authelia/db.sqlite3',
    'authelia/notification.txt',
    'npm/data/',
    'npm/letsencrypt/',
    'redis/',
    '',
  ].join('\n');
  return { name: KIT_FILES.gitignore, language: 'gitignore', content };
}

const RANDOM_FN = `random_value() {
  # ${RECOMMENDED_SECRET_LENGTH} letters and digits from /dev/urandom; tr drops every other byte, so none is favoured.
  value=$(LC_ALL=C tr -dc 'A-Za-z0-9' </dev/urandom | head -c ${RECOMMENDED_SECRET_LENGTH})
  if [ \${#value} -ne ${RECOMMENDED_SECRET_LENGTH} ]; then
    echo "could not read enough random data" >&2
    exit 1
  fi
}`;

const FILE_FN = `write_file_secret() {
  file="secrets/$1"
  if [ -s "$file" ]; then
    echo "kept     $file (already exists)"
    return 0
  fi
  random_value
  # printf is a shell builtin: the value never shows up in the process list.
  printf '%s' "$value" >"$file"
  chmod 600 "$file"
  echo "created  $file"
}`;

const ENV_FN = `# set_env NAME VALUE-SOURCE: fills NAME= in .env unless it already has a value.
set_env() {
  if grep -q "^$1=." .env; then
    echo "kept     $1 in .env (already set)"
    return 0
  fi
  # The value goes to awk through its environment, never through its arguments (the process list).
  name="$1" value="$value" awk 'BEGIN { done = 0 }
    index($0, ENVIRON["name"] "=") == 1 && !done { print ENVIRON["name"] "=" ENVIRON["value"]; done = 1; next }
    { print }
    END { if (!done) print ENVIRON["name"] "=" ENVIRON["value"] }' .env >.env.tmp
  chmod 600 .env.tmp
  mv .env.tmp .env
  echo "set      $1 in .env"
}`;

const ASK_FN = `ask_value() {
  printf '%s (not shown): ' "$1"
  stty -echo 2>/dev/null || true
  IFS= read -r value || true
  stty echo 2>/dev/null || true
  printf '\\n'
}`;

export function renderSecretsScript(choices: KitChoices): GeneratedFile {
  const secrets = kitSecrets(choices);
  const files = secrets.filter((s) => asFile(s, choices));
  const env = secrets.filter((s) => !asFile(s, choices));
  const steps: string[] = [];
  for (const secret of files) steps.push(`write_file_secret '${secret.name}'`);
  for (const secret of env) {
    if (secret.made === 'random') steps.push(`grep -q '^${secret.name}=.' .env || random_value`, `set_env '${secret.name}'`);
    else
      steps.push(
        `if ! grep -q '^${secret.name}=.' .env; then`,
        `  ask_value '${secret.name}'`,
        `  if [ -n "$value" ]; then set_env '${secret.name}'; else echo "no ${secret.name} entered: paste it into .env later" >&2; fi`,
        'fi',
      );
  }
  const content = `#!/bin/sh
# Creates the kit's secrets here, on the server, from /dev/urandom: they never pass through the browser, the clipboard,
# a downloaded file or your shell history. Values that already exist are kept (a new storage encryption key would make
# Authelia's database unreadable). Run it next to compose.yaml, as the user in PUID/PGID, not with sudo:
#   sh create-secrets.sh
set -eu
umask 077
cd "$(dirname "$0")"
mkdir -p secrets authelia npm/data npm/letsencrypt
chmod 700 secrets
[ -f .env ] || cp .env.example .env
chmod 600 .env
value=''

${RANDOM_FN}

${FILE_FN}

${ENV_FN}

${ASK_FN}

${steps.join('\n')}
echo 'done: now run docker compose up -d'
`;
  return { name: KIT_FILES.secretsScript, language: 'shell', content };
}

/**
 * The inline opt-in: `.env` (env delivery) or one file per Docker secret with the values made in the page; a value the
 * page did not pass is made here. Typed secrets (the tunnel token) are left for the reader to paste.
 */
export function renderInlineSecrets(choices: KitChoices, extras: KitExtras): GeneratedFile[] {
  const given = extras.inlineSecrets ?? {};
  const valueOf = (name: string) => given[name] || randomSecret(RECOMMENDED_SECRET_LENGTH);
  const secrets = kitSecrets(choices).filter((s) => s.made === 'random');
  const out: GeneratedFile[] = secrets
    .filter((s) => asFile(s, choices))
    .map((s) => ({ name: secretHostPath(s.name).replace(/^\.\//, ''), language: 'text', content: valueOf(s.name) }));
  const inEnv = secrets.filter((s) => !asFile(s, choices));
  if (inEnv.length) {
    const lines = [
      '# Made in the page (the inline opt-in). chmod 600 .env on the server; never commit it.',
      ...BASE_ENV.map((e) => `${e.name}=${encodeDotenvValue(e.value)}`),
      ...inEnv.map((s) => `${s.name}=${encodeDotenvValue(valueOf(s.name))}`),
      ...(choices.tunnel.enabled ? ['TUNNEL_TOKEN='] : []),
    ];
    out.push({ name: KIT_FILES.env, language: 'dotenv', content: `${lines.join('\n')}\n` });
  }
  return out;
}
