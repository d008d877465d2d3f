/**
 * Traces as values, and replay.
 *
 * A trace is a path of choice indices from an initial state (Stateright's `0/2/1`): enough to
 * reproduce it exactly because `actions` lists enabled actions in a deterministic order and `next`
 * is deterministic. Each step also records, at recording time, the action's label and rule id, so a
 * later replay can check that it still follows the same actions; when it does not, the divergence
 * names the first differing step and the usual cause (the model or its options changed, or hidden
 * nondeterminism). Paths are printed `0/2/1`, or `init=1:0/2/1` when the initial state is not the
 * first one.
 */
import type { Model } from './model.ts';

export interface TraceStep<A> {
  readonly choice: number;
  readonly action: A;
  readonly label: string;
  readonly rule: string;
}

export interface Trace<A> {
  /** Index of the initial state in `initialStates()`. */
  readonly init: number;
  readonly steps: readonly TraceStep<A>[];
}

/** What a replay needs: a path, and optionally the labels recorded with it. */
export interface TracePath {
  readonly init: number;
  readonly choices: readonly number[];
  readonly labels?: readonly string[];
}

export type ReplayDivergence = {
  readonly code: 'AFL321' | 'AFL322' | 'AFL323';
  /** 0-based step index (−1: the initial state). */
  readonly step: number;
  readonly message: string;
  readonly hint: string;
};

export type ReplayResult<S, A> =
  | { readonly ok: true; readonly states: readonly S[]; readonly trace: Trace<A> }
  | { readonly ok: false; readonly divergence: ReplayDivergence; readonly statesBefore: readonly S[] };

const CAUSE = 'the model or its options changed since the trace was recorded, or the model has hidden nondeterminism (actions/next depending on something other than the state)';

/** Replays a path from an initial state; on divergence, reports the first step that differs. */
export function replay<S, A>(model: Model<S, A>, path: TracePath): ReplayResult<S, A> {
  const inits = model.initialStates();
  if (!(path.init >= 0 && path.init < inits.length)) {
    return {
      ok: false,
      statesBefore: [],
      divergence: { code: 'AFL321', step: -1, message: `initial state ${path.init} does not exist (the model has ${inits.length})`, hint: `likely cause: ${CAUSE}` },
    };
  }
  let state = inits[path.init] as S;
  const states: S[] = [state];
  const steps: TraceStep<A>[] = [];
  for (let step = 0; step < path.choices.length; step++) {
    const choice = path.choices[step]!;
    const enabled = model.actions(state);
    if (!(Number.isInteger(choice) && choice >= 0 && choice < enabled.length)) {
      const message = `step ${step + 1}: choice ${choice} is out of range, only ${enabled.length} action(s) are enabled`;
      return { ok: false, statesBefore: states, divergence: { code: 'AFL322', step, message, hint: `likely cause: ${CAUSE}` } };
    }
    const action = enabled[choice] as A;
    const label = model.formatAction(action);
    const recorded = path.labels?.[step];
    if (recorded !== undefined && recorded !== label) {
      const message = `step ${step + 1}: choice ${choice} is now '${label}' but the trace recorded '${recorded}'`;
      return { ok: false, statesBefore: states, divergence: { code: 'AFL323', step, message, hint: `likely cause: ${CAUSE}` } };
    }
    steps.push({ choice, action, label, rule: model.ruleOf(action) });
    state = model.next(state, action);
    states.push(state);
  }
  return { ok: true, states, trace: { init: path.init, steps } };
}

/** The path of a trace, with its recorded labels (what `replay` takes back). */
export function pathOfTrace<A>(trace: Trace<A>): TracePath {
  return { init: trace.init, choices: trace.steps.map((step) => step.choice), labels: trace.steps.map((step) => step.label) };
}

/** `0/2/1`, or `init=1:0/2/1` when the trace starts from another initial state. */
export function formatPath(path: { readonly init: number; readonly choices: readonly number[] }): string {
  const body = path.choices.join('/');
  return path.init === 0 ? body : `init=${path.init}:${body}`;
}

/** Parses `formatPath`'s output; returns undefined on a malformed path. */
export function parsePath(text: string): { init: number; choices: number[] } | undefined {
  const match = /^(?:init=(\d+):)?((?:\d+(?:\/\d+)*)?)$/.exec(text.trim());
  if (match === null) return undefined;
  const choices = match[2] === '' || match[2] === undefined ? [] : match[2].split('/').map(Number);
  return { init: match[1] === undefined ? 0 : Number(match[1]), choices };
}

export function traceLength<A>(trace: Trace<A>): number {
  return trace.steps.length;
}

/** Orders traces by length, then initial index, then path lexicographically (for determinism). */
export function compareTraces<A>(x: Trace<A>, y: Trace<A>): number {
  if (x.steps.length !== y.steps.length) return x.steps.length - y.steps.length;
  if (x.init !== y.init) return x.init - y.init;
  for (let i = 0; i < x.steps.length; i++) {
    const difference = x.steps[i]!.choice - y.steps[i]!.choice;
    if (difference !== 0) return difference;
  }
  return 0;
}
