/**
 * Trace files: what `check` saves, `replay`/`show` read, and `traces/` holds as golden runs.
 *
 * A trace file records the model (as given and as a path relative to the package), the semantics,
 * the variant, the property it violates or witnesses, and the action path (Stateright-style `0/2/1`,
 * with the label of every step as recorded). States are included for readers and diffing but are
 * *not* trusted on load: a replay recomputes them from the path and compares (labels, then the final
 * state's JSON), naming the first step that differs. Format id: `afterlife-trace/1`.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { replay, formatPath, parsePath, type Trace } from '../checker/trace.ts';
import { fail, ok, type Result, type UserError } from '../errors.ts';
import type { Action } from '../semantics/actions.ts';
import { buildModel, type ServerlessModel } from '../semantics/model.ts';
import { isSemanticsName, type SemanticsName, type Variant } from '../semantics/semantics.ts';
import type { State } from '../semantics/state.ts';
import { loadModel, PACKAGE_ROOT } from './load-model.ts';

export const TRACE_FORMAT = 'afterlife-trace/1';

export interface TraceFileStep {
  readonly index: number;
  readonly choice: number;
  readonly rule: string;
  readonly action: string;
  readonly state: Record<string, unknown>;
}

export interface TraceFile {
  readonly format: typeof TRACE_FORMAT;
  readonly model: string;
  readonly semantics: SemanticsName;
  readonly variant: Variant;
  readonly property: string | null;
  readonly verdict: string | null;
  readonly path: string;
  readonly initial: Record<string, unknown>;
  readonly steps: readonly TraceFileStep[];
  /** The command that reproduces the run that found this trace. */
  readonly command?: string;
}

export interface LoadedTrace {
  readonly file: TraceFile;
  readonly model: ServerlessModel;
  /** Recomputed by replay: states[0] is initial, states[i] follows actions[i-1]. */
  readonly states: readonly State[];
  readonly actions: readonly Action[];
}

/**
 * The model argument to store and print: the folder name under models/ (what `afterlife` resolves by
 * name) when the model lives there, else the module's package-relative path.
 */
export function modelRef(modelFile: string): string {
  const rel = relative(PACKAGE_ROOT, modelFile).split('\\').join('/');
  const under = /^models\/(.+)\/model\.(ts|js|mjs)$/.exec(rel);
  return under ? under[1]! : rel;
}

export function traceFileOf(model: ServerlessModel, ref: string, trace: Trace<Action>, states: readonly State[], property: string | null, verdict: string | null, command?: string): TraceFile {
  return {
    format: TRACE_FORMAT,
    model: ref,
    semantics: model.options.semantics,
    variant: model.options.variant,
    property,
    verdict,
    path: formatPath({ init: trace.init, choices: trace.steps.map((s) => s.choice) }),
    initial: model.toJSON(states[0]!),
    steps: trace.steps.map((s, i) => ({ index: i + 1, choice: s.choice, rule: s.rule, action: s.label, state: model.toJSON(states[i + 1]!) })),
    ...(command ? { command } : {}),
  };
}

export function serializeTraceFile(t: TraceFile): string {
  return `${JSON.stringify(t, null, 2)}\n`;
}

const bad = (file: string, code: string, message: string, hint: string): Result<never> => fail({ code, location: file, message, hint });

/** Reads, validates, and replays a trace file against its model. */
export async function loadTraceFile(file: string): Promise<Result<LoadedTrace>> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return bad(file, 'AFL301', `cannot read trace file: ${why}`, 'give a trace file written by `afterlife check --out` (JSON)');
  }
  const t = raw as Partial<TraceFile>;
  if (typeof t !== 'object' || t === null || t.format !== TRACE_FORMAT)
    return bad(file, 'AFL302', `not an afterlife trace (expected "format": "${TRACE_FORMAT}")`, 'ITF files (*.itf.json) are for other tools; replay the .json trace written next to them');
  if (typeof t.model !== 'string') return bad(file, 'AFL303', "missing 'model'", 'the model name or path the trace was recorded on');
  if (typeof t.semantics !== 'string' || !isSemanticsName(t.semantics)) return bad(file, 'AFL304', `bad 'semantics': ${JSON.stringify(t.semantics)}`, 'one of single, reuse, wait-all, decoupled');
  if (t.variant !== 'literal' && t.variant !== 'repaired') return bad(file, 'AFL305', `bad 'variant': ${JSON.stringify(t.variant)}`, "'literal' or 'repaired'");
  const path = typeof t.path === 'string' ? parsePath(t.path) : undefined;
  if (path === undefined) return bad(file, 'AFL306', `bad 'path': ${JSON.stringify(t.path)}`, "a path of choice indices like '0/2/1'");
  if (!Array.isArray(t.steps) || t.steps.length !== path.choices.length)
    return bad(file, 'AFL307', `'steps' must list one entry per choice of 'path' (${path.choices.length})`, 'the file was edited by hand or truncated; re-record it with `afterlife check --out`');
  const loaded = await loadModel(t.model.startsWith('models/') || t.model.includes('.') ? `${PACKAGE_ROOT}/${t.model}` : t.model);
  if (!loaded.ok) return loaded;
  const built = buildModel(loaded.value.definition, { semantics: t.semantics, variant: t.variant });
  if (!built.ok) return built;
  const model = built.value;
  const labels = t.steps.map((s) => (s as TraceFileStep).action);
  const r = replay(model, { init: path.init, choices: path.choices, labels });
  if (!r.ok) {
    const e: UserError = { code: r.divergence.code, location: `${file}: step ${r.divergence.step + 1}`, message: `replay diverges: ${r.divergence.message}`, hint: r.divergence.hint };
    return fail(e);
  }
  // Labels agree; the recorded states must agree too (they are derived, so a mismatch means the
  // semantics changed while the actions stayed the same).
  for (let i = 0; i < r.states.length; i++) {
    const recorded = i === 0 ? t.initial : (t.steps[i - 1] as TraceFileStep).state;
    const now = model.toJSON(r.states[i]!);
    if (recorded !== undefined && JSON.stringify(recorded) !== JSON.stringify(now))
      return bad(`${file}: step ${i}`, 'AFL324', `replay reaches a different state at step ${i} than the trace recorded`, `the semantics changed since the trace was recorded (recorded ${JSON.stringify(recorded)}, now ${JSON.stringify(now)}); if the change is deliberate, re-record the golden trace and say which rule changed`);
  }
  return ok({ file: t as TraceFile, model, states: r.states, actions: r.trace.steps.map((s) => s.action) });
}
