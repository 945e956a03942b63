// Main-thread side of the argon2 worker: one worker, requests matched by id.
let worker: Worker | undefined;
let nextId = 1;
const pending = new Map<number, { resolve: (hash: string) => void; reject: (error: Error) => void }>();

function getWorker(): Worker {
  if (!worker) {
    worker = new Worker(new URL('./argon2.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<{ id: number; hash?: string; error?: string }>) => {
      const job = pending.get(event.data.id);
      if (!job) return;
      pending.delete(event.data.id);
      if (event.data.hash) job.resolve(event.data.hash);
      else job.reject(new Error(event.data.error ?? 'hashing failed'));
    };
  }
  return worker;
}

/** Resolves to an Authelia-format argon2id hash; the password never leaves this page. */
export function hashInWorker(password: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    getWorker().postMessage({ id, password });
  });
}
