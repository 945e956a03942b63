/**
 * The setup builder's secrets while the page is open: which password digest belongs to which password, and what a
 * reload or leaving the page would lose. Pure rules; the island (AutheliaSetupBuilder.tsx) keeps the typed passwords,
 * runs the worker and wires these.
 *
 * - A digest always belongs to the password typed now: editing the password drops the digest at once, and a digest
 *   the worker finishes for an older value of the field is thrown away.
 * - Digests and generated secrets live only in this page unless the reader opted in to keeping secrets on this device
 *   (they are never in share links), so a reload drops the digests and makes new secrets. They count as safe once the
 *   reader copied or downloaded a file that holds them, or opted in.
 */
import type { AutheliaSetupState } from './builder-setup';

/** One "Hash" press: the user row and the exact password the digest is made for. */
export interface HashRequest {
  index: number;
  password: string;
}

/** The message under the password field when "Hash" cannot start; undefined when it can. */
export function hashRequestProblem(password: string): string | undefined {
  return password ? undefined : 'Type a password first, then press Hash.';
}

/** The state with the digest of row `index` set (or cleared with ''); the same object when nothing changes. */
function withDigest(state: AutheliaSetupState, index: number, hash: string): AutheliaSetupState {
  const user = state.users[index];
  if (!user || user.hash === hash) return state;
  return { ...state, users: state.users.map((row, i) => (i === index ? { ...row, hash } : row)) };
}

/** The state after the reader edited the password of row `index`: that row's digest no longer applies. */
export function withPasswordEdited(state: AutheliaSetupState, index: number): AutheliaSetupState {
  return withDigest(state, index, '');
}

/**
 * The state with a digest the worker finished, when it still belongs to the password typed now in that row; else the
 * state unchanged (the reader edited the password, or removed the row, meanwhile). `accepted` says which.
 */
export function withFinishedHash(
  state: AutheliaSetupState,
  request: HashRequest,
  digest: string,
  currentPasswords: readonly (string | undefined)[],
): { state: AutheliaSetupState; accepted: boolean } {
  const accepted =
    request.password !== '' && currentPasswords[request.index] === request.password && !!state.users[request.index];
  return { state: accepted ? withDigest(state, request.index, digest) : state, accepted };
}

// ---------------------------------------------------------------------------------------------------------------------
// What a reload would lose

export interface LossInput {
  state: AutheliaSetupState;
  /** Whether the generated secrets are written into the output (secrets inline in configuration.yml). */
  secretsInOutput: boolean;
  /** The reader opted in to keeping secrets on this device (digests and secrets are then stored). */
  keepSecrets: boolean;
  /** Secret values the reader has copied or downloaded (see `secretValuesIn`). */
  saved: ReadonlySet<string>;
}

export interface Loss {
  /** Usernames (or "user N") whose digest exists only in this page. */
  hashes: string[];
  /** The generated secrets exist only in this page. */
  secrets: boolean;
}

const secretList = (state: AutheliaSetupState): string[] => Object.values(state.secrets ?? {}).filter(Boolean) as string[];

/** The digests and generated secrets of `state` that appear whole in `text` (a copied or downloaded file, a selection). */
export function secretValuesIn(text: string, state: AutheliaSetupState): string[] {
  return [...state.users.map((user) => user.hash), ...secretList(state)].filter((value) => value && text.includes(value));
}

/** The digests and secrets only this page holds: neither stored (opt-in), nor copied or downloaded. */
export function unsavedSecrets({ state, secretsInOutput, keepSecrets, saved }: LossInput): Loss {
  const unsaved = (value: string) => !keepSecrets && value !== '' && !saved.has(value);
  return {
    hashes: state.users.flatMap((user, i) => (unsaved(user.hash) ? [user.username.trim() || `user ${i + 1}`] : [])),
    secrets: secretsInOutput && secretList(state).some(unsaved),
  };
}

const joinNames = (names: string[]): string => names.join(', ').replace(/, ([^,]*)$/, ' and $1');

/** What a reload would lose, in a sentence; undefined when nothing would be. */
export function lossMessage({ hashes, secrets }: Loss): string | undefined {
  const parts = [
    ...(hashes.length ? [`the password hash${hashes.length > 1 ? 'es' : ''} of ${joinNames(hashes)}`] : []),
    ...(secrets ? ['the generated secrets'] : []),
  ];
  return parts.length
    ? `A reload or leaving this page loses ${parts.join(', and ')}: only this page holds them. Copy or download the files, or remember secrets on this device.`
    : undefined;
}
