/**
 * Facts read from tailscale v1.102.3 (https://github.com/tailscale/tailscale/blob/v1.102.3/cmd/tailscale/cli/up.go `newUpFlagSet`, `prefsFromUpArgs`;
 * https://github.com/tailscale/tailscale/blob/v1.102.3/cmd/tailscale/cli/set.go `newSetFlagSet`) and Headscale v0.29.2. Data only, no logic.
 */

export const TAILSCALE_VERSION = '1.102.3';
/**
 * The official image, pinned to the release above. Releases are pushed as `v<major.minor.patch>` and `v<major.minor>`
 * (https://github.com/tailscale/tailscale/blob/v1.102.3/build_docker.sh#L28).
 */
export const TAILSCALE_IMAGE = `tailscale/tailscale:v${TAILSCALE_VERSION}`;
export const HEADSCALE_VERSION = '0.29.2';
/** What the builder's output targets, for provenance headers: the commands hold for every release since 1.80. */
export const TAILSCALE_TARGET = 'Tailscale 1.80+';

/** Operating systems the builder writes router commands for (KB 1019: Linux, Windows, macOS can be routers). */
export type RouterOs = 'linux' | 'macos' | 'windows';
/** Operating systems of a device that uses the routes or the exit node. */
export type ClientOs = RouterOs | 'ios' | 'android';

/** Go's GOOS for each, as the CLI's platform checks use it. */
export const GOOS: Record<ClientOs, string> = {
  linux: 'linux',
  macos: 'darwin',
  windows: 'windows',
  ios: 'ios',
  android: 'android',
};

export interface FlagFact {
  /** Accepted by `tailscale up`. */
  up: boolean;
  /** Accepted by `tailscale set`. */
  set: boolean;
  /** OSes where the flag applies; `all` when the CLI has no platform restriction. */
  os: readonly ClientOs[] | 'all';
}

/**
 * The flags this builder can emit (`newUpFlagSet` and `newSetFlagSet` in https://github.com/tailscale/tailscale/blob/v1.102.3/cmd/tailscale/cli/). `--ssh` is listed for Linux only: on macOS the SSH server needs the
 * open-source `tailscaled`, not the App Store/standalone app the builder assumes, and Windows is unsupported.
 */
export const FLAG_FACTS: Record<string, FlagFact> = {
  'advertise-routes': { up: true, set: true, os: 'all' },
  'advertise-exit-node': { up: true, set: true, os: 'all' },
  'accept-routes': { up: true, set: true, os: 'all' },
  'snat-subnet-routes': { up: true, set: true, os: ['linux'] },
  ssh: { up: true, set: true, os: ['linux'] },
  hostname: { up: true, set: true, os: 'all' },
  'advertise-tags': { up: true, set: false, os: 'all' },
  'exit-node': { up: true, set: true, os: 'all' },
  'exit-node-allow-lan-access': { up: true, set: true, os: 'all' },
  'login-server': { up: true, set: false, os: 'all' },
  unattended: { up: true, set: true, os: ['windows'] },
};

/**
 * `--accept-routes` default per OS (`Prefs.DefaultRouteAll`,
 * https://github.com/tailscale/tailscale/blob/v1.102.3/ipn/prefs.go#L789): true on Windows, Android, iOS and the two
 * sandboxed macOS apps (App Store and standalone), which the builder's `macos` means; false on Linux and for the
 * open-source `tailscaled` on macOS.
 */
export const ACCEPT_ROUTES_DEFAULT: Record<ClientOs, boolean> = {
  linux: false,
  macos: true,
  windows: true,
  ios: true,
  android: true,
};

export const TAILSCALE_IPV4_RANGE = '100.64.0.0/10';
export const TAILSCALE_IPV6_RANGE = 'fd7a:115c:a1e0::/48';
/** `tsaddr.TailscaleViaRange`: 64-bit prefix + 32-bit site ID + 32-bit IPv4. */
export const VIA_RANGE = 'fd7a:115c:a1e0:b1a::/64';
export const VIA_MIN_BITS = 96;
export const VIA_MAX_SITE_ID = 0xffff;

/** Home-router defaults that hotels, cafés and other homes use too (tailscale#826, #5664, #15104). */
export const COMMON_HOME_RANGES = ['192.168.0.0/24', '192.168.1.0/24', '10.0.0.0/24'] as const;

/** RFC 1918 private IPv4 ranges and the IPv6 unique local range. */
export const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'] as const;

/** Ranges that are never a LAN: advertising them is a mistake. */
export const SPECIAL_RANGES: readonly { prefix: string; name: string }[] = [
  { prefix: '0.0.0.0/8', name: '"this network" (0.0.0.0/8)' },
  { prefix: '127.0.0.0/8', name: 'loopback (127.0.0.0/8)' },
  { prefix: '169.254.0.0/16', name: 'link-local (169.254.0.0/16)' },
  { prefix: '224.0.0.0/4', name: 'multicast (224.0.0.0/4)' },
  { prefix: '240.0.0.0/4', name: 'reserved (240.0.0.0/4)' },
  { prefix: '::/128', name: 'the unspecified address (::/128)' },
  { prefix: '::1/128', name: 'loopback (::1/128)' },
  { prefix: '::ffff:0.0.0.0/96', name: 'IPv4-mapped IPv6 (::ffff:0:0/96)' },
  { prefix: 'fe80::/10', name: 'link-local (fe80::/10)' },
  { prefix: 'ff00::/8', name: 'multicast (ff00::/8)' },
];

/** Global unicast IPv6: a home LAN's prefix from the ISP lives here. */
export const IPV6_GLOBAL_UNICAST = '2000::/3';

export const LINKS = {
  ipForwarding: 'https://tailscale.com/s/ip-forwarding',
  udpGro: 'https://tailscale.com/s/ethtool-config-udp-gro',
  subnets: 'https://tailscale.com/kb/1019/subnets',
  exitNodes: 'https://tailscale.com/kb/1103/exit-nodes',
  policySyntax: 'https://tailscale.com/s/acl-format',
  headscaleRoutes: 'https://headscale.net/stable/ref/routes/',
} as const;

/** CLI messages reproduced verbatim (`prefsFromUpArgs` in https://github.com/tailscale/tailscale/blob/v1.102.3/cmd/tailscale/cli/up.go; https://github.com/tailscale/tailscale/blob/18f65b97798836f82cdf23f5b6aec16f1c5f08c3/net/netutil/routes.go#L40-L87). */
export const CLI_TEXT = {
  snatWithExitNode:
    '--snat-subnet-routes=false is set with --advertise-exit-node; internet traffic through this exit node may not work as expected',
  sshUnsupported: (goos: string) => `The Tailscale SSH server is not supported on ${goos}`,
  upRequiresAllFlags: "changing settings via 'tailscale up' requires mentioning all non-default flags",
  exitNodeInvalid: (q: string) => `invalid value ${q} for --exit-node; must be IP or peer hostname`,
  tagNotPermitted: 'requested tags [...] are invalid or not permitted',
} as const;
