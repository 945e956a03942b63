/**
 * Every secret the kit's containers need, given the choices: its `.env` / Docker-secret name, who reads it and how,
 * and whether create-secrets.sh makes it from /dev/urandom or asks for it (a token only the reader has).
 */
import { SECRET_SLOTS } from '../authelia/config/options';
import type { KitChoices } from './types';

export interface KitSecret {
  /** The `.env` key and the Docker secret's name, e.g. `AUTHELIA_SESSION_SECRET`. */
  name: string;
  service: 'authelia' | 'redis' | 'cloudflared' | 'dns';
  /** The container variable that takes the value itself (env delivery). */
  env: string;
  /** The container variable that takes a file path instead (Docker-secrets delivery); undefined: always `.env`. */
  fileEnv?: string;
  /** `random`: made by create-secrets.sh. `typed`: the reader pastes it (a token from a dashboard). */
  made: 'random' | 'typed';
  /** One sentence for .env.example. */
  note: string;
}

const AUTHELIA_NOTES: Record<string, string> = {
  jwt: 'Signs the password-reset links Authelia sends.',
  session: 'Encrypts the session data Authelia keeps.',
  storageEncryptionKey: 'Encrypts the database; never change it once the database exists.',
};

/**
 * Authelia reads each secret from `AUTHELIA_<KEY>` or from the file named by `AUTHELIA_<KEY>_FILE`
 * (https://www.authelia.com/configuration/methods/secrets/, https://www.authelia.com/configuration/methods/environment/;
 * the `_FILE` names are docs/data/configkeys.json @ v4.39.20, kept in src/lib/authelia/config/options.ts).
 */
export function kitSecrets(choices: KitChoices): KitSecret[] {
  const secrets: KitSecret[] = SECRET_SLOTS.map((slot) => {
    const env = slot.env.replace(/_FILE$/, '');
    return { name: env, service: 'authelia', env, fileEnv: slot.env, made: 'random', note: AUTHELIA_NOTES[slot.slot] ?? '' };
  });
  if (choices.redis) {
    secrets.push({
      name: 'REDIS_PASSWORD',
      service: 'redis',
      env: 'AUTHELIA_SESSION_REDIS_PASSWORD',
      fileEnv: 'AUTHELIA_SESSION_REDIS_PASSWORD_FILE',
      made: 'random',
      note: 'The password Authelia uses for Redis; only containers on the kit network reach Redis.',
    });
  }
  if (choices.dns === 'pihole') {
    // Pi-hole's image reads the web password from FTLCONF_webserver_api_password or the file named by WEBPASSWORD_FILE
    // (https://github.com/pi-hole/docker-pi-hole/blob/2025.08.0/README.md, "Environment variables").
    secrets.push({
      name: 'PIHOLE_PASSWORD',
      service: 'dns',
      env: 'FTLCONF_webserver_api_password',
      fileEnv: 'WEBPASSWORD_FILE',
      made: 'random',
      note: "Pi-hole's web console password (sh create-secrets.sh made it; read it from there to log in).",
    });
  }
  if (choices.dns === 'technitium') {
    // Technitium reads DNS_SERVER_ADMIN_PASSWORD or DNS_SERVER_ADMIN_PASSWORD_FILE on its first start
    // (https://github.com/TechnitiumSoftware/DnsServer/blob/aa9044d4df9d739b6a6e428bb77cecb3356b775b/docker-compose.yml).
    secrets.push({
      name: 'TECHNITIUM_ADMIN_PASSWORD',
      service: 'dns',
      env: 'DNS_SERVER_ADMIN_PASSWORD',
      fileEnv: 'DNS_SERVER_ADMIN_PASSWORD_FILE',
      made: 'random',
      note: "Technitium's console password for the admin user, applied on the first start only.",
    });
  }
  if (choices.tunnel.enabled) {
    // cloudflared takes the token from TUNNEL_TOKEN (src/content/docs/cloudflare-tunnel.mdx); it is pasted, not made.
    secrets.push({
      name: 'TUNNEL_TOKEN',
      service: 'cloudflared',
      env: 'TUNNEL_TOKEN',
      made: 'typed',
      note: "The tunnel's token from the Cloudflare dashboard; anyone who has it can run your tunnel.",
    });
  }
  return secrets;
}

/** Whether a secret reaches its container as a Docker secret (a file) with these choices. */
export const asFile = (secret: KitSecret, choices: KitChoices): boolean =>
  choices.secretsDelivery === 'docker-secrets' && secret.fileEnv !== undefined;
