/**
 * users_database.yml for Authelia's file authentication backend, with argon2id digests in Authelia's (PHC) format.
 * No DOM. Hashing lives in argon2.ts (run in a Web Worker in the browser).
 */
import { toYaml } from '../core/yaml';
import { error, info, warning, type Diagnostic, type GeneratedFile, type GeneratorResult } from '../core';
import { isRecord } from '../core/guards';
import { USER_DATABASE_SCHEMA_URL } from './facts';

export interface UserInput {
  username: string;
  displayname: string;
  email: string;
  groups: string[];
  /** Plain password typed by the user: only ever passed to `hashPassword`, never written anywhere. */
  password?: string;
  /** A ready digest (from `hashPassword` or `authelia crypto hash generate argon2`). */
  hash?: string;
}

export { USER_DATABASE_SCHEMA_URL };
export const USERS_FILE_NAME = 'users_database.yml';

/** Authelia's defaults for `authentication_backend.file.password.argon2` (memory in KiB). */
export const ARGON2_PARAMETERS = {
  variant: 'argon2id',
  iterations: 3,
  memory: 65536,
  parallelism: 4,
  keyLength: 32,
  saltLength: 16,
} as const;

/** Exactly what `hashPassword` produces: unpadded standard base64, 16-byte salt (22 chars), 32-byte hash (43 chars). */
export const ARGON2ID_DIGEST_PATTERN = /^\$argon2id\$v=19\$m=65536,t=3,p=4\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/;

/** Digest families Authelia's file backend reads (user-database schema, `PasswordDigest`), minus the plain-text ones. */
const DIGEST_FAMILIES: readonly RegExp[] = [
  /^\$argon2(id|i|d)\$v=19\$m=\d+,t=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/,
  /^\$scrypt\$ln=\d+,r=\d+,p=\d+\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/,
  /^\$pbkdf2(-sha(224|256|384|512))?\$\d+\$[A-Za-z0-9/.]+\$[A-Za-z0-9/.]+$/,
  /^\$bcrypt-sha256\$v=2,t=2b,r=\d+\$[A-Za-z0-9/.]+\$[A-Za-z0-9/.]+$/,
  /^\$2[aby]?\$\d+\$[A-Za-z0-9./]+$/,
  /^\$[56]\$rounds=\d+\$[A-Za-z0-9./]+\$[A-Za-z0-9./]+$/,
];

/** Authelia also reads `$plaintext$…` and `$base64$…`: that would put a readable password in the file. */
const PLAIN_DIGEST = /^\$(plaintext|base64)\$/;

/**
 * Written instead of a missing digest. It matches no digest format, so Authelia refuses to start with it
 * rather than letting anyone log in.
 */
export const MISSING_HASH_PLACEHOLDER = 'HASH-MISSING-authelia-refuses-to-start-until-you-hash-a-password-for-this-user';

const SIMPLE_EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MIN_PASSWORD_LENGTH = 8;

// ---------------------------------------------------------------------------------------------------------------------
// Hashing

/** True for a digest Authelia's file backend can read (argon2, scrypt, pbkdf2, bcrypt, sha2crypt). */
export function isSupportedDigest(hash: string): boolean {
  return DIGEST_FAMILIES.some((re) => re.test(hash));
}

// ---------------------------------------------------------------------------------------------------------------------
// Validation

function str(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function label(user: Record<string, unknown>, i: number): string {
  const name = str(user.username);
  return name ? `User '${name}'` : `User #${i + 1}`;
}

function validateUsername(user: Record<string, unknown>, i: number, seen: Map<string, number>): Diagnostic[] {
  const path = `users[${i}].username`;
  const name = str(user.username);
  if (!name)
    return [error('user-username-required', `User #${i + 1} has no username: every user needs one to log in.`, { path })];
  const out: Diagnostic[] = [];
  if (/\s/.test(name)) {
    out.push(
      error('user-username-whitespace', `The username '${name}' contains a space; usernames cannot contain whitespace.`, {
        path,
      }),
    );
  }
  const first = seen.get(name);
  const folded = [...seen.keys()].find((k) => k.toLowerCase() === name.toLowerCase());
  if (first !== undefined) {
    out.push(
      error(
        'user-username-duplicate',
        `The username '${name}' is used twice (users #${first + 1} and #${i + 1}); only the first is written.`,
        { path },
      ),
    );
  } else if (folded !== undefined) {
    out.push(
      warning(
        'user-username-case-duplicate',
        `The usernames '${folded}' and '${name}' differ only in case; with case-insensitive search they collide.`,
        { path },
      ),
    );
  }
  if (!seen.has(name)) seen.set(name, i);
  return out;
}

function validateProfile(user: Record<string, unknown>, i: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  const who = label(user, i);
  if (!str(user.displayname)) {
    out.push(
      error('user-displayname-required', `${who} has no display name; Authelia's user file requires 'displayname'.`, {
        path: `users[${i}].displayname`,
      }),
    );
  }
  const email = str(user.email);
  if (!email) {
    out.push(
      warning(
        'user-email-missing',
        `${who} has no email address: Authelia needs one to confirm a new second factor and to reset the password.`,
        {
          path: `users[${i}].email`,
        },
      ),
    );
  } else if (!SIMPLE_EMAIL.test(email)) {
    out.push(
      error('user-email-invalid', `${who} has the email '${email}', which is not an email address.`, {
        path: `users[${i}].email`,
      }),
    );
  }
  return out;
}

function validateGroups(user: Record<string, unknown>, i: number): Diagnostic[] {
  const groups = user.groups;
  if (groups === undefined) return [];
  if (!Array.isArray(groups)) {
    return [
      error('user-groups-invalid', `${label(user, i)}: 'groups' must be a list of group names.`, { path: `users[${i}].groups` }),
    ];
  }
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  groups.forEach((g, j) => {
    const path = `users[${i}].groups[${j}]`;
    const name = str(g);
    if (!name) out.push(error('user-group-empty', `${label(user, i)} has an empty group name.`, { path }));
    else if (seen.has(name))
      out.push(warning('user-group-duplicate', `${label(user, i)} lists the group '${name}' twice.`, { path }));
    else if (/\s/.test(name))
      out.push(
        warning(
          'user-group-whitespace',
          `The group '${name}' contains a space, which is easy to mistype in access-control subjects.`,
          { path },
        ),
      );
    seen.add(name);
  });
  return out;
}

function validateCredentials(user: Record<string, unknown>, i: number): Diagnostic[] {
  const who = label(user, i);
  const hash = str(user.hash);
  const password = typeof user.password === 'string' ? user.password : '';
  if (hash) return validateHash(hash, who, `users[${i}].hash`);
  if (!password) {
    return [
      error('user-password-missing', `${who} has neither a password nor a password hash, so this user cannot log in.`, {
        path: `users[${i}].password`,
      }),
    ];
  }
  if (password.length < MIN_PASSWORD_LENGTH) {
    return [
      warning(
        'user-password-short',
        `${who} has a password shorter than ${MIN_PASSWORD_LENGTH} characters; use a longer one (a passphrase is easiest).`,
        {
          path: `users[${i}].password`,
        },
      ),
    ];
  }
  return [];
}

function validateHash(hash: string, who: string, path: string): Diagnostic[] {
  if (PLAIN_DIGEST.test(hash)) {
    return [
      error(
        'user-hash-plaintext',
        `${who} has a 'plaintext' or 'base64' password entry; it is not written because it would store a readable password.`,
        { path },
      ),
    ];
  }
  if (!isSupportedDigest(hash)) {
    return [
      error(
        'user-hash-invalid',
        `${who} has a password hash Authelia cannot read; paste the whole digest starting with '$argon2id$'.`,
        { path },
      ),
    ];
  }
  if (!hash.startsWith('$argon2id$')) {
    return [
      info(
        'user-hash-not-argon2id',
        `${who} has a digest other than argon2id; Authelia reads it, but argon2id is the recommended algorithm.`,
        { path },
      ),
    ];
  }
  return [];
}

/** Every check on the users list; paths are `users[i].field`. Passwords and hashes never appear in messages. */
export function validateUsers(users: unknown): Diagnostic[] {
  if (!Array.isArray(users)) return [error('users-invalid', 'The users list must be a list of users.', { path: 'users' })];
  if (users.length === 0)
    return [warning('users-empty', 'The users file has no users, so nobody can log in.', { path: 'users' })];
  const seen = new Map<string, number>();
  return users.flatMap((u: unknown, i) => {
    if (!isRecord(u)) return [error('user-invalid', `User #${i + 1} is not a user entry.`, { path: `users[${i}]` })];
    return [...validateUsername(u, i, seen), ...validateProfile(u, i), ...validateGroups(u, i), ...validateCredentials(u, i)];
  });
}

// ---------------------------------------------------------------------------------------------------------------------
// Rendering

interface UserEntry {
  displayname: string;
  password: string;
  email?: string;
  groups: string[];
  disabled: boolean;
}

/** The digest to write: a readable one, else the placeholder (and, when a typed password is still unhashed, why). */
function pickDigest(user: Record<string, unknown>, i: number): { digest: string; diagnostic?: Diagnostic } {
  const hash = str(user.hash);
  if (hash && isSupportedDigest(hash) && !PLAIN_DIGEST.test(hash)) return { digest: hash };
  const typed = typeof user.password === 'string' && user.password !== '';
  if (hash || !typed) return { digest: MISSING_HASH_PLACEHOLDER }; // already reported by validateUsers
  const message = `The password of ${label(user, i).replace(/^User/, 'user')} has not been hashed yet, so the file holds a placeholder that Authelia refuses to start with; hash it and generate again.`;
  return { digest: MISSING_HASH_PLACEHOLDER, diagnostic: error('user-hash-missing', message, { path: `users[${i}].password` }) };
}

/** Each user with the digest from `hashes` (keyed by username) taking the place of `user.hash`. */
function withHashes(users: unknown[], hashes: Record<string, unknown>): unknown[] {
  return users.map((u) => {
    if (!isRecord(u)) return u;
    const name = str(u.username);
    const fromMap = name && Object.hasOwn(hashes, name) ? str(hashes[name]) : '';
    return fromMap ? { ...u, hash: fromMap } : u;
  });
}

function toEntry(user: Record<string, unknown>, digest: string): UserEntry {
  const email = str(user.email);
  const groups = Array.isArray(user.groups) ? [...new Set(user.groups.map(str).filter(Boolean))] : [];
  return { displayname: str(user.displayname), password: digest, ...(email ? { email } : {}), groups, disabled: false };
}

const HEADER = [
  `# yaml-language-server: $schema=${USER_DATABASE_SCHEMA_URL}`,
  '# Authelia rewrites this file when a user resets a password: keep it writable by the container.',
  '# Create more digests with: authelia crypto hash generate argon2',
];

function renderUsers(entries: Record<string, UserEntry>): GeneratedFile {
  const body = toYaml({ users: entries });
  return { name: USERS_FILE_NAME, language: 'yaml', content: `${HEADER.join('\n')}\n${body}` };
}

/**
 * `users_database.yml` from the users list. `hashes` maps username → digest (from `hashPassword` in a worker) and wins
 * over `user.hash`. A user without a usable digest gets a placeholder Authelia rejects, plus an error diagnostic.
 * Plain passwords are never written.
 */
export function generateUsersDatabase(users: UserInput[], hashes: Record<string, string> = {}): GeneratorResult {
  if (!Array.isArray(users)) return { files: [renderUsers({})], diagnostics: validateUsers(users) };
  const merged = withHashes(users, isRecord(hashes) ? hashes : {});
  const diagnostics = validateUsers(merged);
  const entries: Record<string, UserEntry> = {};
  merged.forEach((u, i) => {
    if (!isRecord(u)) return;
    const name = str(u.username);
    if (!name || Object.hasOwn(entries, name)) return;
    const { digest, diagnostic } = pickDigest(u, i);
    if (diagnostic) diagnostics.push(diagnostic);
    entries[name] = toEntry(u, digest);
  });
  return { files: [renderUsers(entries)], diagnostics };
}
