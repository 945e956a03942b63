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
}

export interface NpmOptions {
  /** Where NPM reaches Authelia, scheme + host + port, e.g. `http://authelia:9091`. */
  autheliaUpstream: string;
  /** The Authelia portal, e.g. `https://auth.example.com` (Authelia's `session.cookies[].authelia_url`). */
  portalUrl: string;
  /** Authelia's `session.cookies[].domain`; empty or missing: the portal's parent domain. */
  cookieDomain?: string;
  hosts: NpmHost[];
}
