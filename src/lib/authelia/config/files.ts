/** The secret-files mode's companions of configuration.yml: the compose service and create-secrets.sh. */
import type { GeneratedFile } from '../../core';
import { RECOMMENDED_SECRET_LENGTH } from '../secrets';
import { AUTHELIA_CONTAINER, COMPOSE_FILE_NAME, PATHS, SECRET_SLOTS, SECRETS_SCRIPT_NAME } from './options';

export function renderCompose(): GeneratedFile {
  const env = SECRET_SLOTS.map((s) => `      ${s.env}: '${PATHS.secretsInContainer}/${s.file}'`).join('\n');
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

export function renderSecretsScript(): GeneratedFile {
  const writes = SECRET_SLOTS.map((s) => `write_secret '${s.file}'`).join('\n');
  const content = `#!/bin/sh
# Creates Authelia's secret files in ${PATHS.secretsOnHost} (mounted read-only at ${PATHS.secretsInContainer}).
# The values are generated here, on your server, from /dev/urandom: they never pass through the browser,
# the clipboard, a downloaded file or your shell history. Existing files are kept, because a new storage
# encryption key would make the existing database unreadable.
# Run it next to compose.yaml: sh ${SECRETS_SCRIPT_NAME}
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

${writes}
# Authelia runs as PUID:PGID from compose.yaml and must be able to read these files. Run this script as
# that user, not with sudo; if the files already belong to root, hand them over:
#   sudo chown -R "$(id -u):$(id -g)" ${PATHS.secretsOnHost}
`;
  return { name: SECRETS_SCRIPT_NAME, language: 'shell', content };
}
