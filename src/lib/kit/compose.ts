/**
 * compose.yaml: Nginx Proxy Manager, Authelia, Redis, the DNS server when it runs in Docker, cloudflared. One network
 * (`frontdoor`) for the proxy and what it forwards to; admin ports on the server's LAN address only; every secret
 * through `${VAR}` from `.env` or a Docker secret read through `*_FILE`; nothing secret in the file itself.
 */
import type { GeneratedFile } from '../core';
import { toYaml } from '../core/yaml';
import type { Profile } from '../profile/model';
import { DNS_CONSOLES, KIT_IMAGES, NPM_ADMIN_PORT } from './facts';
import { asFile, kitSecrets, type KitSecret } from './secrets';
import { KIT_FILES, KIT_NETWORK, type KitChoices } from './types';

/** Non-secret `.env` keys every kit uses, with their example values and notes. */
export const BASE_ENV: readonly { name: string; value: string; note: string }[] = [
  { name: 'TZ', value: 'Etc/UTC', note: 'Your time zone, e.g. Europe/Berlin (logs and TOTP codes use it).' },
  {
    name: 'PUID',
    value: '1000',
    note: "Your user's id ('id -u'): NPM and Authelia run as it, so ./npm and ./authelia stay yours.",
  },
  { name: 'PGID', value: '1000', note: "Your user's group id ('id -g')." },
];

/** Where a secret file lives on the server and in the container (Compose mounts secrets at /run/secrets/<name>). */
export const secretHostPath = (name: string) => `./secrets/${name}`;
export const secretContainerPath = (name: string) => `/run/secrets/${name}`;

type Service = Record<string, unknown>;

function secretEnv(secrets: readonly KitSecret[], choices: KitChoices): { environment: Record<string, string>; files: string[] } {
  const environment: Record<string, string> = {};
  const files: string[] = [];
  for (const secret of secrets) {
    if (asFile(secret, choices)) {
      environment[secret.fileEnv!] = secretContainerPath(secret.name);
      files.push(secret.name);
    } else {
      environment[secret.env] = `\${${secret.name}:?run sh create-secrets.sh first}`;
    }
  }
  return { environment, files };
}

const ids = { PUID: '${PUID}', PGID: '${PGID}' };

function npmService(profile: Profile): Service {
  return {
    image: KIT_IMAGES.npm,
    container_name: 'npm',
    restart: 'unless-stopped',
    // 80 and 443 serve every proxy host; the admin UI (81) only on the LAN address (reached from the tailnet through
    // the subnet route), never on every address: Docker publishes ports past ufw.
    ports: ['80:80', '443:443', `${profile.serverIp}:${NPM_ADMIN_PORT}:${NPM_ADMIN_PORT}`],
    environment: { TZ: '${TZ}', ...ids },
    volumes: ['./npm/data:/data', './npm/letsencrypt:/etc/letsencrypt'],
    networks: [KIT_NETWORK],
    // The image ships this script (https://github.com/NginxProxyManager/nginx-proxy-manager/blob/v2.15.1/docker/rootfs/usr/bin/check-health).
    healthcheck: { test: ['CMD', '/usr/bin/check-health'], interval: '30s', timeout: '5s', retries: 3 },
  };
}

function autheliaService(secrets: readonly KitSecret[], choices: KitChoices): Service {
  const own = secretEnv(
    secrets.filter((s) => s.service === 'authelia' || s.service === 'redis'),
    choices,
  );
  return {
    image: KIT_IMAGES.authelia,
    container_name: 'authelia',
    restart: 'unless-stopped',
    // No ports: only NPM talks to Authelia, over the kit network (http://authelia:9091).
    volumes: ['./authelia:/config'],
    environment: { TZ: '${TZ}', ...ids, ...own.environment },
    ...(own.files.length ? { secrets: own.files } : {}),
    networks: [KIT_NETWORK],
    ...(choices.redis ? { depends_on: { redis: { condition: 'service_healthy' } } } : {}),
    // The image's own check (https://github.com/authelia/authelia/blob/v4.39.20/Dockerfile).
    healthcheck: { test: ['CMD', '/app/healthcheck.sh'], interval: '30s', timeout: '5s', retries: 3 },
  };
}

function redisService(choices: KitChoices): Service {
  const file = choices.secretsDelivery === 'docker-secrets';
  // The shell reads the password at start, so it never appears in compose.yaml; `$$` is a literal `$` for Compose.
  const password = file ? `"$$(cat ${secretContainerPath('REDIS_PASSWORD')})"` : '"$$REDIS_PASSWORD"';
  return {
    image: KIT_IMAGES.redis,
    container_name: 'redis',
    restart: 'unless-stopped',
    command: ['sh', '-c', `exec redis-server --appendonly yes --requirepass ${password}`],
    ...(file
      ? { secrets: ['REDIS_PASSWORD'] }
      : { environment: { REDIS_PASSWORD: '${REDIS_PASSWORD:?run sh create-secrets.sh first}' } }),
    volumes: ['./redis:/data'],
    networks: [KIT_NETWORK],
    healthcheck: {
      test: ['CMD-SHELL', `REDISCLI_AUTH=${password} redis-cli ping | grep -q PONG`],
      interval: '30s',
      timeout: '5s',
      retries: 3,
    },
  };
}

function dnsService(profile: Profile, choices: KitChoices, secrets: readonly KitSecret[]): Service | undefined {
  if (choices.dns !== 'pihole' && choices.dns !== 'adguard' && choices.dns !== 'technitium') return undefined;
  const console = DNS_CONSOLES[choices.dns];
  const own = secretEnv(
    secrets.filter((s) => s.service === 'dns'),
    choices,
  );
  const ip = profile.serverIp;
  const volumes = {
    pihole: ['./dns/pihole:/etc/pihole'],
    adguard: ['./dns/adguard/work:/opt/adguardhome/work', './dns/adguard/conf:/opt/adguardhome/conf'],
    technitium: ['./dns/technitium:/etc/dns'],
  }[choices.dns];
  return {
    image: KIT_IMAGES[choices.dns],
    container_name: choices.dns,
    restart: 'unless-stopped',
    // DNS for the LAN (and the tailnet through the subnet route) and the web console: the LAN address only.
    ports: [`${ip}:53:53/udp`, `${ip}:53:53/tcp`, `${ip}:${console.host}:${console.container}/tcp`],
    environment: { TZ: '${TZ}', ...own.environment },
    ...(own.files.length ? { secrets: own.files } : {}),
    volumes,
  };
}

function cloudflaredService(): Service {
  return {
    image: KIT_IMAGES.cloudflared,
    container_name: 'cloudflared',
    restart: 'unless-stopped',
    command: ['tunnel', '--no-autoupdate', 'run'],
    // The token stays in .env: passed as TUNNEL_TOKEN it is neither in this file nor in the process list.
    environment: {
      TUNNEL_TOKEN: '${TUNNEL_TOKEN:?paste the tunnel token into .env}',
      // Metrics and readiness on the container's own loopback, for the healthcheck (as deploy/compose.yaml does).
      TUNNEL_METRICS: '127.0.0.1:20241',
    },
    networks: [KIT_NETWORK],
    // The image has no shell: `cloudflared tunnel ready` asks /ready at TUNNEL_METRICS (200 once a connection is up).
    healthcheck: { test: ['CMD', 'cloudflared', 'tunnel', 'ready'], interval: '30s', timeout: '5s', retries: 3 },
  };
}

export interface ComposeOutput {
  file: GeneratedFile;
  /** Every `.env` key compose.yaml reads, in order of first use. */
  envKeys: string[];
}

export function renderCompose(profile: Profile, choices: KitChoices): ComposeOutput {
  const secrets = kitSecrets(choices);
  const services: Record<string, Service> = { npm: npmService(profile), authelia: autheliaService(secrets, choices) };
  if (choices.redis) services.redis = redisService(choices);
  const dns = dnsService(profile, choices, secrets);
  if (dns) services[choices.dns] = dns;
  if (choices.tunnel.enabled) services.cloudflared = cloudflaredService();
  const fileSecrets = secrets.filter((s) => asFile(s, choices));
  const doc: Record<string, unknown> = {
    name: 'frontdoor',
    services,
    networks: { [KIT_NETWORK]: { name: KIT_NETWORK } },
    ...(fileSecrets.length
      ? { secrets: Object.fromEntries(fileSecrets.map((s) => [s.name, { file: secretHostPath(s.name) }])) }
      : {}),
  };
  const header = [
    '# The front door: Nginx Proxy Manager in front, Authelia deciding who gets in.',
    `# Apps NPM forwards to join the '${KIT_NETWORK}' network (or are reached at their LAN address).`,
    '# Run sh create-secrets.sh once before the first `docker compose up -d`.',
    '',
  ].join('\n');
  const envKeys = [...BASE_ENV.map((e) => e.name), ...secrets.filter((s) => !asFile(s, choices)).map((s) => s.name)];
  return { file: { name: KIT_FILES.compose, language: 'yaml', content: header + toYaml(doc) }, envKeys };
}
