// Main-thread side of the highlight worker. Resolves to undefined (plain text stays) when workers
// or highlighting are unavailable.
let worker: Worker | undefined;
let failed = false;
let nextId = 1;
const pending = new Map<number, (html: string | undefined) => void>();

export function highlightInWorker(code: string, language: string): Promise<string | undefined> {
  if (failed) return Promise.resolve(undefined);
  try {
    if (!worker) {
      worker = new Worker(new URL('./highlight.worker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (event: MessageEvent<{ id: number; html?: string }>) => {
        pending.get(event.data.id)?.(event.data.html);
        pending.delete(event.data.id);
      };
      worker.onerror = () => {
        failed = true;
        for (const resolve of pending.values()) resolve(undefined);
        pending.clear();
      };
    }
  } catch {
    failed = true;
    return Promise.resolve(undefined);
  }
  return new Promise((resolve) => {
    const id = nextId++;
    pending.set(id, resolve);
    worker!.postMessage({ id, code, language });
  });
}
