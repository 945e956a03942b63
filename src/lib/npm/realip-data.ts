/**
 * Address ranges the real-client-IP section writes, as dated data with their source.
 */

/**
 * Cloudflare's published edge ranges, as listed at https://www.cloudflare.com/ips-v4 and
 * https://www.cloudflare.com/ips-v6 (the same two URLs NPM 2.15.1 fetches for its own `ip_ranges.conf`:
 * https://github.com/NginxProxyManager/nginx-proxy-manager/blob/v2.15.1/backend/internal/ip_ranges.js#L15-L16).
 * Checked 2026-12-02; Cloudflare changes them rarely, so compare with those pages before relying on an old copy.
 */
export const CLOUDFLARE_RANGES = {
  checked: '2026-12-02',
  source: 'https://www.cloudflare.com/ips/',
  v4: [
    '173.245.48.0/20',
    '103.21.244.0/22',
    '103.22.200.0/22',
    '103.31.4.0/22',
    '141.101.64.0/18',
    '108.162.192.0/18',
    '190.93.240.0/20',
    '188.114.96.0/20',
    '197.234.240.0/22',
    '198.41.128.0/17',
    '162.158.0.0/15',
    '104.16.0.0/13',
    '104.24.0.0/14',
    '172.64.0.0/13',
    '131.0.72.0/22',
  ],
  v6: [
    '2400:cb00::/32',
    '2606:4700::/32',
    '2803:f800::/32',
    '2405:b500::/32',
    '2405:8100::/32',
    '2a06:98c0::/29',
    '2c0f:f248::/32',
  ],
} as const;

/** Tailscale's address range for tailnet devices (IPv4 CGNAT block and the IPv6 ULA prefix). */
export const TAILNET_RANGES = ['100.64.0.0/10', 'fd7a:115c:a1e0::/48'] as const;

/**
 * The private ranges NPM 2.15.1 trusts at http level for `X-Real-IP` (plus the CDN ranges it downloads):
 * https://github.com/NginxProxyManager/nginx-proxy-manager/blob/v2.15.1/docker/rootfs/etc/nginx/nginx.conf#L75-L83
 */
export const NPM_DEFAULT_TRUST = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'] as const;
