/**
 * Upstream facts this builder relies on, each with the pinned source it was checked against. Data only, no logic.
 */

export const SOURCES = {
  /** dnsmasq 2.90 (Debian) and upstream man page: `--address` domains work like `--server`, more specific wins. */
  dnsmasqPrecedence: 'https://github.com/imp/dnsmasq/blob/cb321709e9f20cd0949aa375dad2b97050394659/man/dnsmasq.8#L517-L591',
  /** Since 2.86 non-matching types for an `--address` domain are forwarded; `--local` restores NODATA. */
  dnsmasqLocal: 'https://github.com/imp/dnsmasq/blob/cb321709e9f20cd0949aa375dad2b97050394659/man/dnsmasq.8#L602-L605',
  dnsmasqRebind: 'https://github.com/imp/dnsmasq/blob/cb321709e9f20cd0949aa375dad2b97050394659/man/dnsmasq.8#L477',
  /** unbound.conf(5): local-zone types redirect / static / transparent, private-domain, forward-zone. */
  unboundConf: 'https://github.com/NLnetLabs/unbound/blob/release-1.17.1/doc/unbound.conf.5.in#L1390-L1451',
  unboundPrivateDomain: 'https://github.com/NLnetLabs/unbound/blob/release-1.17.1/doc/unbound.conf.5.in#L1076',
  unboundForwardZone: 'https://github.com/NLnetLabs/unbound/blob/release-1.17.1/doc/unbound.conf.5.in#L2027',
  /** Pi-hole v6 FTL: `dns.upstreams`, `dns.hosts` ("IP HOSTNAME"), `misc.dnsmasq_lines`. */
  piholeConfig: 'https://github.com/pi-hole/FTL/blob/v6.4.1/src/config/config.c#L407',
  piholeHosts: 'https://github.com/pi-hole/FTL/blob/v6.4.1/src/config/config.c#L491-L494',
  piholeDnsmasqLines: 'https://github.com/pi-hole/FTL/blob/v6.4.1/src/config/config.c#L1397-L1398',
  /** FTL watches pihole.toml (inotify) and re-reads it when it is written. */
  piholeReload: 'https://github.com/pi-hole/FTL/blob/v6.4.1/src/config/inotify.c#L212',
  /** AdGuard Home: rewrites moved from `dns:` to `filtering:` in config schema 26; `enabled` added in schema 31. */
  adguardMigration: 'https://github.com/AdguardTeam/AdGuardHome/blob/v0.107.69/internal/configmigrate/v26.go#L45-L62',
  adguardRewrites: 'https://github.com/AdguardTeam/AdGuardHome/blob/v0.107.69/internal/filtering/rewrites.go#L22-L40',
  /** Exact beats wildcard; the special answers `A` / `AAAA` keep the upstream records (an exception). */
  adguardPriority: 'https://github.com/AdguardTeam/AdGuardHome/blob/v0.107.69/internal/filtering/rewrites.go#L111-L130',
  /** Technitium HTTP API: /api/zones/create (Primary, Forwarder with `this-server`), /api/zones/records/add. */
  technitiumCreateZone:
    'https://github.com/TechnitiumSoftware/DnsServer/blob/aa9044d4df9d739b6a6e428bb77cecb3356b775b/APIDOCS.md#L2105-L2135',
  technitiumAddRecord:
    'https://github.com/TechnitiumSoftware/DnsServer/blob/aa9044d4df9d739b6a6e428bb77cecb3356b775b/APIDOCS.md#L3118-L3195',
  /** Headscale 0.29.2 `dns.nameservers.split`: a map of domain → nameserver list. */
  headscaleSplit: 'https://github.com/juanfont/headscale/blob/v0.29.2/config-example.yaml#L348-L355',
} as const;

/** Target versions, for the files' headers. */
export const TARGETS = {
  dnsmasq: 'dnsmasq 2.86 or later',
  unbound: 'Unbound 1.17',
  pihole: 'Pi-hole v6, FTL 6.x',
  adguard: 'AdGuard Home v0.107 (config schema 26 or later)',
  technitium: 'Technitium DNS Server 13 or later',
  headscale: 'Headscale 0.29',
} as const;

/** Where the router settings live (menu paths as the vendors name them). */
export const ROUTER_FACTS = {
  fritzRebind: 'Home Network → Network → Network Settings → DNS Rebind Protection (host name exceptions)',
  fritzDns: 'Home Network → Network → Network Settings → IPv4 Settings → Local DNS server',
  /** The canary domain Firefox checks before turning on DNS over HTTPS by itself. */
  dohCanary: 'use-application-dns.net',
} as const;
