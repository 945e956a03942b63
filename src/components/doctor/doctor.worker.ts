// Large pastes, and pasted configuration files (which the builders' validators read), are diagnosed here, off the
// main thread, so typing and scrolling never freeze and the page itself loads no validator code.
import { diagnoseWithValidators } from '../../lib/doctor/validators';

self.onmessage = (event: MessageEvent<{ id: number; text: string }>) => {
  const { id, text } = event.data;
  self.postMessage({ id, ...diagnoseWithValidators(text) });
};
