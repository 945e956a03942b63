// The splitter runs here, off the main thread: a large or pathological paste must never freeze typing.
import { splitWithFindings, type SplitOptions } from '../../lib/compose';

self.onmessage = (event: MessageEvent<{ id: number; source: string; options: SplitOptions }>) => {
  const { id, source, options } = event.data;
  const out = splitWithFindings(source, options);
  // Without a readable compose file the "files" are only the pasted text again: no need to copy it back.
  self.postMessage({ id, ...out, files: out.generated ? out.files : [] });
};
