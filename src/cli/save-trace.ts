/**
 * Saving counterexamples: the afterlife trace (JSON, replayable) and an ITF copy for Apalache/Quint
 * tooling, side by side. Default folder `.afterlife/traces/` in the working directory.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { toItf, type Trace } from '../checker/index.ts';
import type { Action } from '../semantics/actions.ts';
import type { ServerlessModel } from '../semantics/model.ts';
import type { State } from '../semantics/state.ts';
import { CliFailure } from './io.ts';
import { serializeTraceFile, traceFileOf, type TraceFile } from './trace-file.ts';

export const DEFAULT_TRACE_DIR = '.afterlife/traces';

export function traceFileName(model: ServerlessModel, property: string): string {
  const slug = model.definition.name.replace(/[^A-Za-z0-9_-]+/g, '-');
  return `${slug}.${model.options.semantics}.${model.options.variant}.${property}.json`;
}

/** Writes `<file>` and `<file minus .json>.itf.json`; returns both paths. */
export function saveTrace(file: string, model: ServerlessModel, ref: string, trace: Trace<Action>, states: readonly State[], property: string, verdict: string, command: string): { json: string; itf: string; content: TraceFile } {
  const content = traceFileOf(model, ref, trace, states, property, verdict, command);
  const itf = file.replace(/(\.itf)?\.json$/, '') + '.itf.json';
  const itfTrace = toItf(model, states, trace.steps.map((s) => s.label), { model: ref, semantics: model.options.semantics, variant: model.options.variant, property });
  try {
    mkdirSync(dirname(file) || '.', { recursive: true });
    writeFileSync(file, serializeTraceFile(content));
    writeFileSync(itf, `${JSON.stringify(itfTrace, null, 2)}\n`);
  } catch (e) {
    throw new CliFailure([{ code: 'AFL406', location: file, message: `cannot save the trace: ${e instanceof Error ? e.message : String(e)}`, hint: 'choose a writable --out path, or pass --no-save' }]);
  }
  return { json: file, itf, content };
}

export const defaultTracePath = (model: ServerlessModel, property: string) => join(DEFAULT_TRACE_DIR, traceFileName(model, property));
