/** Tailscale client and Headscale server messages. */
import type { Signature } from '../types';

const TS = '/guides/tailscale/';
const HS = '/guides/headscale/';

export const TAILSCALE_SIGNATURES: readonly Signature[] = [
  {
    id: 'tailscale-accept-routes-false',
    tool: 'tailscale',
    title: 'Peers advertise routes but this device does not accept them',
    needle: '--accept-routes is false',
    pattern: /Some peers are advertising routes but --accept-routes is false/,
    specificity: 50,
    cause:
      'A subnet router offers your LAN, but Linux clients (and open-source tailscaled on macOS) ignore advertised routes until told otherwise. On a device that sits in that LAN itself, ignoring them is right and the note can stay.',
    fix: [{ text: 'On a client outside the LAN, accept the routes.', command: 'sudo tailscale set --accept-routes' }],
    guide: `${TS}#accept-routes-on-linux-clients`,
    builder: { builder: 'tailscale', field: 'acceptRoutes' },
  },
  {
    id: 'tailscale-ip-forwarding-disabled',
    tool: 'tailscale',
    title: 'IP forwarding is disabled on the subnet router',
    needle: 'forward',
    pattern:
      /(?:IP forwarding is disabled, subnet routing\/exit nodes will not work|net\.ipv[46]\.(?:ip_forward|conf\.all\.forwarding) is disabled\. Subnet routes won't work)/,
    specificity: 50,
    cause:
      'The router advertises routes, but the kernel drops every packet it would forward, so the LAN stays unreachable even after the route is approved.',
    fix: [
      {
        text: 'Turn forwarding on for IPv4 and IPv6 and keep it across reboots.',
        command:
          "echo 'net.ipv4.ip_forward = 1' | sudo tee /etc/sysctl.d/99-tailscale.conf && echo 'net.ipv6.conf.all.forwarding = 1' | sudo tee -a /etc/sysctl.d/99-tailscale.conf && sudo sysctl -p /etc/sysctl.d/99-tailscale.conf",
      },
    ],
    guide: `${TS}#turn-on-ip-forwarding`,
    builder: { builder: 'tailscale', field: 'routes' },
  },
  {
    id: 'tailscale-forwarding-check-failed',
    tool: 'tailscale',
    title: "Tailscale couldn't check IP forwarding",
    needle: "couldn't check system's ip forwarding",
    pattern: /Couldn't check system's IP forwarding configuration/i,
    specificity: 50,
    cause:
      'tailscaled could not read the forwarding sysctls, typically because IPv6 is disabled in the kernel or the container has no access to /proc/sys.',
    fix: [{ text: 'Check the values yourself.', command: 'sysctl net.ipv4.ip_forward net.ipv6.conf.all.forwarding' }],
    guide: `${TS}#check-that-forwarding-is-on`,
    builder: { builder: 'tailscale', field: 'ipv6' },
  },
  {
    id: 'tailscale-udp-gro',
    tool: 'tailscale',
    title: 'UDP GRO forwarding is suboptimally configured',
    needle: 'udp gro forwarding is suboptimally configured',
    pattern: /UDP GRO forwarding is suboptimally configured on [\w.@:-]{1,64}/i,
    specificity: 40,
    cause:
      'A performance note, not an error: the network card could merge forwarded UDP packets and give a subnet router or exit node more throughput.',
    fix: [
      {
        text: 'Turn the offload on for the interface named in the message (resets at reboot; the guide shows how to keep it).',
        command: 'sudo ethtool -K eth0 rx-udp-gro-forwarding on rx-gro-list off',
      },
    ],
    guide: `${TS}#build-your-commands`,
    builder: { builder: 'tailscale', field: 'udpGro' },
  },
  {
    id: 'tailscale-up-non-default-flags',
    tool: 'tailscale',
    title: 'tailscale up requires mentioning all non-default flags',
    needle: 'requires mentioning all',
    pattern: /changing settings via 'tailscale up' requires mentioning all/,
    specificity: 50,
    cause:
      'tailscale up replaces the whole setting set; it refuses when you leave out a flag that is currently set, so nothing is switched off by accident.',
    fix: [
      {
        text: 'Change one setting without repeating the others.',
        command: 'sudo tailscale set --advertise-routes=192.168.1.0/24',
      },
      { text: 'Or repeat the command tailscale printed, with your change added.' },
    ],
    guide: `${TS}#build-your-commands`,
    builder: { builder: 'tailscale', field: 'role' },
  },
  {
    id: 'tailscale-dns-no-upstream',
    tool: 'tailscale',
    title: 'Tailscale DNS has no upstream resolver (lookups fail, often with an exit node)',
    needle: 'upstream',
    pattern: /(?:no upstream resolvers set, returning SERVFAIL|DNS resolution failed due to missing upstream nameservers)/,
    specificity: 50,
    cause:
      "tailscaled answers this device's DNS on 100.100.100.100 but has nowhere to send names outside the tailnet: the tailnet hands out no global nameserver and the device's own resolvers were dropped. It shows up most when an exit node is on (lookups to the local network's DNS server then go through the exit node, which cannot reach it) or when --accept-dns is off on a host that still points at 100.100.100.100.",
    fix: [
      { text: 'See which resolvers the device uses now.', command: 'tailscale dns status' },
      {
        text: 'Keep the local network (and its DNS server) reachable while the exit node is on.',
        command: 'sudo tailscale set --exit-node-allow-lan-access',
      },
      { text: 'Or add a global nameserver for the tailnet (your home resolver) and turn on Override DNS servers.' },
    ],
    guide: `${TS}#when-an-exit-node-breaks-dns`,
    builder: { builder: 'tailscale', field: 'exitNodeAllowLanAccess' },
  },
  {
    id: 'headscale-route-not-approved',
    tool: 'headscale',
    title: 'Headscale: the route is advertised but not approved',
    needle: '|',
    // `headscale routes list` (0.25 and older): ID | Node | Prefix | Advertised | Enabled | Primary — advertised, not enabled.
    pattern: /^\s*\d{1,9}\s*\|\s*[^|\n]{1,200}\|\s*[0-9a-fA-F:.]{2,45}\/\d{1,3}\s*\|\s*true\s*\|\s*false\s*\|/,
    specificity: 50,
    cause:
      'The router offers the route, but Headscale has not approved it, so no client receives it and the LAN (or the exit node, for 0.0.0.0/0 and ::/0) stays unreachable. Headscale never approves a route by itself unless a policy lists the router under autoApprovers.',
    fix: [
      {
        text: 'On Headscale 0.26 and newer, list the routes and approve them for the node (the list names every route to keep).',
        command: 'sudo headscale nodes list-routes && sudo headscale nodes approve-routes --identifier 1 --routes 192.168.1.0/24',
      },
      { text: 'On 0.25 and older, enable the route by its ID.', command: 'sudo headscale routes enable -r 1' },
    ],
    guide: `${HS}#approve-subnet-routes`,
    builder: { builder: 'tailscale', field: 'approval' },
  },
  {
    id: 'headscale-noise-upgrade-failed',
    tool: 'headscale',
    title: 'Headscale: noise upgrade failed',
    needle: 'noise upgrade failed',
    pattern: /noise upgrade failed/,
    specificity: 50,
    cause:
      "A client's encrypted control connection could not be set up. Most often the reverse proxy in front of Headscale does not pass the connection upgrade (WebSocket-style Upgrade/Connection headers), or the client still holds the key of an earlier Headscale install (decrypting machine key fails).",
    fix: [
      { text: "In the proxy host for Headscale, turn on Websockets Support and don't add caching or buffering for it." },
      {
        text: 'If the server was reinstalled, log the client out and in again.',
        command: 'sudo tailscale logout && sudo tailscale up --login-server https://headscale.example.com',
      },
    ],
    guide: `${HS}#behind-a-reverse-proxy`,
    builder: { builder: 'tailscale', field: 'loginServer' },
  },
  {
    id: 'headscale-server-too-old',
    tool: 'headscale',
    title: 'Client: control server is too old; no noise key',
    needle: 'control server is too old',
    pattern: /control server is too old; no noise key/,
    specificity: 50,
    cause:
      'The client reached something at the login server address that does not speak the current control protocol: a very old Headscale, or a proxy answering in its place.',
    fix: [
      {
        text: 'Update Headscale, and check the login server URL reaches it directly.',
        command: 'curl -s https://headscale.example.com/key?v=1',
      },
    ],
    guide: `${HS}#join-your-devices`,
    builder: { builder: 'tailscale', field: 'loginServer' },
  },
  {
    id: 'headscale-noise-key-path-required',
    tool: 'headscale',
    title: 'Headscale: noise.private_key_path is required',
    needle: 'noise.private_key_path',
    pattern: /requires a new `?noise\.private_key_path`? field in the config file/,
    specificity: 50,
    cause: "The config file predates Headscale's Tailscale v2 protocol support and lacks the noise key path.",
    fix: [
      { text: 'Add noise: { private_key_path: /var/lib/headscale/noise_private.key } from the example config of your release.' },
    ],
    guide: `${HS}#install-on-a-debian-or-ubuntu-vps`,
  },
];
