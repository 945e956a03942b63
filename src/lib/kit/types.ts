/**
 * The front-door kit's input beside the homelab profile: the optional parts (Redis, the internal DNS server,
 * cloudflared for one public service, how secrets are made and handed to the containers), their defaults, and the
 * kit's file names. Data only.
 */
import type { DnsServer } from '../dns/options';

/** The internal DNS server the kit configures; `none` leaves DNS out (names come from elsewhere). Ids of src/lib/dns. */
export type KitDns = 'none' | DnsServer;

export interface KitChoices {
  /** Redis for Authelia's sessions (sessions survive an Authelia restart); off keeps them in memory. */
  redis: boolean;
  dns: KitDns;
  /** cloudflared publishes ONE service of the profile (its `name`) to the internet, past NPM and Authelia. */
  tunnel: { enabled: boolean; service: string };
  /**
   * `server`: create-secrets.sh makes every secret on the server (nothing secret is in the kit). `inline`: the kit
   * carries the values made in the page (the explicit opt-in, as in the Authelia setup builder).
   */
  secrets: 'server' | 'inline';
  /** `env`: values in `.env`, read through `${VAR}`. `docker-secrets`: files in ./secrets, read through `*_FILE`. */
  secretsDelivery: 'env' | 'docker-secrets';
}

export const defaultKitChoices: KitChoices = {
  redis: false,
  dns: 'dnsmasq',
  tunnel: { enabled: false, service: '' },
  secrets: 'server',
  secretsDelivery: 'docker-secrets',
};

export const KIT_DNS_CHOICES: readonly KitDns[] = ['none', 'dnsmasq', 'unbound', 'pihole', 'adguard', 'technitium'];
export const KIT_SECRETS_CHOICES: readonly KitChoices['secrets'][] = ['server', 'inline'];
export const KIT_DELIVERY_CHOICES: readonly KitChoices['secretsDelivery'][] = ['env', 'docker-secrets'];

/** What the page adds that a pure function cannot make: argon2id digests (its worker) and opted-in secret values. */
export interface KitExtras {
  /** username → argon2id digest. Users without one get users_database.yml's refusing placeholder. */
  passwordHashes?: Record<string, string>;
  /** Secret variable name (as in `.env.example`) → value; only read with `secrets: 'inline'`. */
  inlineSecrets?: Record<string, string>;
}

/** The kit's fixed file names (snippets are `npm/<host>.advanced.conf`, DNS/Tailscale files keep their builder's names). */
export const KIT_FILES = {
  compose: 'compose.yaml',
  envExample: '.env.example',
  env: '.env',
  gitignore: '.gitignore',
  secretsScript: 'create-secrets.sh',
  autheliaConfig: 'authelia/configuration.yml',
  autheliaUsers: 'authelia/users_database.yml',
  npmChecklist: 'npm/checklist.md',
  sshDropIn: 'ssh/00-homelab.conf',
  readme: 'README.md',
} as const;

export const NPM_DIR = 'npm/';
export const DNS_DIR = 'dns/';
export const TAILSCALE_DIR = 'tailscale/';
export const SSH_DIR = 'ssh/';
/** The one Docker network NPM and its upstreams share. */
export const KIT_NETWORK = 'frontdoor';
