/**
 * Variable names for moved values: the original key, prefixed by the service when two services hold different values
 * under the same key; never a name Compose, Docker or the shell already uses (the shell overrides `.env`).
 */

const RESERVED_PREFIXES = ['COMPOSE_', 'DOCKER_', 'BUILDKIT_', 'BUILDX_', 'XDG_', 'LC_'];
const SHELL_NAMES = new Set(
  (
    'USER HOME PATH PWD OLDPWD TZ HOSTNAME HOST SHELL LANG LANGUAGE TERM LOGNAME MAIL EDITOR VISUAL PAGER TMPDIR TEMP TMP ' +
    'DISPLAY UID EUID GID GROUPS PPID SHLVL IFS PS1 PS2 PS4 OPTIND OPTARG RANDOM SECONDS LINENO BASH HISTFILE HISTSIZE ' +
    'COLUMNS LINES HOSTTYPE OSTYPE MACHTYPE PROMPT_COMMAND SUDO_USER SUDO_UID SUDO_GID SUDO_COMMAND CDPATH MANPATH _ ' +
    'SSH_AUTH_SOCK SSH_AGENT_PID SSH_CLIENT SSH_CONNECTION SSH_TTY BASH_ENV BASH_VERSION ENV'
  ).split(' '),
);

export function isReservedName(name: string): boolean {
  return SHELL_NAMES.has(name) || RESERVED_PREFIXES.some((p) => name.startsWith(p));
}

/** `db.pass-word` → `DB_PASS_WORD`; always matches `^[A-Z_][A-Z0-9_]*$`. */
export function toVariableName(text: string): string {
  const upper = text.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
  if (upper === '' || /^_*$/.test(upper)) return 'SECRET';
  return /^[0-9]/.test(upper) ? `_${upper}` : upper;
}

export interface NameRequest {
  /** The environment key. */
  key: string;
  /** The first service holding this value. */
  service: string;
  /** True when the same key holds another value elsewhere, so the service must be part of the name. */
  needsPrefix: boolean;
}

/** Assigns unique names in request order, avoiding reserved names and `taken` (variables the file already uses). */
export function assignNames(requests: readonly NameRequest[], taken: ReadonlySet<string>): string[] {
  const used = new Set<string>();
  const bad = (n: string) => isReservedName(n) || taken.has(n) || used.has(n);
  return requests.map((r) => {
    const plain = toVariableName(r.key);
    const prefixed = toVariableName(`${r.service}_${r.key}`);
    let name = r.needsPrefix ? prefixed : plain;
    if (bad(name)) name = prefixed;
    if (bad(name)) name = toVariableName(`SECRET_${r.service}_${r.key}`);
    const base = name;
    for (let i = 2; bad(name); i++) name = `${base}_${i}`;
    used.add(name);
    return name;
  });
}
