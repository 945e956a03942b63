/**
 * Router-side files: the setup script, the IP-forwarding sysctl file, the optional UDP GRO tip.
 */
import type { GeneratedFile } from '../core';
import { commandLine, type RouterCommands } from './commands';
import { CLI_TEXT, LINKS, TAILSCALE_VERSION } from './facts';
import type { Plan } from './plan';

export const SYSCTL_PATH = '/etc/sysctl.d/99-tailscale.conf';
export const SYSCTL_IPV4 = 'net.ipv4.ip_forward = 1';
export const SYSCTL_IPV6 = 'net.ipv6.conf.all.forwarding = 1';

const INSTALL: Record<Plan['os'], string[]> = {
  linux: [
    '# 1. Install Tailscale (the official script adds the package repository for your distribution).',
    'curl -fsSL https://tailscale.com/install.sh | sh',
  ],
  macos: [
    '# 1. Install Tailscale from the Mac App Store or https://tailscale.com/download/mac and sign in once.',
    '#    The app ships the CLI; when `tailscale` is not on your PATH, this script calls the app binary.',
    'command -v tailscale >/dev/null 2>&1 || tailscale() { /Applications/Tailscale.app/Contents/MacOS/Tailscale "$@"; }',
  ],
  windows: ['# 1. Install Tailscale: download and run the installer from https://tailscale.com/download/windows'],
};

function describeRole(plan: Plan): string {
  if (plan.routes.length && plan.exitNode) return 'subnet router and exit node';
  return plan.exitNode ? 'exit node' : 'subnet router';
}

export function sysctlLines(plan: Plan): string[] {
  return plan.ipv6Forwarding ? [SYSCTL_IPV4, SYSCTL_IPV6] : [SYSCTL_IPV4];
}

/** The sysctl keys those lines set, for a `sysctl <key>…` check. */
export function sysctlKeys(plan: Plan): string[] {
  return sysctlLines(plan).map((l) => l.split(' = ')[0] ?? l);
}

/** Where the file goes when Tailscale runs in a container (forwarding is a setting of each network namespace). */
const SYSCTL_WHERE: Record<Plan['platform'], string | undefined> = {
  host: undefined,
  docker: "# Put it on the Docker host: with network_mode: host the container uses the host's forwarding settings.",
  lxc: '# Put it inside the LXC container: the container has its own network stack and its own forwarding settings.',
};

export function renderSysctl(plan: Plan): GeneratedFile {
  const where = SYSCTL_WHERE[plan.platform];
  const content = [
    `# ${SYSCTL_PATH}: IP forwarding for a Tailscale ${describeRole(plan)}.`,
    ...(where ? [where] : []),
    `# Apply without a reboot: sudo sysctl -p ${SYSCTL_PATH}`,
    `# Check with: sysctl ${sysctlKeys(plan).join(' ')} (each must print = 1).`,
    '# Only `tailscale up` with routes or an exit node warns when forwarding is off; `tailscale set` says nothing.',
    `# ${LINKS.ipForwarding}`,
    ...sysctlLines(plan),
    '',
  ].join('\n');
  return { name: '99-tailscale.conf', language: 'ini', content };
}

/**
 * The forwarding step ends with an explicit `sysctl` check because the CLI's own warning is not reliable here:
 * `tailscale up` checks forwarding once the routes are in its prefs
 * (https://github.com/tailscale/tailscale/blob/v1.102.3/cmd/tailscale/cli/up.go#L555), but `tailscale set` runs the
 * same check before it has computed the routes
 * (https://github.com/tailscale/tailscale/blob/v1.102.3/cmd/tailscale/cli/set.go#L196, routes filled in at #L217),
 * so it never warns about them (open issue https://github.com/tailscale/tailscale/issues/14760).
 */
export function forwardingStep(plan: Plan): string[] {
  const printf = `printf '%s\\n' ${sysctlLines(plan)
    .map((l) => `'${l}'`)
    .join(' ')}`;
  return [
    '',
    '# 2. IP forwarding, kept across reboots (the same lines as 99-tailscale.conf).',
    'if [ -d /etc/sysctl.d ]; then',
    `  ${printf} | sudo tee ${SYSCTL_PATH} >/dev/null`,
    `  sudo sysctl -p ${SYSCTL_PATH}`,
    'else',
    `  ${printf} | sudo tee -a /etc/sysctl.conf >/dev/null`,
    '  sudo sysctl -p /etc/sysctl.conf',
    'fi',
    '# Each must print = 1. `tailscale set` does not warn when forwarding is off (only `tailscale up` does).',
    `sysctl ${sysctlKeys(plan).join(' ')}`,
  ];
}

export function firewallStep(plan: Plan): string[] {
  if (plan.firewall === 'firewalld') {
    return [
      '',
      '# 3. firewalld: allow masquerading, as the Tailscale subnet-router docs advise (tailscale#4639).',
      'sudo firewall-cmd --permanent --add-masquerade',
      'sudo firewall-cmd --reload',
      '# If forwarded traffic is still dropped (Fedora defaults), put tailscale0 in the trusted zone:',
      '# sudo firewall-cmd --permanent --zone=trusted --add-interface=tailscale0 && sudo firewall-cmd --reload',
    ];
  }
  if (plan.firewall === 'ufw') {
    return [
      '',
      "# 3. ufw: accept traffic arriving on the Tailscale interface and Tailscale's direct-connection port (tailscale#7332, #9084).",
      'sudo ufw allow in on tailscale0',
      'sudo ufw allow 41641/udp',
    ];
  }
  return [];
}

function upLines(plan: Plan, cmds: RouterCommands, shell: 'sh' | 'powershell', sudo: boolean): string[] {
  const n = plan.os === 'linux' ? (plan.firewall === 'none' ? 3 : 4) : 2;
  const lines = [
    '',
    `# ${n}. Log in, then advertise. \`tailscale set\` changes only the settings it names (recommended);`,
    '#    `tailscale set` cannot set tags or the login server, so those go on the first `tailscale up`.',
    commandLine(cmds.login, shell, sudo),
  ];
  if (cmds.set) lines.push(commandLine(cmds.set, shell, sudo));
  lines.push(
    '',
    '# The same in one `tailscale up`. With flags, `up` takes them as the complete set of settings: a later `up` that',
    `# leaves one out stops with "${CLI_TEXT.upRequiresAllFlags}",`,
    '# and with --reset every unspecified setting goes back to its default. Prefer `tailscale set` for changes.',
    `# ${commandLine(cmds.up, shell, sudo)}`,
  );
  return lines;
}

function approvalLines(plan: Plan): string[] {
  if (plan.coordination === 'headscale') {
    return ['', '# Then approve the routes on the Headscale server: see headscale.sh.'];
  }
  if (plan.approval === 'autoApprovers') {
    return ['', '# Approval is automatic once policy.hujson is merged into your tailnet policy (save it before advertising).'];
  }
  return ['', '# Then approve the routes in the admin console: see approve.txt.'];
}

function checkLines(shell: 'sh' | 'powershell', sudo: boolean): string[] {
  return [
    '',
    '# Check what this device advertises (AdvertiseRoutes); a later `tailscale up --reset` can clear it:',
    commandLine(['tailscale', 'debug', 'prefs'], shell, sudo),
  ];
}

export function renderRouterScript(plan: Plan, cmds: RouterCommands): GeneratedFile {
  const shell = plan.os === 'windows' ? 'powershell' : 'sh';
  const sudo = plan.os === 'linux';
  const header =
    plan.os === 'windows'
      ? [
          `# Tailscale ${describeRole(plan)} on Windows (tailscale ${TAILSCALE_VERSION}). Run in PowerShell.`,
          '# --unattended keeps Tailscale running when you sign out of Windows.',
        ]
      : [
          '#!/bin/sh',
          `# Tailscale ${describeRole(plan)} on ${plan.os === 'linux' ? 'Linux' : 'macOS'} (tailscale ${TAILSCALE_VERSION}).`,
          ...(plan.platform === 'lxc' ? ['# Run inside the LXC container, after lxc-host.sh on the Proxmox host.'] : []),
          'set -eu',
        ];
  const lines = [
    ...header,
    '',
    ...INSTALL[plan.os],
    ...(plan.os === 'linux' ? [...forwardingStep(plan), ...firewallStep(plan)] : []),
    ...upLines(plan, cmds, shell, sudo),
    ...approvalLines(plan),
    ...checkLines(shell, sudo),
    '',
  ];
  return {
    name: plan.os === 'windows' ? 'router.ps1' : 'router.sh',
    language: plan.os === 'windows' ? 'powershell' : 'shell',
    content: lines.join('\n'),
  };
}

export function renderUdpGro(): GeneratedFile {
  const content = [
    '#!/bin/sh',
    '# Optional, Linux 6.2 or newer: better UDP throughput through a subnet router or exit node.',
    '# tailscale reports "UDP GRO forwarding is suboptimally configured on <iface>, …" when this applies.',
    `# ${LINKS.udpGro}`,
    'set -eu',
    '',
    '# The network device that carries the default route.',
    'NETDEV=$(ip -o route get 8.8.8.8 | cut -f 5 -d " ")',
    'sudo ethtool -K "$NETDEV" rx-udp-gro-forwarding on rx-gro-list off',
    '',
    '# Keep the setting across reboots where networkd-dispatcher runs.',
    'if [ "$(systemctl is-enabled networkd-dispatcher 2>/dev/null)" = enabled ]; then',
    `  printf '#!/bin/sh\\n\\nethtool -K %s rx-udp-gro-forwarding on rx-gro-list off\\n' "$NETDEV" | sudo tee /etc/networkd-dispatcher/routable.d/50-tailscale >/dev/null`,
    '  sudo chmod 755 /etc/networkd-dispatcher/routable.d/50-tailscale',
    'fi',
    '',
  ].join('\n');
  return { name: 'udp-gro.sh', language: 'shell', content };
}
