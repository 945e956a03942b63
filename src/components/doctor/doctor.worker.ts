// Large pastes, and pasted configuration files (which the builders' validators read), are diagnosed here, off the
// main thread, so typing and scrolling never freeze and the page itself loads no validator code. The validators are
// a chunk of their own, fetched only once a paste holds a configuration file.
import { diagnoseText } from '../../lib/doctor';

type Validators = typeof import('../../lib/doctor/validators');
let validators: Promise<Validators | undefined> | undefined;

self.onmessage = async (event: MessageEvent<{ id: number; text: string }>) => {
  const { id, text } = event.data;
  const diagnosis = diagnoseText(text);
  if (!diagnosis.findings.some((finding) => finding.id.startsWith('config-'))) {
    self.postMessage({ id, ...diagnosis });
    return;
  }
  validators ??= import('../../lib/doctor/validators').then(
    (module) => module,
    () => undefined,
  );
  const module = await validators;
  self.postMessage({ id, ...(module ? module.addValidatorChecks(diagnosis, text) : diagnosis) });
};
