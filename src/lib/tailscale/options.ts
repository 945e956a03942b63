import type { ClientOs, RouterOs } from './facts';

/** What the device does: route a LAN, carry internet traffic, both, or only use them. */
export type TailscaleRole = 'subnet-router' | 'exit-node' | 'both' | 'client';
/** Who runs the control plane: Tailscale's service, or a self-hosted Headscale. */
export type Coordination = 'tailscale' | 'headscale';
/** The router's host firewall, for the prerequisites it needs (Linux only). */
export type RouterFirewall = 'none' | 'firewalld' | 'ufw';
/** How the advertised routes get approved: by hand, or automatically by the policy file. */
export type Approval = 'console' | 'autoApprovers';
/** Where tailscaled runs on a Linux router: on the machine itself, in the official Docker image, or in a Proxmox LXC. */
export type RouterPlatform = 'host' | 'docker' | 'lxc';

export interface TailscaleOptions {
  role: TailscaleRole;
  /** OS of the router (ignored for the `client` role). */
  os: RouterOs;
  /** Linux routers only: where tailscaled runs. `host` (the default) is a plain install on the machine or VM. */
  platform: RouterPlatform;
  /** The `--advertise-routes` value exactly as typed, e.g. `192.168.1.0/24`. */
  routes: string;
  /** `--hostname` for the router (its machine name in the tailnet); '' keeps the OS hostname. */
  hostname: string;
  /** `--advertise-tags` as typed, comma-separated, e.g. `tag:router`. */
  tags: string;
  coordination: Coordination;
  /** The Headscale URL for `--login-server` (only with `coordination: 'headscale'`). */
  loginServer: string;
  /** The Headscale user that owns the tags in the policy (written `name@` there). */
  headscaleUser: string;
  firewall: RouterFirewall;
  approval: Approval;
  /** The router has IPv6 enabled in its kernel (adds the IPv6 forwarding line when needed). */
  ipv6: boolean;
  /** `--snat-subnet-routes` (Linux; default true). */
  snatSubnetRoutes: boolean;
  /** `--ssh`: run the Tailscale SSH server on the router (Linux only in this builder). */
  ssh: boolean;
  /** Include the optional UDP GRO throughput tip (Linux). */
  udpGro: boolean;
  /** OS of the devices that use the routes / exit node. */
  clientOs: ClientOs;
  /** Client role: use the advertised subnet routes. */
  acceptRoutes: boolean;
  /** Client role: send internet traffic through an exit node. */
  useExitNode: boolean;
  /** The exit node to use (name, Tailscale IP or `auto:any`); '' uses the router's hostname. */
  exitNode: string;
  /** `--exit-node-allow-lan-access` on clients that use the exit node. */
  exitNodeAllowLanAccess: boolean;
}

/** The article's example: a Linux subnet router for 192.168.1.0/24 on Tailscale, approved in the admin console. */
export const defaultTailscaleOptions: TailscaleOptions = {
  role: 'subnet-router',
  os: 'linux',
  platform: 'host',
  routes: '192.168.1.0/24',
  hostname: 'home-router',
  tags: '',
  coordination: 'tailscale',
  loginServer: '',
  headscaleUser: 'homelab',
  firewall: 'none',
  approval: 'console',
  ipv6: true,
  snatSubnetRoutes: true,
  ssh: false,
  udpGro: true,
  clientOs: 'linux',
  acceptRoutes: true,
  useExitNode: false,
  exitNode: '',
  exitNodeAllowLanAccess: true,
};

/** The allowed values of each choice field (the UI's select options). */
export const TAILSCALE_CHOICES = {
  role: ['subnet-router', 'exit-node', 'both', 'client'],
  os: ['linux', 'macos', 'windows'],
  platform: ['host', 'docker', 'lxc'],
  coordination: ['tailscale', 'headscale'],
  firewall: ['none', 'firewalld', 'ufw'],
  approval: ['console', 'autoApprovers'],
  clientOs: ['linux', 'macos', 'windows', 'ios', 'android'],
} as const satisfies Partial<Record<keyof TailscaleOptions, readonly string[]>>;
