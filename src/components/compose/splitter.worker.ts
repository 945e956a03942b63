// The splitter runs here, off the main thread: a large or pathological paste must never freeze typing.
import { generateCompose } from '../../lib/compose/builder';
import type { ComposeInput } from '../../lib/compose/state';

self.onmessage = (event: MessageEvent<{ id: number } & ComposeInput>) => {
  const { id, source, options } = event.data;
  const out = generateCompose({ source, options });
  // Without a readable compose file the "files" are only the pasted text again: no need to copy it back.
  self.postMessage({ id, ...out, files: out.generated ? out.files : [] });
};
