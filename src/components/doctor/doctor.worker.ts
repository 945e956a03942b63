// Large pastes are diagnosed here, off the main thread, so typing and scrolling never freeze.
import { diagnoseText } from '../../lib/doctor';

self.onmessage = (event: MessageEvent<{ id: number; text: string }>) => {
  const { id, text } = event.data;
  self.postMessage({ id, ...diagnoseText(text) });
};
