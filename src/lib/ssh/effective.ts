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
import { error, info, warning } from '../core';
import { displayName, lookupKeyword, suggestKeyword, type OpenSshVersion } from './keywords';
import { knownAlgorithms, type AlgorithmKeyword } from './facts';
import { evaluateMatch, type Connection } from './match-line';
import { matchPattern, parseAddress } from './patterns';
import { MATCH_COPIED, MODELED, formatIPv6, parseInteger, parseTime } from './settings';
import { splitLine, type Word } from './syntax';
import { explainWinners } from './explain';
import { globFiles } from './glob';
import type { Assignment, ConfigFile, EffectiveResult, Origin } from './model';

export type { Connection } from './match-line';

export type { Assignment, ConfigFile, EffectiveResult, Origin } from './model';

const SSHDIR = '/etc/ssh';
const MAX_DEPTH = 16;
const NEVERMATCH = 1;
const MATCH_ONLY = 2;

class Options {
  readonly set = new Map<string, Assignment>();
  readonly lists = new Map<string, Assignment[]>();
  readonly ignored = new Map<string, Assignment[]>();
  readonly ports: Assignment[] = [];
  readonly listen: { host: string; port: number; origin: Origin }[] = [];
  readonly subsystems: Assignment[] = [];

  first(keyword: string, values: string[], origin: Origin): void {
    if (this.set.has(keyword)) this.ignored.set(keyword, [...(this.ignored.get(keyword) ?? []), { values, origin }]);
    else this.set.set(keyword, { values, origin });
  }

  append(keyword: string, values: string[], origin: Origin): void {
    this.lists.set(keyword, [...(this.lists.get(keyword) ?? []), { values, origin }]);
  }
}

interface PassContext {
  files: readonly ConfigFile[];
  connection: Connection | null;
  version: OpenSshVersion;
  options: Options;
  active: { value: boolean };
  /** Pass one reports; pass two only evaluates. */
  report: (diagnostic: Diagnostic) => void;
}

function runPass(context: PassContext): void {
  context.active.value = context.connection === null;
  readFile(context, 0, context.connection === null ? 0 : MATCH_ONLY, 0);
}

function readFile(context: PassContext, index: number, inheritedFlags: number, depth: number): void {
  const file = context.files[index]!;
  if (depth > MAX_DEPTH) {
    context.report(
      error(
        'include-loop',
        `${file.path}: Include goes more than ${MAX_DEPTH} files deep (a file includes itself?); sshd refuses to start.`,
        { path: `files[${index}]`, line: 1, column: 1 },
      ),
    );
    return;
  }
  let flags = inheritedFlags;
  const lines = file.content.split('\n');
  for (const [lineIndex, raw] of lines.entries()) {
    const origin: Origin = { file: index, path: file.path, line: lineIndex + 1, text: raw.trim() };
    const at = (column: number) => ({ path: `files[${index}]`, line: lineIndex + 1, column });
    const fail = (code: string, message: string, column: number) =>
      context.report(error(code, `${file.path} line ${lineIndex + 1}: ${message}`, at(column)));
    const split = splitLine(raw);
    if (split.kind === 'blank') continue;
    if (split.kind === 'error') {
      fail('bad-line', split.message, split.column);
      continue;
    }
    const { keyword, args } = split;
    const known = lookupKeyword(keyword.text, context.version);
    if (!known) {
      const guess = suggestKeyword(keyword.text);
      const later = KEYWORD_SINCE(keyword.text);
      fail(
        'unknown-keyword',
        later
          ? `${keyword.text} needs OpenSSH ${later} or later; this version stops with "Bad configuration option".`
          : `${keyword.text} is not an sshd keyword${guess ? ` (did you mean ${guess}?)` : ''}; sshd stops with "Bad configuration option".`,
        keyword.column,
      );
      continue;
    }
    if (split.rest === '') {
      fail('missing-value', `${keyword.text} has no value.`, keyword.column);
      continue;
    }
    if (!context.active.value && !known.inMatch) {
      if (context.connection === null) {
        fail(
          'not-in-match',
          `${keyword.text} is not allowed inside a Match block; sshd refuses to start. Move it above the first Match line.`,
          keyword.column,
        );
      }
      continue;
    }
    if (known.status !== 'supported') {
      context.report(
        info(
          `keyword-${known.status}`,
          `${file.path} line ${lineIndex + 1}: ${keyword.text} is ${known.status} and has no effect.`,
          at(keyword.column),
        ),
      );
      continue;
    }
    const name = known.canonical;
    if (name === 'include') {
      for (const argument of args) {
        const pattern =
          argument.text.startsWith('/') || argument.text.startsWith('~') ? argument.text : `${SSHDIR}/${argument.text}`;
        const before = context.active.value;
        const found = globFiles(pattern, context.files);
        if (found.length === 0) {
          context.report(
            warning(
              'include-nothing',
              `${file.path} line ${lineIndex + 1}: Include ${argument.text} matches no file here, so it adds nothing.`,
              at(argument.column),
            ),
          );
        }
        for (const target of found) {
          readFile(context, target, flags & MATCH_ONLY ? MATCH_ONLY : before ? 0 : NEVERMATCH, depth + 1);
          context.active.value = before;
        }
      }
      if (args.length === 0) fail('missing-value', 'Include has no file name.', keyword.column);
      continue;
    }
    if (name === 'match') {
      const outcome = evaluateMatch(args, flags & NEVERMATCH ? null : context.connection, context.version);
      if (!outcome.ok) {
        fail('bad-match', `${outcome.message} sshd refuses to start ("Bad Match condition").`, outcome.column);
        context.active.value = false;
      } else {
        context.active.value = flags & NEVERMATCH ? false : outcome.matches;
        if (outcome.usesGroup && context.connection === null) {
          context.report(
            info(
              'match-group',
              `${file.path} line ${lineIndex + 1}: Match Group depends on the groups the user has on the server; the simulator treats it as not matching unless you give the groups.`,
              at(keyword.column),
            ),
          );
        }
      }
      flags &= ~MATCH_ONLY;
      continue;
    }
    applyDirective(context, name, keyword, args, origin, fail);
  }
}

type Fail = (code: string, message: string, column: number) => void;

function applyDirective(context: PassContext, name: string, keyword: Word, args: Word[], origin: Origin, fail: Fail): void {
  const { options } = context;
  const active = context.active.value;
  const single = (count = 1): boolean => {
    if (args.length > count) {
      fail(
        'extra-arguments',
        `${keyword.text} takes ${count === 1 ? 'one value' : `${count} values`}; the rest of the line (${args[count]!.text} …) makes sshd refuse to start.`,
        args[count]!.column,
      );
      return false;
    }
    return true;
  };
  if (name === 'port') {
    const port = Number(args[0]!.text);
    if (!/^\d+$/.test(args[0]!.text) || port < 1 || port > 65535)
      return fail('bad-port', `Port must be a number from 1 to 65535, not ${args[0]!.text}.`, args[0]!.column);
    if (single()) options.ports.push({ values: [String(port)], origin });
    return;
  }
  if (name === 'listenaddress') return queueListen(context, args, origin, fail);
  if (name === 'subsystem') return addSubsystem(context, args, origin, fail);
  if (name === 'authenticationmethods') return authenticationMethods(context, args, origin, fail);
  const model = MODELED[name];
  if (!model) return;
  const kind = model.kind;
  const first = args[0]!;
  switch (kind.type) {
    case 'choice': {
      const printed = kind.values[first.text.toLowerCase()];
      if (printed === undefined)
        return fail(
          'bad-value',
          `${keyword.text} does not accept ${first.text} (it takes ${Object.keys(kind.values).join(', ')}).`,
          first.column,
        );
      // SyslogFacility is stored whether or not the block applies (servconf.c#L1782-L1791).
      if (single() && (active || name === 'syslogfacility')) options.first(name, [printed], origin);
      return;
    }
    case 'int': {
      const value = parseInteger(first.text);
      if (value === undefined) return fail('bad-value', `${keyword.text} needs a whole number, not ${first.text}.`, first.column);
      if (single() && active) options.first(name, [String(value)], origin);
      return;
    }
    case 'time': {
      const value = parseTime(first.text);
      if (value === undefined)
        return fail('bad-value', `${keyword.text} needs a time such as 300, 5m or 1h30m, not ${first.text}.`, first.column);
      if (single() && active) options.first(name, [String(value)], origin);
      return;
    }
    case 'algorithms': {
      if (!single()) return;
      const problem = checkAlgorithms(name as AlgorithmKeyword, first.text, context.version);
      if (problem) return fail('bad-algorithm', problem, first.column);
      // A list with +, - or ^ or a wildcard is expanded against the build's defaults, which the simulator leaves out.
      const plain = !/^[+^-]/.test(first.text) && !/[*?]/.test(first.text);
      if (!plain) {
        context.report(
          info(
            'algorithms-not-modeled',
            `${origin.path} line ${origin.line}: ${keyword.text} ${first.text} is expanded against this OpenSSH build's defaults; the simulator does not print it.`,
            { path: `files[${origin.file}]`, line: origin.line, column: first.column },
          ),
        );
      }
      // Ciphers, MACs, KexAlgorithms and HostKeyAlgorithms are stored without looking at Match (they are main-section only).
      if (plain && (active || name !== 'pubkeyacceptedalgorithms')) options.first(name, [first.text], origin);
      else if (!plain && (active || name !== 'pubkeyacceptedalgorithms')) options.first(name, [], origin);
      return;
    }
    case 'string':
      if (!single()) return;
      if (active) options.first(name, [first.text], origin);
      return;
    case 'authkeys':
      if (active) options.first(name, [args.map((arg) => arg.text).join(' ')], origin);
      return;
    case 'list':
      for (const argument of args) {
        const problem = checkListEntry(kind.check, argument.text);
        if (problem) return fail('bad-pattern', `${keyword.text} ${problem}`, argument.column);
      }
      if (active)
        options.append(
          name,
          args.map((arg) => arg.text),
          origin,
        );
      return;
  }
}

function checkAlgorithms(keyword: AlgorithmKeyword, text: string, version: OpenSshVersion): string | undefined {
  // A list that removes names (-) is not checked by sshd; + and ^ lists are checked without their prefix.
  if (text.startsWith('-')) return undefined;
  const known = knownAlgorithms(keyword, version);
  const wildcards = keyword === 'hostkeyalgorithms' || keyword === 'pubkeyacceptedalgorithms';
  for (const name of text.replace(/^[+^]/, '').split(',')) {
    const valid = /[*?]/.test(name) && wildcards ? [...known].some((each) => matchPattern(each, name)) : known.has(name);
    if (!valid)
      return `${displayName(keyword)} has ${name === '' ? 'an empty name' : name}, which OpenSSH ${version} does not know; sshd refuses to start.`;
  }
  return undefined;
}

function checkListEntry(check: 'user' | 'group' | 'env', entry: string): string | undefined {
  if (check === 'env') return entry.includes('=') ? `takes variable names, not ${entry}.` : undefined;
  if (check === 'user' && entry.includes('@')) {
    const hostPart = entry.slice(entry.lastIndexOf('@') + 1);
    const bad = hostPart.split(',').some((part) => {
      const text = part.startsWith('!') ? part.slice(1) : part;
      return text === '' || (/^[0-9a-fA-F:.]+\/\d+$/.test(text) && !validNetwork(text));
    });
    if (bad) return `has an invalid address in ${entry}.`;
  }
  return undefined;
}

function validNetwork(text: string): boolean {
  const [address = '', length = ''] = text.split('/');
  const parsed = parseAddress(address);
  if (!parsed) return true;
  const bits = parsed.family === 4 ? 32 : 128;
  const mask = Number(length);
  if (mask > bits) return false;
  for (let bit = mask; bit < bits; bit++) if ((parsed.bytes[bit >> 3]! >> (7 - (bit & 7))) & 1) return false;
  return true;
}

function queueListen(context: PassContext, args: Word[], origin: Origin, fail: Fail): void {
  const text = args[0]!.text;
  let host = text;
  let port = 0;
  const bareV6 = !text.includes('[') && (text.match(/:/g) ?? []).length >= 2;
  if (!bareV6) {
    const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(text);
    const plain = /^([^:[\]]+)(?::(.*))?$/.exec(text);
    const found = bracketed ?? plain;
    if (!found)
      return fail('bad-listen', `ListenAddress ${text} is not address, address:port or [address]:port.`, args[0]!.column);
    host = found[1]!;
    if (found[2] !== undefined) {
      port = Number(found[2]);
      if (!/^\d+$/.test(found[2]) || port < 1 || port > 65535)
        return fail('bad-port', `ListenAddress ${text} has a port outside 1–65535.`, args[0]!.column);
    }
  }
  if (args.length > 1)
    return fail(
      'bad-listen',
      'ListenAddress only takes an address and optionally "rdomain <name>", which Linux does not support.',
      args[1]!.column,
    );
  context.options.listen.push({ host, port, origin });
}

function addSubsystem(context: PassContext, args: Word[], origin: Origin, fail: Fail): void {
  if (args.length < 2) return fail('missing-value', `Subsystem ${args[0]!.text} has no command.`, args[0]!.column);
  if (!context.active.value) return;
  const name = args[0]!.text;
  if (context.options.subsystems.some((entry) => entry.values[0] === name)) {
    // 9.2–9.4 stop with "Subsystem already defined"; 9.5 and later keep the first (servconf.c sSubsystem at V_9_5_P1).
    if (Number(context.version.replace('.', '')) < 95)
      return fail(
        'subsystem-twice',
        `Subsystem ${name} is already defined earlier; OpenSSH before 9.5 refuses to start.`,
        args[0]!.column,
      );
    return;
  }
  context.options.subsystems.push({
    values: [
      name,
      args
        .slice(1)
        .map((arg) => arg.text)
        .join(' '),
    ],
    origin,
  });
}

const AUTH_METHODS = new Set(['publickey', 'password', 'keyboard-interactive', 'hostbased', 'gssapi-with-mic', 'none']);

function authenticationMethods(context: PassContext, args: Word[], origin: Origin, fail: Fail): void {
  const { options } = context;
  const already = options.set.has('authenticationmethods');
  for (const [index, argument] of args.entries()) {
    if (argument.text === 'any') {
      // Before 9.7 "any" after an earlier AuthenticationMethods line is refused (servconf.c#L2432-L2462 at V_9_2_P1).
      if (index > 0 || (already && Number(context.version.replace('.', '')) < 97)) {
        return fail(
          'any-alone',
          '"any" must appear alone in AuthenticationMethods (and, before OpenSSH 9.7, not after an earlier AuthenticationMethods line).',
          argument.column,
        );
      }
    } else if (args[0]!.text === 'any') {
      return fail('any-alone', '"any" must appear alone in AuthenticationMethods.', argument.column);
    } else {
      const methods = argument.text.split(',');
      const bad = methods.find((method) => !AUTH_METHODS.has(method.replace(/:.*$/, '')) || method === 'none');
      if (bad !== undefined)
        return fail('bad-value', `AuthenticationMethods has an unknown method ${bad === '' ? '(empty)' : bad}.`, argument.column);
    }
  }
  if (context.active.value) options.first('authenticationmethods', [args.map((arg) => arg.text).join(' ')], origin);
}

function KEYWORD_SINCE(word: string): string | undefined {
  return lookupKeyword(word, '9.9') && !lookupKeyword(word, '9.2') ? (lookupKeyword(word, '9.8') ? '9.8' : '9.9') : undefined;
}

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
      fatal: true,
    };
  }
  const global = new Options();
  runPass({ files, connection: null, version, options: global, active: { value: true }, report: (d) => diagnostics.push(d) });
  const matched = new Options();
  runPass({ files, connection, version, options: matched, active: { value: false }, report: () => undefined });

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
  return { values, diagnostics, sources, ignored, fromMatch, fatal: diagnostics.some((d) => d.severity === 'error') };
}
