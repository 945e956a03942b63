/**
 * What `sshd -T` prints for a set of config files: a model of OpenSSH 9.2–9.9's two passes over the config.
 *
 * Pass one reads every file with no connection (parse_server_config, servconf.c#L2819-L2828 at V_9_2_P1): lines outside
 * Match set the options, the first value read wins, `Include` reads the files its globs match in lexical order at the
 * point it appears (#L2141-L2235), and a Match block only applies when it is `Match all`. Pass two
 * (parse_server_match_config, #L2634-L2644) reads everything again for the connection with fresh options, only inside
 * Match blocks that apply, and copies what those set over the first pass (copy_set_server_options, #L2685-L2790).
 * Files are given as data: the first is the main file, the others are what `Include` may find.
 */
import type { Diagnostic } from '../core';
import { error, info } from '../core';
import { explainWinners } from './explain';
import type { OpenSshVersion } from './keywords';
import type { Connection } from './match-line';
import type { ConfigFile, EffectiveResult, Origin } from './model';
import { Options } from './pass-state';
import { parseAddress } from './patterns';
import { runPass } from './read';
import { MATCH_COPIED, MODELED, formatIPv6 } from './settings';

export type { Connection } from './match-line';
export type { Assignment, ConfigFile, EffectiveResult, Origin } from './model';

function listenLines(options: Options, ports: number[]): string[] {
  const family = options.set.get('addressfamily')?.values[0] ?? 'any';
  const wildcard = (port: number) => [
    ...(family !== 'inet' ? [`[::]:${port}`] : []),
    ...(family !== 'inet6' ? [`0.0.0.0:${port}`] : []),
  ];
  if (options.listen.length === 0) return ports.flatMap(wildcard);
  return options.listen.flatMap(({ host, port }) => {
    const parsed = parseAddress(host);
    const text = parsed?.family === 6 ? `[${formatIPv6(parsed.bytes)}]` : host;
    return (port ? [port] : ports).map((each) => `${text}:${each}`);
  });
}

function collect(options: Options): Record<string, string[]> {
  const values: Record<string, string[]> = {};
  const ports = options.ports.length ? options.ports.map((entry) => Number(entry.values[0])) : [22];
  values.port = ports.map(String);
  values.listenaddress = listenLines(options, ports);
  for (const [name, model] of Object.entries(MODELED)) {
    const set = options.set.get(name);
    if (model.kind.type === 'list') {
      const entries = options.lists.get(name) ?? [];
      values[name] = entries.flatMap((entry) => entry.values);
    } else if (set?.values.length) values[name] = set.values;
    else if (set) continue;
    else if (model.fallback.length) values[name] = model.fallback;
  }
  values.authenticationmethods = options.set.get('authenticationmethods')?.values ?? ['any'];
  if (options.subsystems.length) values.subsystem = options.subsystems.map((entry) => entry.values.join(' '));
  return values;
}

const METHOD_SWITCH: Record<string, string> = {
  publickey: 'pubkeyauthentication',
  password: 'passwordauthentication',
  'keyboard-interactive': 'kbdinteractiveauthentication',
  hostbased: 'hostbasedauthentication',
  'gssapi-with-mic': 'gssapiauthentication',
};

/**
 * sshd refuses to start when no list in AuthenticationMethods can be completed with the methods switched on outside
 * Match (sshd.c at V_9_2_P1, "AuthenticationMethods cannot be satisfied by enabled authentication methods").
 */
function checkMethodsEnabled(options: Options, diagnostics: Diagnostic[]): void {
  const set = options.set.get('authenticationmethods');
  if (!set || set.values[0] === 'any') return;
  const enabled = (method: string) => {
    const keyword = METHOD_SWITCH[method.replace(/:.*$/, '')];
    return keyword !== undefined && (options.set.get(keyword)?.values[0] ?? MODELED[keyword]?.fallback[0]) === 'yes';
  };
  if (set.values[0]!.split(' ').some((list) => list.split(',').every(enabled))) return;
  diagnostics.push(
    error(
      'methods-disabled',
      `${set.origin.path} line ${set.origin.line}: no list in AuthenticationMethods ${set.values[0]} can be completed with the methods that are switched on; sshd refuses to start.`,
      {
        path: `files[${set.origin.file}]`,
        line: set.origin.line,
      },
    ),
  );
}

export interface EffectiveOptions {
  /** The OpenSSH version whose rules apply (default 9.2, the oldest this simulator covers). */
  version?: OpenSshVersion;
  /** Paths of the files that are the reader's own: another file beating one of them is a warning, theirs winning a note. */
  ownPaths?: readonly string[];
}

/** What `sshd -T -C user=…,host=…,addr=…` prints for these files (the first is the main file). */
export function effectiveSshd(
  files: readonly ConfigFile[],
  connection: Connection = {},
  settings: EffectiveOptions = {},
): EffectiveResult {
  const version = settings.version ?? '9.2';
  const diagnostics: Diagnostic[] = [];
  if (files.length === 0) {
    return {
      values: {},
      diagnostics: [error('no-files', 'There is no config file to read.')],
      sources: {},
      ignored: {},
      fromMatch: {},
      order: [],
      fatal: true,
    };
  }
  const global = new Options();
  const order: string[] = [];
  runPass({
    files,
    connection: null,
    version,
    options: global,
    active: { value: true },
    report: (d) => diagnostics.push(d),
    order,
  });
  const matched = new Options();
  runPass({ files, connection, version, options: matched, active: { value: false }, report: () => undefined, order: [] });

  checkMethodsEnabled(global, diagnostics);
  const fromMatch: Record<string, Origin> = {};
  for (const name of MATCH_COPIED) {
    const model = MODELED[name];
    if (model?.kind.type === 'list') {
      const entries = matched.lists.get(name);
      if (entries?.length) {
        global.lists.set(name, entries);
        fromMatch[name] = entries[0]!.origin;
      }
    } else {
      const set = matched.set.get(name);
      if (set) {
        global.set.set(name, set);
        fromMatch[name] = set.origin;
      }
    }
  }
  const values = collect(global);
  const sources: Record<string, Origin> = {};
  for (const [name, set] of global.set) sources[name] = set.origin;
  for (const [name, entries] of global.lists) if (entries.length) sources[name] = entries[0]!.origin;
  if (global.ports.length) sources.port = global.ports[0]!.origin;
  if (global.listen.length) sources.listenaddress = global.listen[0]!.origin;
  const ignored = Object.fromEntries(global.ignored);
  const own = new Set(files.flatMap((file, index) => (settings.ownPaths?.includes(file.path) ? [index] : [])));
  diagnostics.push(...explainWinners(values, sources, ignored, fromMatch, own));
  const family = global.set.get('addressfamily')?.values[0] ?? 'any';
  for (const { host, origin } of global.listen) {
    const parsed = parseAddress(host);
    if (parsed && family !== 'any' && (family === 'inet') !== (parsed.family === 4)) {
      // The listen addresses are resolved with the configured family once all files are read (process_queued_listen_addrs).
      diagnostics.push(
        error(
          'listen-family',
          `${origin.path} line ${origin.line}: ListenAddress ${host} is not an ${family === 'inet' ? 'IPv4' : 'IPv6'} address, but AddressFamily is ${family}; sshd refuses to start.`,
          { path: `files[${origin.file}]`, line: origin.line },
        ),
      );
    }
    if (!parsed) {
      diagnostics.push(
        info(
          'listen-name',
          `${origin.path} line ${origin.line}: ListenAddress ${host} is a name; sshd looks it up when it starts, so the simulator prints it unresolved.`,
          { path: `files[${origin.file}]`, line: origin.line },
        ),
      );
    }
  }
  return { values, diagnostics, sources, ignored, fromMatch, order, fatal: diagnostics.some((d) => d.severity === 'error') };
}
