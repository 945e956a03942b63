/**
 * Internal-DNS builder: names under your zone answer the proxy's LAN address in dnsmasq, Unbound, Pi-hole, AdGuard Home
 * or Technitium, public names keep resolving publicly (exceptions), plus router, tailnet split DNS and dig checks.
 */

/** Options, their defaults (home.example.com → 192.168.1.10, a wildcard, Quad9 upstreams) and the server choices. */
export { defaultInternalDnsOptions, DNS_SERVERS, type DnsServer, type InternalDnsOptions } from './options';

/** Generate the files for the chosen server plus `router-and-tailnet.md` and `checks.sh`. */
export { generateInternalDns } from './generate';

/** The list parser used for internalNames, publicNames and upstreams (comma, semicolon, space or newline). */
export { parseNameList } from './names';
