/**
 * Options → a checked plan: what the router advertises, which flags apply on its OS, what clients run.
 * Every problem becomes a diagnostic on its field; the plan always exists.
 */
import { error, info, warning, type Diagnostic } from '../core';
import { CLI_TEXT, GOOS, type ClientOs, type RouterOs } from './facts';
import { checkHostname, exitNodeDiagnostics, hostnameDiagnostics, parseTags } from './names';
import type { Approval, Coordination, RouterFirewall, RouterPlatform, TailscaleOptions, TailscaleRole } from './options';
import { isDefaultRoute, parseAdvertiseRoutes } from './routes';

export const EXIT_NODE_PLACEHOLDER = 'ROUTER-NAME';
export const LOGIN_SERVER_PLACEHOLDER = 'https://headscale.example.com';
export const DEFAULT_TAG = 'tag:router';

export interface Plan {
  role: TailscaleRole;
  os: RouterOs;
  /** Where tailscaled runs on the router; always `host` for macOS, Windows and the client role. */
  platform: RouterPlatform;
  clientOs: ClientOs;
  isRouter: boolean;
  /** Subnet routes to advertise (canonical, without the exit-node pair). */
  routes: string[];
  /** Advertise the exit node (`--advertise-exit-node`). */
  exitNode: boolean;
  tags: string[];
  hostname: string;
  coordination: Coordination;
  loginServer: string;
  headscaleUser: string;
  approval: Approval;
  firewall: RouterFirewall;
  /** Add `net.ipv6.conf.all.forwarding = 1`. */
  ipv6Forwarding: boolean;
  snatOff: boolean;
  ssh: boolean;
  unattended: boolean;
  udpGro: boolean;
  client: { acceptRoutes: boolean; useExitNode: boolean; exitNodeName: string; allowLan: boolean };
}

interface RoutePart {
  routes: string[];
  exitFromRoutes: boolean;
  diagnostics: Diagnostic[];
}

function planRoutes(o: TailscaleOptions): RoutePart {
  if (o.role === 'client') return { routes: [], exitFromRoutes: false, diagnostics: [] };
  if (o.role === 'exit-node') {
    const d = o.routes.trim()
      ? [
          info('routes-ignored', 'An exit node alone advertises no subnet routes; choose "both" to route your LAN as well.', {
            path: 'routes',
          }),
        ]
      : [];
    return { routes: [], exitFromRoutes: false, diagnostics: d };
  }
  const parsed = parseAdvertiseRoutes(o.routes, 'routes');
  const diagnostics = [...parsed.diagnostics];
  const subnet = parsed.routes.filter((r) => !isDefaultRoute(r));
  if (o.routes === '' && o.role === 'subnet-router') {
    diagnostics.push(
      error('routes-required', 'A subnet router needs at least one route, such as your LAN 192.168.1.0/24.', { path: 'routes' }),
    );
  }
  return { routes: subnet, exitFromRoutes: parsed.routes.some(isDefaultRoute), diagnostics };
}

function planTags(o: TailscaleOptions, isRouter: boolean): { tags: string[]; diagnostics: Diagnostic[] } {
  const parsed = parseTags(o.tags, 'tags');
  const diagnostics = [...parsed.diagnostics];
  if (isRouter && o.approval === 'autoApprovers' && parsed.tags.length === 0) {
    diagnostics.push(
      error(
        'tags-required',
        'autoApprovers approve routes by tag: give the router a tag such as tag:router (the policy fragment uses it).',
        {
          path: 'tags',
          fix: DEFAULT_TAG,
        },
      ),
    );
    return { tags: [DEFAULT_TAG], diagnostics };
  }
  return { tags: isRouter ? parsed.tags : [], diagnostics };
}

function loginServerDiagnostics(value: string): Diagnostic[] {
  if (value.trim() === '') {
    // Not typed yet: the commands show the placeholder in its place, and the note says so (a share link or preset
    // leaves the field empty rather than filling in a value that is not the reader's).
    return [
      info(
        'login-server-empty',
        `Type the URL of your Headscale server; until then the commands show ${LOGIN_SERVER_PLACEHOLDER} in its place.`,
        { path: 'loginServer' },
      ),
    ];
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return [
      error('login-server-invalid', `${value} is not a URL; write the full address, e.g. https://headscale.example.com.`, {
        path: 'loginServer',
      }),
    ];
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return [error('login-server-invalid', `${value} must start with https://.`, { path: 'loginServer' })];
  }
  const out: Diagnostic[] = [];
  if (url.protocol === 'http:') {
    out.push(
      warning(
        'login-server-http',
        'Headscale should be reached over HTTPS on port 443; clients assume 443 in some cases (headscale#2164).',
        { path: 'loginServer' },
      ),
    );
  }
  if (/(^|\.)example\.(com|org|net)$/.test(url.hostname)) {
    out.push(
      warning('login-server-example', `${url.hostname} is a placeholder; replace it with your Headscale server's address.`, {
        path: 'loginServer',
      }),
    );
  }
  return out;
}

function flagDiagnostics(o: TailscaleOptions, isRouter: boolean, exitNode: boolean): Diagnostic[] {
  if (!isRouter) return [];
  const out: Diagnostic[] = [];
  if (o.ssh && o.os !== 'linux') {
    const why =
      o.os === 'windows'
        ? CLI_TEXT.sshUnsupported(GOOS.windows)
        : 'On macOS the Tailscale SSH server needs the open-source tailscaled, not the app';
    out.push(warning('flag-unsupported-os', `${why}. The builder leaves --ssh out.`, { path: 'ssh' }));
  }
  if (o.ssh && o.os === 'linux' && o.platform === 'docker') {
    out.push(
      info(
        'ssh-in-container',
        'In Docker, Tailscale SSH would log you in to the container, not to the host; the builder leaves --ssh out. Install Tailscale on the host if you want it.',
        { path: 'ssh' },
      ),
    );
  }
  if (!o.snatSubnetRoutes && o.os !== 'linux') {
    out.push(
      info('flag-unsupported-os', '--snat-subnet-routes exists only on Linux; the builder leaves it out.', {
        path: 'snatSubnetRoutes',
      }),
    );
  }
  if (!o.snatSubnetRoutes && o.os === 'linux') {
    const msg = exitNode
      ? `${CLI_TEXT.snatWithExitNode}.`
      : 'With --snat-subnet-routes=false, LAN devices see the real Tailscale source address and need a route back to 100.64.0.0/10 via this router.';
    out.push(warning('snat-off', msg, { path: 'snatSubnetRoutes' }));
  }
  if (o.firewall !== 'none' && o.os !== 'linux') {
    out.push(
      info('firewall-ignored', `The ${o.firewall} step applies to Linux routers only; it is left out.`, { path: 'firewall' }),
    );
  }
  return out;
}

function ipv6Diagnostics(o: TailscaleOptions, routes: string[], exitNode: boolean): Diagnostic[] {
  if (o.ipv6 || o.os !== 'linux' || o.role === 'client') return [];
  if (routes.some((r) => r.includes(':'))) {
    return [
      warning('ipv6-disabled', 'IPv6 routes are advertised but IPv6 is off on this router, so they cannot be forwarded.', {
        path: 'ipv6',
      }),
    ];
  }
  if (exitNode) {
    return [
      info(
        'ipv6-disabled',
        'IPv6 is off on this router: the exit node carries IPv4 traffic only, and the IPv6 forwarding line is left out (the key does not exist).',
        { path: 'ipv6' },
      ),
    ];
  }
  return [];
}

/** The exit node clients name: the option, else the router's MagicDNS name, else a placeholder. */
function exitNodeName(o: TailscaleOptions): { name: string; diagnostics: Diagnostic[] } {
  const chosen = o.exitNode.trim();
  if (chosen) return { name: chosen, diagnostics: exitNodeDiagnostics(chosen) };
  if (o.hostname && checkHostname(o.hostname) === undefined) {
    return { name: (o.hostname.split('.')[0] ?? o.hostname).toLowerCase(), diagnostics: [] };
  }
  return {
    name: EXIT_NODE_PLACEHOLDER,
    diagnostics: [
      warning(
        'exit-node-name-missing',
        `Enter the exit node's machine name (or the router's hostname); the client command shows ${EXIT_NODE_PLACEHOLDER} until then.`,
        { path: 'exitNode' },
      ),
    ],
  };
}

/** A router is an exit node by its role, or by advertising both default routes (the CLI reads them as --advertise-exit-node). */
function isExitNode(options: TailscaleOptions, exitFromRoutes: boolean): boolean {
  return options.role === 'exit-node' || options.role === 'both' || exitFromRoutes;
}

export function buildPlan(o: TailscaleOptions): { plan: Plan; diagnostics: Diagnostic[] } {
  const isRouter = o.role !== 'client';
  const r = planRoutes(o);
  const exitNode = isExitNode(o, r.exitFromRoutes);
  const t = planTags(o, isRouter);
  const validHostname = isRouter && checkHostname(o.hostname) === undefined ? o.hostname : '';
  const useExit = isRouter ? exitNode : o.useExitNode;
  const exitName = useExit ? exitNodeName(o) : { name: '', diagnostics: [] };
  const diagnostics = [
    ...r.diagnostics,
    ...t.diagnostics,
    ...(isRouter ? hostnameDiagnostics(o.hostname) : []),
    ...(o.coordination === 'headscale' ? loginServerDiagnostics(o.loginServer) : []),
    ...flagDiagnostics(o, isRouter, exitNode),
    ...ipv6Diagnostics(o, r.routes, exitNode),
    ...exitName.diagnostics,
  ];
  const platform: RouterPlatform = isRouter && o.os === 'linux' ? o.platform : 'host';
  const plan: Plan = {
    role: o.role,
    os: o.os,
    platform,
    clientOs: o.clientOs,
    isRouter,
    routes: r.routes,
    exitNode: isRouter && exitNode,
    tags: t.tags,
    hostname: validHostname,
    coordination: o.coordination,
    loginServer: o.loginServer.trim() || LOGIN_SERVER_PLACEHOLDER,
    headscaleUser: o.headscaleUser.trim().replace(/@$/, '') || 'homelab',
    approval: o.approval,
    firewall: o.os === 'linux' ? o.firewall : 'none',
    ipv6Forwarding: o.ipv6 && (exitNode || r.routes.some((x) => x.includes(':'))),
    snatOff: !o.snatSubnetRoutes && o.os === 'linux',
    ssh: o.ssh && o.os === 'linux' && platform !== 'docker',
    unattended: o.os === 'windows',
    udpGro: o.udpGro && o.os === 'linux',
    client: {
      acceptRoutes: isRouter ? r.routes.length > 0 : o.acceptRoutes,
      useExitNode: useExit,
      exitNodeName: exitName.name,
      allowLan: o.exitNodeAllowLanAccess,
    },
  };
  return { plan, diagnostics };
}

/**
 * The options that mean something for this combination: the builder shows only these fields (and, beyond them, the
 * exit-node field while a diagnostic points at it).
 */
export function applicableFields(o: TailscaleOptions): ReadonlySet<keyof TailscaleOptions> {
  const isRouter = o.role !== 'client';
  // The same rule as buildPlan: a subnet router advertising 0.0.0.0/0 and ::/0 is an exit node too.
  const usesExit = isRouter ? isExitNode(o, planRoutes(o).exitFromRoutes) : o.useExitNode;
  const fields: (keyof TailscaleOptions)[] = ['role', 'coordination', 'clientOs'];
  if (isRouter) {
    fields.push('os', 'routes', 'hostname', 'tags', 'approval', 'firewall', 'ipv6', 'snatSubnetRoutes', 'ssh', 'udpGro');
    if (o.os === 'linux') fields.push('platform');
  } else {
    fields.push('acceptRoutes', 'useExitNode');
  }
  if (o.coordination === 'headscale') fields.push('loginServer', 'headscaleUser');
  if (usesExit) fields.push('exitNode', 'exitNodeAllowLanAccess');
  return new Set(fields);
}
