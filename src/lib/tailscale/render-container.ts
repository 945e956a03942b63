/**
 * Router files for Tailscale in a container on a Linux machine:
 * - Docker: the official image in kernel-networking mode on the host's network (compose.yaml, .env.example and the
 *   host-side steps). Variables as containerboot reads them in tailscale v1.102.3
 *   (https://github.com/tailscale/tailscale/blob/v1.102.3/cmd/containerboot/settings.go#L96-L126).
 * - Proxmox LXC: the host-side TUN passthrough (lxc-host.sh); inside the container the ordinary Linux router.sh runs.
 */
import type { GeneratedFile } from '../core';
import { quoteYaml } from '../core/yaml';
import { commandLine, containerExtraArgs } from './commands';
import { TAILSCALE_IMAGE, TAILSCALE_VERSION } from './facts';
import type { Plan } from './plan';
import { firewallStep, forwardingStep } from './render-router';

export const COMPOSE_SERVICE = 'tailscale';
export const STATE_VOLUME = 'tailscale-state';
export const STATE_DIR = '/var/lib/tailscale';
/** The two lines Tailscale's LXC guide adds to `/etc/pve/lxc/<id>.conf`: allow the TUN character device, bind it in. */
export const LXC_TUN_LINES = [
  'lxc.cgroup2.devices.allow: c 10:200 rwm',
  'lxc.mount.entry: /dev/net/tun dev/net/tun none bind,create=file',
] as const;

function roleName(plan: Plan): string {
  if (plan.routes.length && plan.exitNode) return 'subnet router and exit node';
  return plan.exitNode ? 'exit node' : 'subnet router';
}

/** Compose interpolates `$` in every value; `$$` is a literal dollar sign. */
const literal = (s: string) => s.replace(/\$/g, () => '$$');

/** The environment, in containerboot's own variables. */
export function composeEnvironment(plan: Plan): string[] {
  const extra = containerExtraArgs(plan);
  return [
    // Read from .env by Compose; never written into this file.
    'TS_AUTHKEY=${TS_AUTHKEY}',
    `TS_STATE_DIR=${STATE_DIR}`,
    'TS_AUTH_ONCE=true',
    'TS_USERSPACE=false',
    ...(plan.hostname ? [`TS_HOSTNAME=${literal(plan.hostname)}`] : []),
    ...(plan.routes.length ? [`TS_ROUTES=${plan.routes.join(',')}`] : []),
    ...(extra.length ? [`TS_EXTRA_ARGS=${literal(extra.join(' '))}`] : []),
  ];
}

export function renderCompose(plan: Plan): GeneratedFile {
  const lines = [
    `# compose.yaml: Tailscale ${roleName(plan)} in Docker (${TAILSCALE_IMAGE}).`,
    '# Kernel networking on the host network: tailscale0 is created on the host, and the host forwards the routed',
    "# packets, so the host's IP forwarding settings (99-tailscale.conf) decide whether routing works.",
    'services:',
    `  ${COMPOSE_SERVICE}:`,
    `    image: ${TAILSCALE_IMAGE}`,
    '    network_mode: host',
    '    restart: unless-stopped',
    '    # /dev/net/tun and NET_ADMIN let tailscaled create tailscale0 and its routes and firewall rules.',
    '    # If the host has no /dev/net/tun, run `sudo modprobe tun` on the host rather than adding SYS_MODULE here.',
    '    devices:',
    '      - /dev/net/tun:/dev/net/tun',
    '    cap_add:',
    '      - NET_ADMIN',
    '    volumes:',
    `      - ${STATE_VOLUME}:${STATE_DIR}`,
    '    environment:',
    "      # TS_USERSPACE=false: kernel networking with a real tailscale0 (the image's default is userspace networking).",
    '      # TS_AUTH_ONCE=true: use the key only while the state volume holds no login yet; later starts reuse the login.',
    '      # TS_EXTRA_ARGS goes to that first `tailscale up` only; TS_ROUTES and TS_HOSTNAME are applied on every start.',
    ...composeEnvironment(plan).map((e) => `      - ${quoteYaml(e)}`),
    'volumes:',
    `  ${STATE_VOLUME}: {}`,
    '',
  ];
  return { name: 'compose.yaml', language: 'yaml', content: lines.join('\n') };
}

export function renderEnvExample(plan: Plan): GeneratedFile {
  const where =
    plan.coordination === 'headscale'
      ? '# Create one on the Headscale server: headscale preauthkeys create --user <USER_ID>'
      : '# Create one in the admin console under Settings → Keys → Generate auth key.';
  const lines = [
    '# Copy to .env next to compose.yaml (cp .env.example .env), paste the auth key, and keep .env out of git.',
    where,
    'TS_AUTHKEY=',
    '',
  ];
  return { name: '.env.example', language: 'dotenv', content: lines.join('\n') };
}

function exec(argv: string[]): string {
  return commandLine(['docker', 'compose', 'exec', COMPOSE_SERVICE, ...argv], 'sh', false);
}

/** The host-side steps for the Docker variant, numbered like router.sh. */
export function renderDockerSetup(plan: Plan): GeneratedFile {
  const n = plan.firewall === 'none' ? 3 : 4;
  const approval =
    plan.coordination === 'headscale'
      ? '# Then approve the routes on the Headscale server: see headscale.sh.'
      : plan.approval === 'autoApprovers'
        ? '# Approval is automatic once policy.hujson is merged into your tailnet policy (save it before starting).'
        : '# Then approve the routes in the admin console: see approve.txt.';
  const lines = [
    '#!/bin/sh',
    `# Tailscale ${roleName(plan)} in Docker on Linux (tailscale ${TAILSCALE_VERSION}). Run on the Docker host, next to`,
    '# compose.yaml and .env.example. Prefix the docker commands with sudo if your user is not in the docker group.',
    'set -eu',
    '',
    '# 1. Docker Engine with the Compose plugin: `docker compose version` must work.',
    ...forwardingStep(plan).map((l) => l.replace('# 2. IP forwarding,', '# 2. IP forwarding on the host,')),
    ...firewallStep(plan),
    '',
    `# ${n}. Put the auth key into .env (see .env.example), then start the container and watch it log in.`,
    '[ -f .env ] || cp .env.example .env',
    'grep -q "^TS_AUTHKEY=." .env || { echo "Paste your auth key after TS_AUTHKEY= in .env first." >&2; exit 1; }',
    'docker compose up -d',
    `docker compose logs --tail=30 ${COMPOSE_SERVICE}`,
    '',
    approval,
    '',
    '# Check what the container advertises (AdvertiseRoutes). TS_EXTRA_ARGS is read at the first login only; change',
    `# those settings later with \`${exec(['tailscale', 'set'])} …\`.`,
    exec(['tailscale', 'debug', 'prefs']),
    '',
  ];
  return { name: 'router.sh', language: 'shell', content: lines.join('\n') };
}

/** Runs on the Proxmox VE host: lets one container use /dev/net/tun. */
export function renderLxcHost(): GeneratedFile {
  const lines = [
    '#!/bin/sh',
    '# Run as root on the Proxmox VE host, before router.sh runs inside the container.',
    "# Gives LXC container CTID the TUN device tailscaled needs (Tailscale's LXC guide:",
    '# https://tailscale.com/kb/1130/lxc-unprivileged). Without it tailscaled cannot create tailscale0 and stops.',
    'set -eu',
    '',
    'CTID=100   # your container, as listed by `pct list`',
    'CONF="/etc/pve/lxc/${CTID}.conf"',
    '',
    '# Add each line once.',
    ...LXC_TUN_LINES.map((l) => `grep -qxF '${l}' "$CONF" || echo '${l}' >>"$CONF"`),
    '',
    '# Restart the container so it gets /dev/net/tun, and check that the device is there.',
    'pct reboot "$CTID"',
    'pct exec "$CTID" -- ls -l /dev/net/tun',
    '',
    '# Then open a shell in the container (pct enter "$CTID") and run router.sh there.',
    '',
  ];
  return { name: 'lxc-host.sh', language: 'shell', content: lines.join('\n') };
}
