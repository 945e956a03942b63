/** The internal-DNS builder's options, their defaults and the allowed server choices. */

/** The DNS server the user runs (or will run) for the LAN. */
export type DnsServer = 'dnsmasq' | 'unbound' | 'pihole' | 'adguard' | 'technitium';

export interface InternalDnsOptions {
  /** Base domain you own, e.g. `example.com`. */
  domain: string;
  /** Where internal names live: '' = the whole domain, or a label path such as `home` (→ `home.example.com`). */
  zone: string;
  /** The proxy's LAN IPv4 address, e.g. `192.168.1.10`. */
  serverIp: string;
  /** Optional tailnet (100.64.0.0/10) address of the proxy; '' = none. */
  tailnetIp: string;
  /** Labels or FQDNs under the zone (comma, space or newline separated); '' = a wildcard for the zone. */
  internalNames: string;
  /** FQDNs that must keep resolving publicly, e.g. `blog.example.com`. */
  publicNames: string;
  /** Upstream resolver IPs, e.g. `9.9.9.9, 1.1.1.1`; '' = keep the server's own upstream setting. */
  upstreams: string;
  server: DnsServer;
}

export const DNS_SERVERS: readonly DnsServer[] = ['dnsmasq', 'unbound', 'pihole', 'adguard', 'technitium'];

/** The guides' example: internal names under home.example.com, all pointing at the proxy on 192.168.1.10. */
export const defaultInternalDnsOptions: InternalDnsOptions = {
  domain: 'example.com',
  zone: 'home',
  serverIp: '192.168.1.10',
  tailnetIp: '',
  internalNames: '',
  publicNames: '',
  upstreams: '9.9.9.9, 149.112.112.112',
  server: 'dnsmasq',
};

/** Every option key, for diagnostics' `path`. */
export const OPTION_KEYS = Object.keys(defaultInternalDnsOptions) as (keyof InternalDnsOptions)[];
