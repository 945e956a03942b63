// Runs the doctor for the island: a paste of a usual size on the main thread (a few milliseconds), a large one in a
// Web Worker. A paste that holds a configuration file is answered at once on the main thread, then again from the
// worker with the builders' validators (src/lib/doctor/validators), which only the worker loads. Only the newest
// request matters: older results are dropped, and a worker busy with outdated text is restarted. The library is
// loaded on first use, not with the page.
import type { Diagnosis } from '../../lib/doctor';

export interface DoctorOutput extends Diagnosis {
  id: number;
}

/** Up to this many characters the main thread answers within a frame; larger text goes to the worker. */
export const MAIN_THREAD_LIMIT = 20_000;

type Lib = typeof import('../../lib/doctor');

export interface DoctorRunner {
  run(text: string): void;
  dispose(): void;
}

export function createDoctorRunner(onResult: (output: DoctorOutput) => void): DoctorRunner {
  let libPromise: Promise<Lib | undefined> | undefined;
  const libReady = () =>
    (libPromise ??= import('../../lib/doctor').then(
      (module) => module,
      () => undefined,
    ));
  let worker: Worker | undefined;
  let workerBusy = false;
  let nextId = 1;
  let latest = 0;
  let disposed = false;

  const deliver = (output: DoctorOutput) => {
    if (!disposed && output.id === latest) onResult(output);
  };

  // `validate`: also ask the worker for the validators' messages; false when the worker is what just failed.
  const onMainThread = async (id: number, text: string, validate = true) => {
    const module = await libReady();
    if (!module || id !== latest) return;
    const diagnosis = module.diagnoseText(text);
    deliver({ id, ...diagnosis });
    if (validate && diagnosis.findings.some((finding) => finding.id.startsWith('config-'))) inWorker(id, text);
  };

  const inWorker = (id: number, text: string) => {
    if (worker && workerBusy) {
      // Still busy with older text: its answer is no longer wanted.
      worker.terminate();
      worker = undefined;
    }
    if (!worker) {
      try {
        worker = new Worker(new URL('./doctor.worker.ts', import.meta.url), { type: 'module' });
      } catch {
        worker = undefined;
      }
      if (!worker) {
        void onMainThread(id, text, false);
        return;
      }
      worker.onmessage = (event: MessageEvent<DoctorOutput>) => {
        workerBusy = false;
        deliver(event.data);
      };
      worker.onerror = (event) => {
        event.preventDefault();
        worker?.terminate();
        worker = undefined;
        workerBusy = false;
        void onMainThread(latest, text, false);
      };
    }
    workerBusy = true;
    worker.postMessage({ id, text });
  };

  return {
    run(text) {
      const id = nextId++;
      latest = id;
      if (text.length <= MAIN_THREAD_LIMIT) void onMainThread(id, text);
      else inWorker(id, text);
    },
    dispose() {
      disposed = true;
      worker?.terminate();
      worker = undefined;
    },
  };
}
