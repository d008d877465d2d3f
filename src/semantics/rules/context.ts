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
