import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { argon2Verify } from 'hash-wasm';
import { parse } from 'yaml';
import {
  ARGON2ID_DIGEST_PATTERN,
  generateUsersDatabase,
  hashPassword,
  MISSING_HASH_PLACEHOLDER,
  validateUsers,
  verifyPassword,
  type UserInput,
} from '../../../src/lib/authelia';
import { userDatabaseSchemaErrors } from './schema-validators';

const SALT = Uint8Array.from({ length: 16 }, (_, i) => i * 7);
const PASSWORDS = { alice: 'Correct-Horse-Battery-Staple-41', bob: 'zebra-Quartz-Plinth-7781' };

// Hashing is deliberately slow (about 0.5 s each), so the digests are computed once for the whole file.
const hashes = {
  alice: await hashPassword(PASSWORDS.alice),
  bob: await hashPassword(PASSWORDS.bob, SALT),
};

const alice: UserInput = {
  username: 'alice',
  displayname: 'Alice Example',
  email: 'alice@example.com',
  groups: ['admins', 'family'],
  password: PASSWORDS.alice,
};
const bob: UserInput = { username: 'bob', displayname: 'Bob', email: 'bob@example.com', groups: [], password: PASSWORDS.bob };

const usersFile = (users: UserInput[], map: Record<string, string> = hashes) => {
  const result = generateUsersDatabase(users, map);
  const file = result.files.find((f) => f.name === 'users_database.yml');
  if (!file) throw new Error('users_database.yml missing');
  return { result, file, parsed: parse(file.content) as { users: Record<string, Record<string, unknown>> } };
};

const everything = (r: ReturnType<typeof generateUsersDatabase>) => JSON.stringify(r);

describe('hashPassword', () => {
  it("produces Authelia's argon2id format with m=65536, t=3, p=4, a 16-byte salt and a 32-byte hash", () => {
    for (const h of Object.values(hashes)) expect(h).toMatch(ARGON2ID_DIGEST_PATTERN);
  });

  it('produces digests that hash-wasm argon2Verify accepts for the right password only', async () => {
    expect(await argon2Verify({ password: PASSWORDS.alice, hash: hashes.alice })).toBe(true);
    expect(await argon2Verify({ password: PASSWORDS.bob, hash: hashes.alice })).toBe(false);
  });

  it('is deterministic for a given salt and uses a fresh random salt otherwise', async () => {
    expect(await hashPassword(PASSWORDS.bob, SALT)).toBe(hashes.bob);
    expect(hashes.bob.split('$')[4]).toBe(Buffer.from(SALT).toString('base64').replace(/=+$/, ''));
    expect(hashes.alice.split('$')[4]).not.toBe(hashes.bob.split('$')[4]);
  });
});

describe('verifyPassword', () => {
  it('accepts the right password, rejects a wrong one and returns false for an unreadable digest', async () => {
    expect(await verifyPassword(PASSWORDS.bob, hashes.bob)).toBe(true);
    expect(await verifyPassword(PASSWORDS.alice, hashes.bob)).toBe(false);
    expect(await verifyPassword(PASSWORDS.alice, 'not-a-digest')).toBe(false);
  });
});

describe('generateUsersDatabase', () => {
  it('writes a users file that validates against the 4.39 user-database schema', () => {
    const { result, file, parsed } = usersFile([alice, bob]);
    expect(result.diagnostics).toEqual([]);
    expect(file.content.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=https://www.authelia.com/schemas/v4.39/json-schema/user-database.json',
    );
    expect(userDatabaseSchemaErrors(parsed)).toEqual([]);
    expect(parsed.users.alice).toEqual({
      displayname: 'Alice Example',
      password: hashes.alice,
      email: 'alice@example.com',
      groups: ['admins', 'family'],
      disabled: false,
    });
    expect(parsed.users.bob).toEqual({
      displayname: 'Bob',
      password: hashes.bob,
      email: 'bob@example.com',
      groups: [],
      disabled: false,
    });
  });

  it('writes a digest that still verifies after the YAML round trip', async () => {
    const { parsed } = usersFile([alice, bob]);
    expect(await verifyPassword(PASSWORDS.alice, String(parsed.users.alice?.password))).toBe(true);
  });

  it('takes a digest from the user entry when the hashes map has none', () => {
    const { result, parsed } = usersFile([{ ...alice, password: undefined, hash: hashes.alice }], {});
    expect(result.diagnostics).toEqual([]);
    expect(parsed.users.alice?.password).toBe(hashes.alice);
  });

  it('never writes a plain password into any file or diagnostic', () => {
    const short = { ...bob, username: 'carol', password: 'Pw1!x' };
    const r = generateUsersDatabase([alice, bob, short], { alice: hashes.alice });
    for (const pw of [PASSWORDS.alice, PASSWORDS.bob, 'Pw1!x']) expect(everything(r)).not.toContain(pw);
  });

  it('writes a placeholder Authelia rejects, with an error on the password field, for a user without a hash', () => {
    const { result, parsed } = usersFile([alice, bob], { alice: hashes.alice });
    expect(parsed.users.bob?.password).toBe(MISSING_HASH_PLACEHOLDER);
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({ severity: 'error', code: 'user-hash-missing', path: 'users[1].password' }),
    );
    expect(userDatabaseSchemaErrors(parsed).length).toBeGreaterThan(0);
  });

  it('reports a user with neither password nor hash on the password field', () => {
    const { result, parsed } = usersFile([{ ...bob, password: undefined }], {});
    expect(parsed.users.bob?.password).toBe(MISSING_HASH_PLACEHOLDER);
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({ severity: 'error', code: 'user-password-missing', path: 'users[0].password' }),
    );
  });

  it('refuses a $plaintext$ digest and an unreadable digest without writing them', () => {
    const r = generateUsersDatabase(
      [
        { ...alice, password: undefined, hash: '$plaintext$hunter2hunter2' },
        { ...bob, password: undefined, hash: 'md5:abc' },
      ],
      {},
    );
    expect(r.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['user-hash-plaintext', 'users[0].hash'],
      ['user-hash-invalid', 'users[1].hash'],
    ]);
    expect(everything(r)).not.toContain('hunter2');
    expect(everything(r)).not.toContain('md5:abc');
  });

  it('writes only the first of two users with the same name', () => {
    const { result, parsed } = usersFile([alice, { ...bob, username: 'alice' }]);
    expect(Object.keys(parsed.users)).toEqual(['alice']);
    expect(parsed.users.alice?.displayname).toBe('Alice Example');
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({ code: 'user-username-duplicate', path: 'users[1].username' }),
    );
  });

  it('writes an empty users map with a warning when there are no users', () => {
    const { result, parsed } = usersFile([]);
    expect(parsed.users).toEqual({});
    expect(userDatabaseSchemaErrors(parsed)).toEqual([]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['users-empty']);
  });

  it('never throws and always returns one users file, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (users, map) => {
        const r = generateUsersDatabase(users as UserInput[], map as Record<string, string>);
        return r.files.length === 1 && Array.isArray(r.diagnostics);
      }),
      { numRuns: 200 },
    );
  });
});

describe('validateUsers', () => {
  it('puts each problem on its field', () => {
    const users = [
      { username: '', displayname: 'X', email: 'x@example.com', groups: [], hash: hashes.alice },
      { username: 'dave smith', displayname: '', email: 'not-an-email', groups: ['ok', '', 'ok'], hash: hashes.alice },
      { username: 'Alice', displayname: 'A', email: '', groups: [], password: 'short' },
      { username: 'alice', displayname: 'A', email: 'a@example.com', groups: [], hash: hashes.alice },
    ];
    expect(validateUsers(users).map((d) => [d.severity, d.code, d.path])).toEqual([
      ['error', 'user-username-required', 'users[0].username'],
      ['error', 'user-username-whitespace', 'users[1].username'],
      ['error', 'user-displayname-required', 'users[1].displayname'],
      ['error', 'user-email-invalid', 'users[1].email'],
      ['error', 'user-group-empty', 'users[1].groups[1]'],
      ['warning', 'user-group-duplicate', 'users[1].groups[2]'],
      ['warning', 'user-email-missing', 'users[2].email'],
      ['warning', 'user-password-short', 'users[2].password'],
      ['warning', 'user-username-case-duplicate', 'users[3].username'],
    ]);
  });

  it('never puts a password or a digest in a message', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 30 }).map((s) => `pw-${s}-secret`),
        (password) => {
          const text = JSON.stringify(
            validateUsers([
              { ...bob, password },
              { ...alice, password: undefined, hash: `$plaintext$${password}` },
            ]),
          );
          return !text.includes(password) && !text.includes(hashes.alice);
        },
      ),
      { numRuns: 200 },
    );
  });
});
