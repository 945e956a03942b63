/**
 * Approval: the admin-console steps, the policy-file fragment (tagOwners + autoApprovers), the Headscale commands.
 */
import type { GeneratedFile } from '../core';
import { HEADSCALE_VERSION, LINKS } from './facts';
import type { Plan } from './plan';

const q = (s: string) => JSON.stringify(s);
const list = (items: string[]) => `[${items.map(q).join(', ')}]`;

/** Route list for approval: subnet routes plus the exit-node pair. */
export function approvalRoutes(plan: Plan): string[] {
  return [...plan.routes, ...(plan.exitNode ? ['0.0.0.0/0', '::/0'] : [])];
}

function tagOwner(plan: Plan): string {
  return plan.coordination === 'headscale' ? `${plan.headscaleUser}@` : 'autogroup:admin';
}

function policyHeader(plan: Plan): string[] {
  if (plan.coordination === 'headscale') {
    return [
      `// Headscale policy (HuJSON, Headscale ${HEADSCALE_VERSION}): merge into the file named by policy.path in config.yaml`,
      '// (policy.mode: file), then: sudo systemctl reload headscale',
      '// Differences from Tailscale: users are written with an @ (homelab@), autogroup:admin does not exist,',
      '// and a policy without rules allows everything — once it has grants, only what they allow is permitted.',
    ];
  }
  return [
    '// Tailnet policy file fragment (HuJSON): merge these sections into your policy in the admin console',
    `// (Access controls). Save it before the router advertises its routes. Syntax: ${LINKS.policySyntax}`,
  ];
}

function autoApproverLines(plan: Plan): string[] {
  const approvers = list(plan.tags);
  const routeLines = plan.routes.map((r) => `      ${q(r)}: ${approvers},`);
  return [
    '  // Routes and exit nodes advertised by devices with these tags are approved automatically.',
    '  // A routes entry also approves any smaller subnet inside it; 0.0.0.0/0 here would not approve an exit node.',
    '  "autoApprovers": {',
    ...(routeLines.length ? ['    "routes": {', ...routeLines, '    },'] : []),
    ...(plan.exitNode ? [`    "exitNode": ${approvers},`] : []),
    '  },',
  ];
}

function grantLines(plan: Plan): string[] {
  const grants = [
    ...(plan.routes.length ? [`    {"src": ["autogroup:member"], "dst": ${list(plan.routes)}, "ip": ["*"]},`] : []),
    ...(plan.exitNode ? ['    {"src": ["autogroup:member"], "dst": ["autogroup:internet"], "ip": ["*"]},'] : []),
  ];
  if (!grants.length) return [];
  return [
    '  // Access: approved routes still need a rule that lets clients reach them (and autogroup:internet for the exit node).',
    "  // Redundant while your policy keeps Tailscale's default allow-all rule.",
    '  "grants": [',
    ...grants,
    '  ],',
  ];
}

export function renderPolicy(plan: Plan): GeneratedFile {
  const owner = q(tagOwner(plan));
  const lines = [
    ...policyHeader(plan),
    '{',
    '  // Who may put each tag on a device. A tag must be listed here before any device can use it, otherwise',
    '  // login fails with "requested tags [...] are invalid or not permitted".',
    '  "tagOwners": {',
    ...plan.tags.map((t) => `    ${q(t)}: [${owner}],`),
    '  },',
    ...(plan.approval === 'autoApprovers' ? autoApproverLines(plan) : []),
    ...grantLines(plan),
    '}',
    '',
  ];
  return { name: 'policy.hujson', language: 'jsonc', content: lines.join('\n') };
}

function reach(plan: Plan): string {
  const parts = [
    ...(plan.routes.length ? [plan.routes.join(', ')] : []),
    ...(plan.exitNode ? ['autogroup:internet (the exit node)'] : []),
  ];
  return parts.join(' and ');
}

export function renderConsoleApproval(plan: Plan): GeneratedFile {
  const name = plan.hostname || 'the router';
  if (approvalRoutes(plan).length === 0) {
    const text = 'Nothing to approve yet: no valid route is advertised. Fix the routes first, then approve them here.\n';
    return { name: 'approve.txt', language: 'text', content: text };
  }
  const ticks = [...(plan.routes.length ? [plan.routes.join(', ')] : []), ...(plan.exitNode ? ['"Use as exit node"'] : [])].join(
    ' and ',
  );
  const lines = [
    'Approve the routes in the Tailscale admin console. Routing is double opt-in: the device advertises, an admin approves.',
    '',
    '1. Open https://login.tailscale.com/admin/machines',
    `2. Find ${name}, open its … menu and choose Edit route settings.`,
    `3. Tick ${ticks}, then Save.`,
    '',
    'Advertised but unapproved routes are not used (tailscale#2426). Clients also need an access rule that lets them',
    `reach ${reach(plan)}; the default allow-all policy already does.`,
    'To skip this step in future, choose autoApprovers: the builder then writes a policy fragment instead.',
    '',
  ];
  return { name: 'approve.txt', language: 'text', content: lines.join('\n') };
}

function registrationLines(plan: Plan): string[] {
  return [
    '# Register the router once. `tailscale up --login-server=…` on the router prints a URL with an auth ID; then:',
    `#   headscale auth register --user ${plan.headscaleUser} --auth-id <AUTH_ID>`,
    '#   (Headscale before 0.29: `headscale nodes register`, now deprecated.)',
    '# Or create a pre-auth key first (single use, valid 1 hour by default) and pass it to `tailscale up --auth-key=…`:',
    '#   headscale preauthkeys create --user <USER_ID>',
    ...(plan.tags.length
      ? [`#   headscale preauthkeys create --tags ${plan.tags.join(',')}     (a tagged node, owned by "tagged-devices")`]
      : []),
  ];
}

function approveLines(plan: Plan): string[] {
  const routes = approvalRoutes(plan).join(',');
  const cmd = `headscale nodes approve-routes --identifier "$NODE_ID" --routes ${routes}`;
  const legacy = [
    '# Headscale 0.25 and older had a route table instead (removed in 0.26):',
    '#   headscale routes list',
    '#   headscale routes enable -r <route-id>     (once per prefix, 0.0.0.0/0 and ::/0 separately)',
  ];
  if (!routes) {
    // Every route is in error: an empty --routes would remove the approvals the node already has.
    return [
      '',
      '# Nothing to approve yet: no valid route is advertised (fix the routes first).',
      '# With an empty --routes, approve-routes would remove every route this node has approved.',
      'headscale nodes list-routes',
      '',
      ...legacy,
    ];
  }
  if (plan.approval === 'autoApprovers') {
    return [
      '',
      '# Approval is automatic through autoApprovers in policy.hujson: point policy.path in config.yaml at it',
      '# (policy.mode: file) and reload. The router must advertise a tag listed in tagOwners.',
      'sudo systemctl reload headscale',
      'headscale nodes list-routes',
      '',
      '# Approving by hand instead (Headscale 0.26+); NODE_ID from the list above:',
      `#   ${cmd.replace('"$NODE_ID"', '<NODE_ID>')}`,
      ...legacy,
    ];
  }
  return [
    '',
    '# Approve the advertised routes (Headscale 0.26+). This sets the approved list, so name every route;',
    '# an empty --routes removes them all. Approving 0.0.0.0/0 or ::/0 approves both.',
    'NODE_ID="${1:?usage: sh headscale.sh <node-id>   (the ID column of: headscale nodes list-routes)}"',
    cmd,
    'headscale nodes list-routes',
    '',
    ...legacy,
  ];
}

export function renderHeadscale(plan: Plan): GeneratedFile {
  const lines = [
    '#!/bin/sh',
    `# Run on the Headscale server (Headscale 0.26 or newer; written for ${HEADSCALE_VERSION}). ${LINKS.headscaleRoutes}`,
    'set -eu',
    '',
    ...registrationLines(plan),
    ...approveLines(plan),
    '',
  ];
  return { name: 'headscale.sh', language: 'shell', content: lines.join('\n') };
}
