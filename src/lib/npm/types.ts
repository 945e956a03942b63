/** One proxy host as configured in Nginx Proxy Manager (NPM 2.15). */
export interface NpmHost {
  /** The host's domain name as entered in NPM's Details tab, e.g. `nextcloud.example.com`. */
  hostname: string;
  /** Put the whole host (`location /`) behind Authelia. */
  protected: boolean;
  /** The app uses WebSockets: the snippet forwards the Upgrade/Connection headers itself. */
  websockets: boolean;
  /** Extra paths that must be protected; on an unprotected host only these are protected. */
  paths: string[];
  /** Details tab: "Cache Assets" toggle. */
  cacheAssets?: boolean;
  /** Details tab: "Websockets Support" toggle. */
  websocketsToggle?: boolean;
  /** Details tab: an Access List other than "Publicly Accessible" is selected. */
  accessList?: boolean;
  /** Custom Locations tab: the paths of the locations defined there. */
  customLocations?: string[];
  /** SSL tab: "HSTS Enabled" (with Force SSL and a certificate). */
  hsts?: boolean;
  /** SSL tab: "HSTS Subdomains". */
  hstsSubdomains?: boolean;
  /** Add X-Content-Type-Options, X-Frame-Options and Referrer-Policy response headers in the snippet. */
  securityHeaders?: boolean;
  /**
   * The app ignores letter case in paths: refuse requests for a protected path spelled in other letter case
   * (`/Admin` when `/admin` is protected), which nginx's case-sensitive locations would not protect.
   */
  caseInsensitive?: boolean;
}

/**
 * What connects to NPM in front of the browsers: `unset` keeps NPM's defaults; `direct` nothing (LAN and tailnet
 * clients reach NPM themselves); `cloudflared` a Cloudflare Tunnel container on NPM's Docker network; `cloudflare`
 * Cloudflare's proxied DNS straight to NPM's published ports; `relay` a proxy on the tailnet or LAN.
 */
export type RealIpMode = 'unset' | 'direct' | 'cloudflared' | 'cloudflare' | 'relay';

export interface RealIpOptions {
  mode: RealIpMode;
  /** The Docker network NPM shares with cloudflared and the apps, e.g. `172.18.0.0/16`, or one address. */
  dockerNetwork?: string;
  /** `relay` mode: the relay's addresses (its tailnet address), one per entry. */
  relays?: string[];
}

export interface NpmOptions {
  /** Where NPM reaches Authelia, scheme + host + port, e.g. `http://authelia:9091`. */
  autheliaUpstream: string;
  /** The Authelia portal, e.g. `https://auth.example.com` (Authelia's `session.cookies[].authelia_url`). */
  portalUrl: string;
  /** Authelia's `session.cookies[].domain`; empty or missing: the portal's parent domain. */
  cookieDomain?: string;
  hosts: NpmHost[];
  /** The real-client-IP section; missing: `unset`. */
  realIp?: RealIpOptions;
}
