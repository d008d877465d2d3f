/**
 * What every reducer may read besides the state (the compiled program, the scenario's event inputs,
 * the semantics, whether the repaired rules are in force), and the draft type reducers mutate.
 *
 * `Draft_` makes exactly one level mutable: top-level fields, the arrays, and the frame's fields and
 * arrays. Pending promises, log entries and values stay readonly, so a recipe can only *replace* them —
 * the discipline that lets `step.ts` run the same recipe on a one-level copy instead of immer.
 */
import type { CompiledProgram } from '../compiled.ts';
import type { SemanticsDef } from '../semantics.ts';
import type { Env, EventLog, Frame, PendingPromise, Settlement } from '../state.ts';
import type { Value } from '../values.ts';

export interface RuleContext {
  readonly program: CompiledProgram;
  readonly inputs: readonly Value[];
  readonly semantics: SemanticsDef;
  readonly repaired: boolean;
}

export type DraftFrame = { -readonly [K in keyof Frame]: Frame[K] } & {
  scope: (Value | undefined)[];
  settled: (Settlement | undefined)[];
};

export interface Draft_ {
  env: Env;
  globals: Value[];
  frame: DraftFrame | null;
  pending: PendingPromise[];
  db: Value[];
  nextInput: number;
  log: EventLog[];
}

/**
 * Footprint bits: the parts of a `Draft_` a rule instance can write (see `footprint.ts`). A recipe
 * that writes a part must have it in its footprint, or `nextFast` would write into the parent state.
 */
export const W_GLOBALS = 1;
export const W_FRAME = 2;
export const W_SCOPE = 4;
export const W_SETTLED = 8;
export const W_PENDING = 16;
export const W_DB = 32;
export const W_LOG = 64;
export const W_ALL = 127;
