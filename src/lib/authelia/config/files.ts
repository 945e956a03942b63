/** The secret-files mode's companions of configuration.yml: the compose service and create-secrets.sh. */
import type { GeneratedFile } from '../../core';
import { RECOMMENDED_SECRET_LENGTH } from '../secrets';
import { AUTHELIA_CONTAINER, COMPOSE_FILE_NAME, PATHS, SECRET_SLOTS, SECRETS_SCRIPT_NAME, SMTP_PASSWORD_SECRET } from './options';

/** The compose service; `smtpPassword` adds the SMTP password's `_FILE` variable. */
export function renderCompose(smtpPassword = false): GeneratedFile {
  const variables = [...SECRET_SLOTS, ...(smtpPassword ? [SMTP_PASSWORD_SECRET] : [])];
  const env = variables.map((s) => `      ${s.env}: '${PATHS.secretsInContainer}/${s.file}'`).join('\n');
  const { image, puid, pgid } = AUTHELIA_CONTAINER;
  const content = `# Merge into the authelia service of your compose.yaml. Run create-secrets.sh first.
# Authelia must share a Docker network with Nginx Proxy Manager, which reaches it as http://authelia:9091.
services:
  authelia:
    image: '${image}'
    container_name: 'authelia'
    restart: 'unless-stopped'
    volumes:
      - './config:/config'
      - '${PATHS.secretsOnHost}:${PATHS.secretsInContainer}:ro'
    environment:
      # Run as your own user so ./config stays yours: put the output of 'id -u' and 'id -g' here.
      # Without them the image runs as root and takes ./config over: editing it then needs sudo, and so does
      # reading notification.txt, which Authelia writes for its owner only.
      PUID: '${puid}'
      PGID: '${pgid}'
${env}
`;
  return { name: COMPOSE_FILE_NAME, language: 'yaml', content };
}

/**
 * create-secrets.sh; `smtpPassword` adds a prompt for the SMTP password (read without echo, so it stays out of the
 * shell history and the process list; when stdin is not a terminal the line is read as it comes).
 */
export function renderSecretsScript(smtpPassword = false): GeneratedFile {
  const writes = [
    ...SECRET_SLOTS.map((s) => `write_secret '${s.file}'`),
    ...(smtpPassword ? [`ask_secret '${SMTP_PASSWORD_SECRET.file}' 'SMTP password'`] : []),
  ].join('\n');
  const content = `#!/bin/sh
# Creates Authelia's secret files in ${PATHS.secretsOnHost} (mounted read-only at ${PATHS.secretsInContainer}).
# The values are generated here, on your server, from /dev/urandom: they never pass through the browser,
# the clipboard, a downloaded file or your shell history. Existing files are kept, because a new storage
# encryption key would make the existing database unreadable.
${smtpPassword ? '# The SMTP password is the one secret you type: the script asks for it and does not show it.\n' : ''}# Run it next to compose.yaml: sh ${SECRETS_SCRIPT_NAME}
set -eu
umask 077
dir='${PATHS.secretsOnHost}'
mkdir -p "$dir"
chmod 700 "$dir"

write_secret() {
  file="$dir/$1"
  if [ -s "$file" ]; then
    echo "kept     $file (already exists)"
    return 0
  fi
  # ${RECOMMENDED_SECRET_LENGTH} random letters and digits; tr discards every other byte, so no character is favoured.
  value=$(LC_ALL=C tr -dc 'A-Za-z0-9' </dev/urandom | head -c ${RECOMMENDED_SECRET_LENGTH})
  if [ \${#value} -ne ${RECOMMENDED_SECRET_LENGTH} ]; then
    echo "could not read enough random data for $file" >&2
    exit 1
  fi
  # printf is a shell builtin: the value never shows up in the process list.
  printf '%s' "$value" >"$file"
  chmod 600 "$file"
  echo "created  $file"
}
${smtpPassword ? ASK_SECRET : ''}
${writes}
# Authelia runs as PUID:PGID from compose.yaml and must be able to read these files. Run this script as
# that user, not with sudo; if the files already belong to root, hand them over:
#   sudo chown -R "$(id -u):$(id -g)" ${PATHS.secretsOnHost}
`;
  return { name: SECRETS_SCRIPT_NAME, language: 'shell', content };
}

/** The shell function that asks for a secret only the user knows (the SMTP password). */
const ASK_SECRET = `
ask_secret() {
  file="$dir/$1"
  if [ -s "$file" ]; then
    echo "kept     $file (already exists)"
    return 0
  fi
  printf '%s (not shown): ' "$2"
  stty -echo 2>/dev/null || true
  IFS= read -r value || true
  stty echo 2>/dev/null || true
  printf '\\n'
  if [ -z "$value" ]; then
    echo "no $2 entered; run the script again to create $file" >&2
    exit 1
  fi
  printf '%s' "$value" >"$file"
  chmod 600 "$file"
  echo "created  $file"
}
`;
