/** What one directive does to the options: the value checks and first-value-wins of servconf.c (V_9_2_P1). */
import { info } from '../core';
import { knownAlgorithms, type AlgorithmKeyword } from './facts';
import { displayName, lookupKeyword, type OpenSshVersion } from './keywords';
import type { Origin } from './model';
import type { PassContext } from './pass-state';
import { matchPattern, parseAddress } from './patterns';
import { MODELED, parseInteger, parseTime } from './settings';
import type { Word } from './syntax';

export type Fail = (code: string, message: string, column: number) => void;

export function applyDirective(
  context: PassContext,
  name: string,
  keyword: Word,
  args: Word[],
  origin: Origin,
  fail: Fail,
): void {
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

export function KEYWORD_SINCE(word: string): string | undefined {
  return lookupKeyword(word, '9.9') && !lookupKeyword(word, '9.2') ? (lookupKeyword(word, '9.8') ? '9.8' : '9.9') : undefined;
}
