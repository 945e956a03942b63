/**
 * Client-side file: use the subnet routes and the exit node.
 */
import type { GeneratedFile } from '../core';
import { commandLine, type ClientCommands } from './commands';
import { TAILSCALE_VERSION } from './facts';
import type { Plan } from './plan';

const OS_NAME: Record<Plan['clientOs'], string> = {
  linux: 'Linux',
  macos: 'macOS',
  windows: 'Windows',
  ios: 'iOS',
  android: 'Android',
};

const CLIENT_INSTALL: Record<'linux' | 'macos' | 'windows', string> = {
  linux: 'curl -fsSL https://tailscale.com/install.sh | sh',
  macos: 'the Mac App Store or https://tailscale.com/download/mac',
  windows: 'https://tailscale.com/download/windows',
};

function loginLines(plan: Plan, cmds: ClientCommands, shell: 'sh' | 'powershell', sudo: boolean): string[] {
  if (plan.coordination === 'headscale') {
    return [
      '# Log in to your Headscale server (a device signed in to Tailscale needs --force-reauth to switch servers).',
      commandLine(cmds.login, shell, sudo),
    ];
  }
  return ['# Log in (does nothing if this device is already connected).', commandLine(cmds.login, shell, sudo)];
}

function routeLines(plan: Plan, cmds: ClientCommands, shell: 'sh' | 'powershell', sudo: boolean): string[] {
  if (!plan.client.acceptRoutes) return [];
  if (!cmds.acceptRoutes) {
    return ['', `# Subnet routes: ${OS_NAME[plan.clientOs]} accepts them by default, nothing to do.`];
  }
  const lan = plan.routes.length ? plan.routes.join(', ') : 'your home LAN';
  return [
    '',
    `# Reach ${lan}: Linux clients must opt in to subnet routes.`,
    '# Not on a machine that is itself inside that LAN: it would send its own LAN traffic through the tunnel.',
    commandLine(cmds.acceptRoutes, shell, sudo),
  ];
}

function exitLines(plan: Plan, cmds: ClientCommands, shell: 'sh' | 'powershell', sudo: boolean): string[] {
  if (!cmds.useExitNode || !cmds.stopExitNode) return [];
  const lan = plan.client.allowLan ? ', keeping the local network (printer, hotel portal) reachable' : '';
  const lines = [
    '',
    `# Send all internet traffic through ${plan.client.exitNodeName}${lan}.`,
    commandLine(cmds.useExitNode, shell, sudo),
  ];
  if (plan.clientOs === 'linux') {
    lines.push('# With strict reverse-path filtering (rp_filter=1) Linux drops the replies; tailscale asks for rp_filter=2.');
  }
  lines.push('# Stop using the exit node:', commandLine(cmds.stopExitNode, shell, sudo));
  return lines;
}

function upLines(cmds: ClientCommands, shell: 'sh' | 'powershell', sudo: boolean): string[] {
  if (cmds.up.length <= 2) return [];
  return [
    '',
    '# The same in one `tailscale up` (it must name every non-default setting; later changes go through `tailscale set`):',
    `# ${commandLine(cmds.up, shell, sudo)}`,
  ];
}

function mobileClient(plan: Plan): GeneratedFile {
  const lines = [`Tailscale on ${OS_NAME[plan.clientOs]} (the Tailscale app):`, ''];
  if (plan.coordination === 'headscale') {
    lines.push(
      `- Before signing in, point the app at your Headscale server (${plan.loginServer}) in its account / server settings.`,
    );
  }
  if (plan.client.acceptRoutes) lines.push('- Subnet routes: the app accepts them by default, nothing to do.');
  if (plan.client.useExitNode) {
    lines.push(`- Exit node: open the app, choose Exit Node and pick ${plan.client.exitNodeName}. Choose None to stop.`);
    if (plan.client.allowLan)
      lines.push('- Where the app offers it, allow local network access so the local network stays reachable.');
  }
  return { name: 'client.txt', language: 'text', content: `${lines.join('\n')}\n` };
}

export function renderClient(plan: Plan, cmds: ClientCommands): GeneratedFile {
  if (plan.clientOs === 'ios' || plan.clientOs === 'android') return mobileClient(plan);
  const os = plan.clientOs;
  const windows = os === 'windows';
  const shell = windows ? 'powershell' : 'sh';
  const sudo = plan.clientOs === 'linux';
  const header = windows
    ? [`# Tailscale client on Windows (tailscale ${TAILSCALE_VERSION}). Run in PowerShell.`]
    : ['#!/bin/sh', `# Tailscale client on ${OS_NAME[plan.clientOs]} (tailscale ${TAILSCALE_VERSION}).`, 'set -eu'];
  const macCli =
    plan.clientOs === 'macos'
      ? ['command -v tailscale >/dev/null 2>&1 || tailscale() { /Applications/Tailscale.app/Contents/MacOS/Tailscale "$@"; }']
      : [];
  const lines = [
    ...header,
    `# Install first if needed: ${CLIENT_INSTALL[os]}`,
    ...macCli,
    '',
    ...loginLines(plan, cmds, shell, sudo),
    ...routeLines(plan, cmds, shell, sudo),
    ...exitLines(plan, cmds, shell, sudo),
    ...upLines(cmds, shell, sudo),
    '',
  ];
  return { name: windows ? 'client.ps1' : 'client.sh', language: windows ? 'powershell' : 'shell', content: lines.join('\n') };
}
