// Highlighting runs here, off the main thread: grammar compilation and tokenising a long file
// would otherwise block typing and clicks.
import { highlight } from './highlight';

self.onmessage = async (event: MessageEvent<{ id: number; code: string; language: string }>) => {
  const { id, code, language } = event.data;
  try {
    self.postMessage({ id, html: await highlight(code, language) });
  } catch {
    self.postMessage({ id, html: undefined });
  }
};
