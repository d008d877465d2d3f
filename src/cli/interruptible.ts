/**
 * Runs `check` so that Ctrl-C can stop it. Exploration is one synchronous loop, so a SIGINT handler
 * on the same thread would only run after the loop ends; instead the loop runs in a worker thread
 * and the main thread, which stays free, sets a shared flag the explorer polls (every ~1024 states).
 * The worker posts progress lines and finally the result — the same value `check` returns in-process.
 */
import { Worker } from 'node:worker_threads';
import type { check, CheckOptions, Progress } from '../checker/index.ts';
import type { Action } from '../semantics/actions.ts';
import type { ServerlessModel } from '../semantics/model.ts';
import type { State } from '../semantics/state.ts';
import type { WorkerRequest } from './check-worker.ts';

type CheckRun = ReturnType<typeof check<State, Action>>;

/** `check(model, options)` in a worker; `options.signal` (aborted on Ctrl-C by main.ts) stops it. */
export async function checkInWorker(modelFile: string, model: ServerlessModel, options: CheckOptions): Promise<CheckRun> {
  const stopFlag = new Int32Array(new SharedArrayBuffer(4));
  const { signal, onProgress, ...plain } = options;
  const request: WorkerRequest = { modelFile, semantics: model.options.semantics, variant: model.options.variant, options: { ...plain, reportProgress: onProgress !== undefined }, stopFlag };
  const worker = new Worker(new URL('./worker-entry.js', import.meta.url), { workerData: request });
  const onAbort = () => Atomics.store(stopFlag, 0, 1);
  if (signal?.aborted) onAbort();
  signal?.addEventListener('abort', onAbort);
  try {
    return await new Promise((resolve, reject) => {
      worker.on('message', (m: { kind: 'progress'; progress: Progress } | { kind: 'result'; run: CheckRun }) => {
        if (m.kind === 'progress') onProgress?.(m.progress);
        else resolve(m.run);
      });
      worker.on('error', reject);
      worker.on('exit', (code) => reject(new Error(`the exploration worker exited with code ${code}`)));
    });
  } finally {
    signal?.removeEventListener('abort', onAbort);
    void worker.terminate();
  }
}
