// Runs the splitter for the island. A compose file of a usual size is split on the main thread, in the same task as the
// keystroke (a few milliseconds, so the output follows typing); a large paste goes to a Web Worker so the page never
// freezes. Only the newest request matters: older results are dropped, and a worker run that takes long is abandoned
// (the worker restarted) when newer text arrives. Nothing heavy loads with the page: the splitter library is fetched
// when the reader gets ready to use it (focus on the box or the sample picker, see `warm`) or when there is text.
import type { Diagnostic, GeneratedFile } from '../../lib/core';
import type { Finding, SplitOptions } from '../../lib/compose';
import { emptyInput, isEmptyInput } from '../../lib/compose/empty';

export interface SplitOutput {
  /** The request this answers; higher is newer. */
  id: number;
  files: GeneratedFile[];
  diagnostics: Diagnostic[];
  findings: Finding[];
  /** False when the text is not a readable compose file (then there are no files). */
  generated: boolean;
}

interface Job {
  id: number;
  source: string;
  options: SplitOptions;
}

/** Up to this many characters (about 600 lines) the main thread splits in well under a frame; larger text goes to the worker. */
export const MAIN_THREAD_LIMIT = 24_000;
/** After this long on one request, newer text restarts the worker instead of waiting. */
const ABANDON_AFTER_MS = 400;
/** Without a worker, large text is split on the main thread once typing pauses. */
const FALLBACK_DEBOUNCE_MS = 300;

export interface Splitter {
  /** Returns the request's id; the output for it (or a newer one) arrives through the callback. */
  run(source: string, options: SplitOptions): number;
  /** Start loading the splitter library now (the reader is about to paste or load a sample). */
  warm(): void;
  dispose(): void;
}

type Lib = typeof import('../../lib/compose');

export function createSplitter(onResult: (output: SplitOutput) => void): Splitter {
  let lib: Lib | undefined;
  let libPromise: Promise<Lib | undefined> | undefined;
  // Loaded once, on the first sign of use, so the first keystroke or paste rarely waits for it.
  const libReady = (): Promise<Lib | undefined> =>
    (libPromise ??= import('../../lib/compose').then(
      (m) => (lib = m),
      () => undefined,
    ));
  let worker: Worker | undefined;
  let workerFailed = false;
  let running: (Job & { started: number }) | undefined;
  let queued: Job | undefined;
  let nextId = 1;
  let latest = 0;
  let delivered = 0;
  let disposed = false;
  let timer: number | undefined;

  const deliver = (output: SplitOutput) => {
    if (disposed || output.id <= delivered) return;
    delivered = output.id;
    onResult(output);
  };

  const onMainThread = (job: Job) => {
    if (lib) deliver({ id: job.id, ...lib.splitWithFindings(job.source, job.options) });
  };

  /** Main thread once the library is there; after a pause when the text is large (no worker to take it). */
  const later = (job: Job, delay: number) => {
    window.clearTimeout(timer);
    timer = window.setTimeout(
      () =>
        void libReady().then(() => {
          if (job.id !== latest) return;
          if (lib) onMainThread(job);
          else if (!workerFailed) startWorker(job); // the library chunk did not load: try the worker's copy
        }),
      delay,
    );
  };

  const startWorker = (job: Job) => {
    if (!worker) {
      try {
        worker = new Worker(new URL('./splitter.worker.ts', import.meta.url), { type: 'module' });
      } catch {
        worker = undefined;
      }
      if (!worker) {
        workerFailed = true;
        later(job, FALLBACK_DEBOUNCE_MS);
        return;
      }
      worker.onmessage = (event: MessageEvent<SplitOutput>) => {
        running = undefined;
        deliver(event.data);
        const next = queued;
        queued = undefined;
        if (next) startWorker(next);
      };
      worker.onerror = (event) => {
        event.preventDefault();
        worker?.terminate();
        worker = undefined;
        workerFailed = true;
        const pending = queued ?? running;
        running = queued = undefined;
        if (pending) later(pending, FALLBACK_DEBOUNCE_MS);
      };
    }
    running = { ...job, started: performance.now() };
    worker.postMessage({ id: job.id, source: job.source, options: job.options });
  };

  return {
    run(source, options) {
      const job = { id: nextId++, source, options };
      latest = job.id;
      window.clearTimeout(timer);
      if (!lib && isEmptyInput(source)) {
        // Same answer the library gives for an empty box, without loading it.
        queued = undefined;
        deliver({ id: job.id, files: [], diagnostics: [emptyInput()], findings: [], generated: false });
      } else if (source.length <= MAIN_THREAD_LIMIT) {
        queued = undefined; // a worker run still going for older text is outdated; its result will be dropped
        if (lib) onMainThread(job);
        else later(job, 0);
      } else if (workerFailed) {
        later(job, FALLBACK_DEBOUNCE_MS);
      } else if (!running) {
        startWorker(job);
      } else if (performance.now() - running.started > ABANDON_AFTER_MS) {
        worker?.terminate();
        worker = undefined;
        running = queued = undefined;
        startWorker(job);
      } else {
        queued = job;
      }
      return job.id;
    },
    warm() {
      void libReady();
    },
    dispose() {
      disposed = true;
      window.clearTimeout(timer);
      worker?.terminate();
      worker = undefined;
    },
  };
}
