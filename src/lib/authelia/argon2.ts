/**
 * argon2id hashing for users_database.yml, kept apart from users.ts so pages that only build
 * YAML do not load hash-wasm; the browser runs this module inside a Web Worker.
 */
import { argon2id, argon2Verify } from 'hash-wasm';
import { defaultRandomSource, type RandomSource } from './secrets';
import { ARGON2_PARAMETERS } from './users';

function randomSalt(random: RandomSource = defaultRandomSource): Uint8Array {
  const salt = new Uint8Array(ARGON2_PARAMETERS.saltLength);
  random(salt);
  return salt;
}

/**
 * argon2id digest in Authelia's format `$argon2id$v=19$m=65536,t=3,p=4$<salt>$<hash>`.
 * A random 16-byte salt is drawn unless one is given (hash-wasm needs at least 8 bytes).
 */
export async function hashPassword(password: string, salt?: Uint8Array): Promise<string> {
  return argon2id({
    password,
    salt: salt ?? randomSalt(),
    iterations: ARGON2_PARAMETERS.iterations,
    memorySize: ARGON2_PARAMETERS.memory,
    parallelism: ARGON2_PARAMETERS.parallelism,
    hashLength: ARGON2_PARAMETERS.keyLength,
    outputType: 'encoded',
  });
}

/** True when `password` matches the argon2 digest; false for a wrong password or an unreadable digest. */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  try {
    return await argon2Verify({ password, hash });
  } catch {
    return false;
  }
}
