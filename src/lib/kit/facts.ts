/**
 * The images the kit's compose.yaml runs, pinned as the guides advise (src/content/docs: an exact release for NPM,
 * Technitium and cloudflared, Authelia's minor line, a major line for the database-like Redis), and the ports the
 * admin consoles listen on inside their containers. Data only.
 */
import { AUTHELIA_CONTAINER } from '../authelia/config/options';

export const KIT_IMAGES = {
  /** src/content/docs/nginx-proxy-manager.mdx */
  npm: 'jc21/nginx-proxy-manager:2.15.1',
  /** src/lib/authelia/facts.ts (the minor line 4.39, as the Authelia setup guide runs it). */
  authelia: AUTHELIA_CONTAINER.image,
  /** A minor line of Redis 7 (src/content/docs/updates.mdx: a major or minor line for databases). */
  redis: 'redis:7.4-alpine',
  /** src/content/docs/internal-dns.mdx */
  technitium: 'technitium/dns-server:15.6.0',
  /** Pi-hole v6 (FTL 6.x, the version src/lib/dns targets). */
  pihole: 'pihole/pihole:2025.08.0',
  /** AdGuard Home v0.107 (the version src/lib/dns targets). */
  adguard: 'adguard/adguardhome:v0.107.69',
  /** src/content/docs/cloudflare-tunnel.mdx */
  cloudflared: 'cloudflare/cloudflared:2026.8.2',
} as const;

/** NPM's admin UI inside its container (src/content/docs/nginx-proxy-manager.mdx). */
export const NPM_ADMIN_PORT = 81;
/** The ports only the proxy may publish on every address: HTTP and HTTPS for the proxy hosts. */
export const PUBLIC_PROXY_PORTS: readonly number[] = [80, 443];

/** The DNS servers that run in Docker in the kit, with their web console (host port → container port). */
export const DNS_CONSOLES: Readonly<Record<'pihole' | 'adguard' | 'technitium', { host: number; container: number }>> = {
  // Pi-hole's web server listens on 80 in the container; NPM owns the host's 80.
  pihole: { host: 8080, container: 80 },
  // AdGuard Home's first-run wizard listens on 3000; choose port 3000 for the web interface there too.
  adguard: { host: 3000, container: 3000 },
  technitium: { host: 5380, container: 5380 },
};

export const PUID = AUTHELIA_CONTAINER.puid;
export const PGID = AUTHELIA_CONTAINER.pgid;
