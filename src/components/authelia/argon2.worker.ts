// Hashes passwords off the main thread so the page never freezes (argon2id with 64 MiB takes ~0.2 s).
import { hashPassword } from '../../lib/authelia/argon2';

interface Request {
  id: number;
  password: string;
}

self.onmessage = async (event: MessageEvent<Request>) => {
  const { id, password } = event.data;
  try {
    self.postMessage({ id, hash: await hashPassword(password) });
  } catch (error) {
    self.postMessage({ id, error: error instanceof Error ? error.message : 'hashing failed' });
  }
};
