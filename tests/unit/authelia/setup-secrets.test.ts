import { describe, expect, it } from 'vitest';
import {
  autheliaSetupBuilder,
  defaultAutheliaSetupState,
  type AutheliaSetupState,
} from '../../../src/lib/authelia/builder-setup';
import { MISSING_HASH_PLACEHOLDER } from '../../../src/lib/authelia/users';
import {
  hashRequestProblem,
  lossMessage,
  secretValuesIn,
  unsavedSecrets,
  withFinishedHash,
  withPasswordEdited,
} from '../../../src/lib/authelia/setup-secrets';

const digest = (salt: string) => `$argon2id$v=19$m=65536,t=3,p=4$${salt.repeat(22)}$${'B'.repeat(43)}`;
const OLD = digest('A');
const NEW = digest('C');
const SECRETS = { jwt: 'j'.repeat(64), session: 's'.repeat(64), storageEncryptionKey: 'k'.repeat(64) };
const ana = defaultAutheliaSetupState.users[0]!;
const hashed: AutheliaSetupState = { ...defaultAutheliaSetupState, users: [{ ...ana, hash: OLD }] };
const usersFile = (state: AutheliaSetupState) =>
  autheliaSetupBuilder.generate(autheliaSetupBuilder.toInput(state)).files.find((f) => f.name === 'users_database.yml')!.content;

describe('a password digest always belongs to the password typed now', () => {
  it('editing the password drops the digest at once, so users_database.yml holds the placeholder again', () => {
    expect(usersFile(hashed)).toContain(OLD);
    const edited = withPasswordEdited(hashed, 0);
    expect(edited.users[0]!.hash).toBe('');
    expect(usersFile(edited)).not.toContain(OLD);
    expect(usersFile(edited)).toContain(MISSING_HASH_PLACEHOLDER);
  });

  it('editing touches only that row, and returns the same state when there is no digest to drop', () => {
    const two: AutheliaSetupState = {
      ...hashed,
      users: [
        { ...ana, hash: OLD },
        { ...ana, username: 'bo', hash: NEW },
      ],
    };
    expect(withPasswordEdited(two, 1).users.map((u) => u.hash)).toEqual([OLD, '']);
    expect(withPasswordEdited(defaultAutheliaSetupState, 0)).toBe(defaultAutheliaSetupState);
    expect(withPasswordEdited(hashed, 5)).toBe(hashed);
  });

  it('a digest finished for the password still typed is kept', () => {
    const done = withFinishedHash(defaultAutheliaSetupState, { index: 0, password: 'horse-battery' }, NEW, ['horse-battery']);
    expect(done.accepted).toBe(true);
    expect(done.state.users[0]!.hash).toBe(NEW);
  });

  it('race: a digest that finishes after the password was edited is discarded, and the older digest stays gone', () => {
    // Typed "horse-battery", pressed Hash, then kept typing before the worker answered.
    const whileHashing = withPasswordEdited(hashed, 0);
    const late = withFinishedHash(whileHashing, { index: 0, password: 'horse-battery' }, NEW, ['horse-battery-staple']);
    expect(late.accepted).toBe(false);
    expect(late.state).toBe(whileHashing);
    expect(late.state.users[0]!.hash).toBe('');
    expect(usersFile(late.state)).not.toContain(NEW);
  });

  it('race: a digest for a row removed meanwhile, or for an emptied field, is discarded', () => {
    const removed = { ...defaultAutheliaSetupState, users: [] };
    expect(withFinishedHash(removed, { index: 0, password: 'x' }, NEW, ['x']).accepted).toBe(false);
    expect(withFinishedHash(defaultAutheliaSetupState, { index: 0, password: 'x' }, NEW, ['']).accepted).toBe(false);
    expect(withFinishedHash(defaultAutheliaSetupState, { index: 0, password: '' }, NEW, ['']).accepted).toBe(false);
  });

  it('"Hash" with an empty field has a message for the field; a typed password has none', () => {
    expect(hashRequestProblem('')).toMatch(/type a password/i);
    expect(hashRequestProblem(' ')).toBeUndefined();
    expect(hashRequestProblem('correct-horse')).toBeUndefined();
  });
});

describe('what a reload would lose', () => {
  const inline: AutheliaSetupState = { ...hashed, secretsMode: 'inline', secrets: SECRETS };
  const none = new Set<string>();

  it('nothing with the defaults: no digest, and secrets kept in files on the server are not in the output', () => {
    const loss = unsavedSecrets({
      state: { ...defaultAutheliaSetupState, secrets: SECRETS },
      secretsInOutput: false,
      keepSecrets: false,
      saved: none,
    });
    expect(loss).toEqual({ hashes: [], secrets: false });
    expect(lossMessage(loss)).toBeUndefined();
  });

  it('a digest and inline secrets that only this page holds, named in the message', () => {
    const loss = unsavedSecrets({ state: inline, secretsInOutput: true, keepSecrets: false, saved: none });
    expect(loss).toEqual({ hashes: ['ana'], secrets: true });
    expect(lossMessage(loss)).toMatch(/password hash of ana, and the generated secrets/);
  });

  it('users are named, or numbered when they have no username yet', () => {
    const state = {
      ...inline,
      users: [
        { ...ana, hash: OLD },
        { ...ana, username: ' ', hash: NEW },
        { ...ana, username: 'cy', hash: '' },
      ],
    };
    const loss = unsavedSecrets({ state, secretsInOutput: false, keepSecrets: false, saved: none });
    expect(loss.hashes).toEqual(['ana', 'user 2']);
    expect(lossMessage(loss)).toMatch(/password hashes of ana and user 2:/);
  });

  it('the opt-in to remember secrets on this device keeps everything', () => {
    expect(unsavedSecrets({ state: inline, secretsInOutput: true, keepSecrets: true, saved: none })).toEqual({
      hashes: [],
      secrets: false,
    });
  });

  it('copying or downloading a file saves exactly the secrets it holds', () => {
    const files = autheliaSetupBuilder.generate(autheliaSetupBuilder.toInput(inline)).files;
    const users = files.find((f) => f.name === 'users_database.yml')!.content;
    const config = files.find((f) => f.name === 'configuration.yml')!.content;
    expect(secretValuesIn(users, inline)).toEqual([OLD]);
    expect(secretValuesIn(config, inline).toSorted()).toEqual(Object.values(SECRETS).toSorted());

    const afterUsers = unsavedSecrets({ state: inline, secretsInOutput: true, keepSecrets: false, saved: new Set([OLD]) });
    expect(afterUsers).toEqual({ hashes: [], secrets: true });
    const afterBoth = new Set([OLD, ...secretValuesIn(config, inline)]);
    expect(unsavedSecrets({ state: inline, secretsInOutput: true, keepSecrets: false, saved: afterBoth })).toEqual({
      hashes: [],
      secrets: false,
    });
  });

  it('a partial selection does not count, and a new digest after a copy is unsaved again', () => {
    expect(secretValuesIn(OLD.slice(0, 40), inline)).toEqual([]);
    const rehashed = { ...inline, users: [{ ...ana, hash: NEW }] };
    expect(
      unsavedSecrets({
        state: rehashed,
        secretsInOutput: true,
        keepSecrets: false,
        saved: new Set([OLD, ...Object.values(SECRETS)]),
      }),
    ).toEqual({
      hashes: ['ana'],
      secrets: false,
    });
  });
});
