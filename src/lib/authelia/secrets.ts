/**
 * Random secrets for Authelia (JWT secret, session secret, storage encryption key).
 * Pure: the random source defaults to `globalThis.crypto.getRandomValues` (browsers, Web Workers, Node ≥ 19).
 */

/** Fills the given array with cryptographically strong random bytes. */
export type RandomSource = (bytes: Uint8Array<ArrayBuffer>) => void;

export const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** The length Authelia recommends for its secrets (`authelia crypto rand --length 64 --charset alphanumeric`). */
export const RECOMMENDED_SECRET_LENGTH = 64;

/** Bytes at or above this value are discarded so that every character is equally likely (248 = 4 × 62). */
const ACCEPT_BELOW = 256 - (256 % SECRET_ALPHABET.length);

/** `getRandomValues` refuses more than 65,536 bytes per call. */
const MAX_CHUNK = 65536;

/** A source that keeps producing only rejected bytes is broken; stop instead of looping for ever. */
const MAX_EMPTY_ROUNDS = 64;

export function defaultRandomSource(bytes: Uint8Array<ArrayBuffer>): void {
  const crypto = globalThis.crypto as Crypto | undefined;
  if (!crypto?.getRandomValues) throw new Error('No cryptographic random source: crypto.getRandomValues is unavailable.');
  crypto.getRandomValues(bytes);
}

/**
 * An alphanumeric secret of `length` characters, drawn without modulo bias (rejection sampling).
 * Throws a RangeError for a length that is not a positive integer.
 */
export function randomSecret(length = RECOMMENDED_SECRET_LENGTH, random: RandomSource = defaultRandomSource): string {
  if (!Number.isInteger(length) || length < 1) {
    throw new RangeError(`The secret length must be a positive integer, got ${String(length)}.`);
  }
  let out = '';
  let emptyRounds = 0;
  while (out.length < length) {
    const missing = length - out.length;
    // Ask for a few more bytes than needed: about 3 % are rejected.
    const bytes = new Uint8Array(Math.min(MAX_CHUNK, missing + Math.ceil(missing / 16) + 4));
    random(bytes);
    const before = out.length;
    for (const b of bytes) {
      if (b < ACCEPT_BELOW) out += SECRET_ALPHABET[b % SECRET_ALPHABET.length];
      if (out.length === length) break;
    }
    emptyRounds = out.length === before ? emptyRounds + 1 : 0;
    if (emptyRounds >= MAX_EMPTY_ROUNDS) throw new Error('The random source produced no usable bytes.');
  }
  return out;
}

/** The three secrets the forward-auth configuration needs. */
export interface AutheliaSecrets {
  /** `identity_validation.reset_password.jwt_secret` */
  jwt: string;
  /** `session.secret` */
  session: string;
  /** `storage.encryption_key` */
  storageEncryptionKey: string;
}

/** Fresh 64-character secrets for every slot. */
export function generateAutheliaSecrets(random: RandomSource = defaultRandomSource): AutheliaSecrets {
  return {
    jwt: randomSecret(RECOMMENDED_SECRET_LENGTH, random),
    session: randomSecret(RECOMMENDED_SECRET_LENGTH, random),
    storageEncryptionKey: randomSecret(RECOMMENDED_SECRET_LENGTH, random),
  };
}
