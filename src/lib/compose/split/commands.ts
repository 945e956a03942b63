/**
 * Secrets passed on a command line: `--password=x`, `--requirepass x`, `KEY=value` assignments, URLs with a password,
 * and the short options of the programs homelab files call (`mysql -px`, `mongosh -p x`, `redis-cli -a x`,
 * `curl -u user:x`). Works on words, whichever way they were written (one string, or a list of arguments).
 */
import { detectSecret, type DetectionRule } from '../detect';

export interface CommandWord {
  /** The word as the program receives it. */
  text: string;
  /** Where the word's value starts and ends in its scalar's text, or undefined when quoting hides the mapping. */
  span: { start: number; end: number } | undefined;
}

export interface CommandSecret {
  /** Index of the word holding the secret. */
  word: number;
  /** Offsets of the secret inside the word's text. */
  start: number;
  end: number;
  /** How the reader recognises it: `--requirepass`, `-p`, `PGPASSWORD`, `a URL password`. */
  label: string;
  /** Base of the variable name, e.g. `REQUIREPASS`. */
  variable: string;
  rule: DetectionRule;
  reason: string;
}

/** Long options that take a password although their name does not say so. */
const PASSWORD_OPTIONS = new Set(['requirepass', 'masterauth', 'masterpass', 'auth']);
const MYSQL_PROGRAMS = new Set(['mysql', 'mysqladmin', 'mysqldump', 'mariadb', 'mariadb-admin', 'mariadb-dump']);
const MONGO_PROGRAMS = new Set(['mongo', 'mongosh', 'mongodump', 'mongorestore']);
const CURL_PROGRAMS = new Set(['curl']);
const REDIS_CLI = new Set(['redis-cli', 'valkey-cli', 'keydb-cli']);
const SEPARATOR_WORDS = new Set([';', '&', '&&', '|', '||']);
const URL_PASSWORD = /[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:([^/\s@]+)@/gi;

function programName(text: string): string {
  return text.slice(text.lastIndexOf('/') + 1).toLowerCase();
}

function optionSecret(name: string, value: string): { rule: DetectionRule; reason: string } | undefined {
  if (value === '' || value.startsWith('-') || value.startsWith('$')) return undefined;
  if (PASSWORD_OPTIONS.has(name.toLowerCase())) {
    return { rule: 'key-name', reason: `The command passes it with --${name}, which takes a password.` };
  }
  const detection = detectSecret(name.replace(/[-.]/g, '_'), value);
  if (detection?.rule === 'url-credentials') return undefined; // only the password of the URL moves (see below)
  return detection && { rule: detection.rule, reason: `The command passes it with --${name}. ${detection.reason}` };
}

function variableFor(name: string): string {
  return (
    name
      .replace(/^-+/, '')
      .replace(/[^A-Za-z0-9]+/g, '_')
      .toUpperCase() || 'PASSWORD'
  );
}

/** Secrets in one command, in word order; a word holds at most one (its first). */
export function commandSecrets(words: readonly CommandWord[]): CommandSecret[] {
  const found: CommandSecret[] = [];
  const taken = new Set<number>();
  const add = (secret: CommandSecret) => {
    if (taken.has(secret.word) || secret.end <= secret.start) return;
    taken.add(secret.word);
    found.push(secret);
  };
  let program = '';
  words.forEach((word, index) => {
    const text = word.text;
    const next = words[index + 1];
    if (SEPARATOR_WORDS.has(text)) {
      program = '';
      return;
    }
    const name = programName(text);
    if (MYSQL_PROGRAMS.has(name) || MONGO_PROGRAMS.has(name) || CURL_PROGRAMS.has(name) || REDIS_CLI.has(name)) {
      program = name;
      return;
    }
    const longWithValue = /^--?([A-Za-z][\w.-]*)=(.*)$/s.exec(text);
    const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=(.+)$/s.exec(text);
    const longAlone = /^--([A-Za-z][\w.-]*)$/.exec(text);
    const longAloneSecret = longAlone && next ? optionSecret(longAlone[1] ?? '', next.text) : undefined;
    if (longWithValue && text.startsWith('-')) {
      const [, option = '', value = ''] = longWithValue;
      const secret = optionSecret(option, value);
      const label = `--${option}`;
      if (secret)
        add({
          word: index,
          start: text.length - value.length,
          end: text.length,
          label,
          variable: variableFor(option),
          ...secret,
        });
    } else if (assignment) {
      const [, key = '', value = ''] = assignment;
      const found = detectSecret(key, value);
      const detection = found?.rule === 'url-credentials' ? undefined : found; // only the URL's password moves
      const reason = `The command sets ${key}. ${detection?.reason ?? ''}`.trim();
      if (detection)
        add({ word: index, start: key.length + 1, end: text.length, label: key, variable: key, rule: detection.rule, reason });
    } else if (longAlone && next && longAloneSecret) {
      const option = longAlone[1] ?? '';
      const secret = longAloneSecret;
      if (secret)
        add({ word: index + 1, start: 0, end: next.text.length, label: `--${option}`, variable: variableFor(option), ...secret });
    } else if (MYSQL_PROGRAMS.has(program) && /^-p.+/s.test(text)) {
      // MySQL and MariaDB take the password only attached to -p (`-psecret`); `-p secret` prompts and reads `secret` as a database.
      const reason = `${program} reads the text after -p as the password.`;
      add({ word: index, start: 2, end: text.length, label: '-p', variable: 'PASSWORD', rule: 'key-name', reason });
    } else if (next && !next.text.startsWith('-') && !next.text.startsWith('$')) {
      const shortPassword =
        (MONGO_PROGRAMS.has(program) && text === '-p') ||
        (REDIS_CLI.has(program) && text === '-a') ||
        (CURL_PROGRAMS.has(program) && (/^-[A-Za-z]*u$/.test(text) || text === '--user'));
      if (shortPassword) {
        const colon = CURL_PROGRAMS.has(program) ? next.text.indexOf(':') + 1 : 0;
        const reason = `${program} reads the value after ${text} as ${colon ? 'user:password' : 'the password'}.`;
        const label = CURL_PROGRAMS.has(program) ? '-u' : text;
        if (!CURL_PROGRAMS.has(program) || colon > 0)
          add({
            word: index + 1,
            start: colon,
            end: next.text.length,
            label,
            variable: 'PASSWORD',
            rule: 'key-name',
            reason,
          });
      }
    }
    for (const match of text.matchAll(URL_PASSWORD)) {
      const password = match[1] ?? '';
      if (password.startsWith('$')) continue;
      const end = (match.index ?? 0) + match[0].length - 1;
      const reason = 'The command holds a URL with a password in it (user:password@host).';
      add({
        word: index,
        start: end - password.length,
        end,
        label: 'URL password',
        variable: 'URL_PASSWORD',
        rule: 'url-credentials',
        reason,
      });
    }
  });
  return found;
}
