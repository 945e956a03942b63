/**
 * Images that read a secret from a file named by `<VAR>_FILE` (or `<VAR>__FILE`), as each image documents it (e.g. the
 * official postgres image: https://github.com/docker-library/docs/blob/master/postgres/README.md#docker-secrets).
 * Only these get the Docker-secrets treatment; everything else keeps its value in `.env`.
 */

export interface FileVariantRule {
  /** Repository paths after the registry host and `library/` are removed, without tag or digest. */
  repositories: readonly string[];
  /** Which keys accept a file variant. */
  accepts: (key: string) => boolean;
  /** The suffix that names the file variant. */
  suffix: '_FILE' | '__FILE';
  /** Shown in diagnostics. */
  label: string;
}

const POSTGRES_KEYS = new Set(['POSTGRES_PASSWORD', 'POSTGRES_USER', 'POSTGRES_DB', 'POSTGRES_INITDB_ARGS']);
const MARIADB_KEYS = new Set([
  'MARIADB_ROOT_PASSWORD',
  'MARIADB_PASSWORD',
  'MARIADB_USER',
  'MARIADB_DATABASE',
  'MARIADB_ROOT_HOST',
  'MARIADB_PASSWORD_HASH',
  'MARIADB_ROOT_PASSWORD_HASH',
  'MARIADB_REPLICATION_PASSWORD',
  'MARIADB_REPLICATION_PASSWORD_HASH',
  'MARIADB_REPLICATION_USER',
  'MARIADB_MASTER_HOST',
  'MARIADB_MASTER_PORT',
  'MYSQL_ROOT_PASSWORD',
  'MYSQL_PASSWORD',
  'MYSQL_USER',
  'MYSQL_DATABASE',
  'MYSQL_ROOT_HOST',
]);
const MYSQL_KEYS = new Set(['MYSQL_ROOT_PASSWORD', 'MYSQL_PASSWORD']);
const WORDPRESS_KEYS = new Set(['WORDPRESS_DB_PASSWORD']);
const NEXTCLOUD_KEYS = new Set([
  'NEXTCLOUD_ADMIN_PASSWORD',
  'NEXTCLOUD_ADMIN_USER',
  'MYSQL_PASSWORD',
  'MYSQL_USER',
  'POSTGRES_DB',
  'POSTGRES_PASSWORD',
  'POSTGRES_USER',
]);
const PAPERLESS_EXCLUDED = new Set(['PAPERLESS_OCR_SKIP_ARCHIVE_FILE', 'PAPERLESS_MODEL_FILE']);

export const FILE_VARIANT_RULES: readonly FileVariantRule[] = [
  { repositories: ['postgres'], accepts: (k) => POSTGRES_KEYS.has(k), suffix: '_FILE', label: 'postgres' },
  { repositories: ['mariadb'], accepts: (k) => MARIADB_KEYS.has(k), suffix: '_FILE', label: 'mariadb' },
  { repositories: ['mysql'], accepts: (k) => MYSQL_KEYS.has(k), suffix: '_FILE', label: 'mysql' },
  { repositories: ['wordpress'], accepts: (k) => WORDPRESS_KEYS.has(k), suffix: '_FILE', label: 'wordpress' },
  { repositories: ['nextcloud'], accepts: (k) => NEXTCLOUD_KEYS.has(k), suffix: '_FILE', label: 'nextcloud' },
  {
    repositories: ['vaultwarden/server'],
    accepts: (k) => /^[A-Z0-9_]+$/.test(k) && !k.endsWith('_FILE'),
    suffix: '_FILE',
    label: 'vaultwarden',
  },
  {
    repositories: ['paperless-ngx/paperless-ngx', 'paperlessngx/paperless-ngx'],
    accepts: (k) => /^PAPERLESS_[A-Z0-9_]+$/.test(k) && !PAPERLESS_EXCLUDED.has(`${k}_FILE`) && !k.endsWith('_FILE'),
    suffix: '_FILE',
    label: 'paperless-ngx',
  },
  {
    repositories: ['authelia/authelia'],
    accepts: (k) => /^AUTHELIA_[A-Z0-9_]*(KEY|SECRET|PASSWORD|TOKEN)$/.test(k),
    suffix: '_FILE',
    label: 'authelia',
  },
  {
    repositories: ['grafana/grafana', 'grafana/grafana-oss', 'grafana/grafana-enterprise'],
    accepts: (k) => /^GF_[A-Za-z0-9_]+$/.test(k) && !k.endsWith('__FILE'),
    suffix: '__FILE',
    label: 'grafana',
  },
  {
    repositories: ['gitea/gitea', 'gitea'],
    accepts: (k) => /^GITEA__[A-Za-z0-9_]+$/.test(k) && !k.endsWith('__FILE'),
    suffix: '__FILE',
    label: 'gitea',
  },
];

/** `ghcr.io/authelia/authelia:4.39@sha256:…` → `authelia/authelia`; `postgres:16` → `postgres`; `docker.gitea.com/gitea` → `gitea`. */
export function imageRepository(image: string): string {
  let ref = image.trim().split('@')[0] ?? '';
  const parts = ref.split('/');
  const first = parts[0] ?? '';
  if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost')) parts.shift();
  ref = parts.join('/');
  const colon = ref.lastIndexOf(':');
  if (colon > ref.lastIndexOf('/')) ref = ref.slice(0, colon);
  return ref.replace(/^library\//, '').toLowerCase();
}

/** The file-variant key (`POSTGRES_PASSWORD_FILE`, `GF_SECURITY_ADMIN_PASSWORD__FILE`) when the image supports one. */
export function fileVariant(image: string | undefined, key: string): { key: string; label: string } | undefined {
  if (!image || image.includes('$')) return undefined;
  const repo = imageRepository(image);
  const rule = FILE_VARIANT_RULES.find((r) => r.repositories.includes(repo));
  return rule?.accepts(key) ? { key: key + rule.suffix, label: rule.label } : undefined;
}
