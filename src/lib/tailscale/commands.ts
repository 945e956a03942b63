/**
 * The tailscale commands for a plan, as argument lists (no `sudo`): the UI can show them, tests can check every
 * flag against the flag table in ./facts.ts, and the renderers quote them for the target shell.
 */
import { ACCEPT_ROUTES_DEFAULT, FLAG_FACTS, type ClientOs } from './facts';
import type { Plan } from './plan';

export type Argv = string[];

export interface RouterCommands {
  /** First login with what `tailscale set` cannot do (`--login-server`, `--advertise-tags`); plain `tailscale up` otherwise. */
  login: Argv;
  /** The recommended form: only the named settings change. Undefined when there is nothing to set. */
  set?: Argv;
  /** Everything in one `tailscale up`, naming every non-default flag. */
  up: Argv;
}

export interface ClientCommands {
  login: Argv;
  /** `tailscale set --accept-routes` where the OS does not accept routes by default. */
  acceptRoutes?: Argv;
  /** Start using the exit node. */
  useExitNode?: Argv;
  /** Stop using it. */
  stopExitNode?: Argv;
  /** Everything in one `tailscale up`. */
  up: Argv;
}

export interface TailscaleCommands {
  router?: RouterCommands;
  client: ClientCommands;
}

/** Last guard: keeps only flags ./facts.ts lists for this subcommand and OS (the plan already leaves the others out). */
function command(sub: 'up' | 'set', flags: string[], os: ClientOs): Argv {
  const allowed = flags.filter((f) => {
    const fact = FLAG_FACTS[/^--([a-z-]+)/.exec(f)?.[1] ?? ''];
    return fact !== undefined && fact[sub] && (fact.os === 'all' || fact.os.includes(os));
  });
  return ['tailscale', sub, ...allowed];
}

function loginFlags(plan: Plan): string[] {
  return plan.coordination === 'headscale' ? [`--login-server=${plan.loginServer}`] : [];
}

function tagFlags(plan: Plan): string[] {
  return plan.tags.length ? [`--advertise-tags=${plan.tags.join(',')}`] : [];
}

/** Flags both `up` and `set` accept, non-default values only. */
function routerSettingFlags(plan: Plan): string[] {
  const flags: string[] = [];
  if (plan.hostname) flags.push(`--hostname=${plan.hostname}`);
  if (plan.routes.length) flags.push(`--advertise-routes=${plan.routes.join(',')}`);
  if (plan.exitNode) flags.push('--advertise-exit-node');
  if (plan.snatOff) flags.push('--snat-subnet-routes=false');
  if (plan.ssh) flags.push('--ssh');
  if (plan.unattended) flags.push('--unattended');
  return flags;
}

/**
 * For the official container image: the router flags that have no variable of their own, passed in `TS_EXTRA_ARGS`
 * (hostname and routes go in `TS_HOSTNAME` and `TS_ROUTES`). containerboot splits that value on spaces and appends
 * it to its `tailscale up` (https://github.com/tailscale/tailscale/blob/v1.102.3/cmd/containerboot/tailscaled.go#L146).
 */
export function containerExtraArgs(plan: Plan): string[] {
  const flags = [...loginFlags(plan), ...tagFlags(plan)];
  if (plan.exitNode) flags.push('--advertise-exit-node');
  if (plan.snatOff) flags.push('--snat-subnet-routes=false');
  return command('up', flags, 'linux').slice(2);
}

export function routerCommands(plan: Plan): RouterCommands {
  const settings = routerSettingFlags(plan);
  const os = plan.os;
  return {
    login: command('up', [...loginFlags(plan), ...tagFlags(plan)], os),
    ...(settings.length ? { set: command('set', settings, os) } : {}),
    up: command('up', [...loginFlags(plan), ...tagFlags(plan), ...settings], os),
  };
}

export function clientCommands(plan: Plan): ClientCommands {
  const c = plan.client;
  const os = plan.clientOs;
  const acceptFlag = c.acceptRoutes && !ACCEPT_ROUTES_DEFAULT[os] ? ['--accept-routes'] : [];
  const exitFlags = c.useExitNode
    ? [`--exit-node=${c.exitNodeName}`, ...(c.allowLan ? ['--exit-node-allow-lan-access'] : [])]
    : [];
  return {
    login: command('up', loginFlags(plan), os),
    ...(acceptFlag.length ? { acceptRoutes: command('set', acceptFlag, os) } : {}),
    ...(exitFlags.length
      ? { useExitNode: command('set', exitFlags, os), stopExitNode: command('set', ['--exit-node='], os) }
      : {}),
    up: command('up', [...loginFlags(plan), ...acceptFlag, ...exitFlags], os),
  };
}

export function tailscaleCommandsFor(plan: Plan): TailscaleCommands {
  return { ...(plan.isRouter ? { router: routerCommands(plan) } : {}), client: clientCommands(plan) };
}

const SHELL_SAFE = /^[A-Za-z0-9_./:=,@%+-]*$/;
const POWERSHELL_SAFE = /^[A-Za-z0-9_./:=@%+-]*$/;

/** One argument for a POSIX shell or PowerShell (single quotes where needed; commas quoted for PowerShell). */
export function quoteArg(arg: string, shell: 'sh' | 'powershell'): string {
  const safe = shell === 'sh' ? SHELL_SAFE : POWERSHELL_SAFE;
  if (arg !== '' && safe.test(arg)) return arg;
  return shell === 'sh' ? `'${arg.replace(/'/g, `'\\''`)}'` : `'${arg.replace(/'/g, "''")}'`;
}

/** A command line; `sudo` in front on Linux. */
export function commandLine(argv: Argv, shell: 'sh' | 'powershell', sudo: boolean): string {
  const line = argv.map((a) => quoteArg(a, shell)).join(' ');
  return sudo ? `sudo ${line}` : line;
}
