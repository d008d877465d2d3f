/**
 * The body of the exploration worker (see `interruptible.ts`): loads and builds the model, runs
 * `check`, streams progress to the main thread and posts the result back. Stopping is a shared
 * Int32Array flag the main thread sets on Ctrl-C; the explorer polls it as an AbortSignal.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { check, type CheckOptions } from '../checker/index.ts';
import { buildModel } from '../semantics/model.ts';
import type { SemanticsName, Variant } from '../semantics/semantics.ts';
import { loadModel } from './load-model.ts';

export interface WorkerRequest {
  readonly modelFile: string;
  readonly semantics: SemanticsName;
  readonly variant: Variant;
  readonly options: Omit<CheckOptions, 'signal' | 'onProgress'> & { readonly reportProgress: boolean };
  readonly stopFlag: Int32Array;
}

const req = workerData as WorkerRequest;
const port = parentPort!;
const loaded = await loadModel(req.modelFile);
if (!loaded.ok) throw new Error('internal: the model loaded in the main thread but not in the worker');
const built = buildModel(loaded.value.definition, { semantics: req.semantics, variant: req.variant });
if (!built.ok) throw new Error('internal: the model built in the main thread but not in the worker');
const stop = { get aborted() { return Atomics.load(req.stopFlag, 0) === 1; } } as AbortSignal;
const { reportProgress, ...options } = req.options;
const run = check(built.value, { ...options, signal: stop, ...(reportProgress ? { onProgress: (p) => port.postMessage({ kind: 'progress', progress: p }) } : {}) });
port.postMessage({ kind: 'result', run });
