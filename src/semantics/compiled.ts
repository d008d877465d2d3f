/**
 * The validated, slot-resolved form of a program that the reducers execute.
 *
 * Names become array indices (globals, locals, database keys, chains) so the state is a few flat
 * arrays, cheap to copy and to encode. Facts the properties need are precomputed here once, e.g.
 * `writesFrom[i]`: whether a chain paused at step i still has a database write to perform.
 */
import type { Value } from './values.ts';

export type CExpr =
  | { readonly k: 'lit'; readonly value: Value }
  | { readonly k: 'global'; readonly slot: number }
  | { readonly k: 'local'; readonly slot: number }
  | { readonly k: 'input' }
  | { readonly k: 'result' }
  | { readonly k: 'field'; readonly of: CExpr; readonly name: string }
  | { readonly k: 'hash'; readonly of: CExpr }
  | { readonly k: 'record'; readonly fields: readonly (readonly [string, CExpr])[] }
  | { readonly k: 'add'; readonly left: CExpr; readonly right: CExpr };

export type CSync =
  | { readonly k: 'assign-global'; readonly slot: number; readonly value: CExpr }
  | { readonly k: 'assign-local'; readonly slot: number; readonly value: CExpr }
  | { readonly k: 'respond'; readonly value: CExpr }
  | { readonly k: 'end' };

export type CMain =
  | CSync
  | { readonly k: 'start'; readonly chain: number }
  | { readonly k: 'await'; readonly chain: number }
  | { readonly k: 'returnChain'; readonly chain: number }
  | { readonly k: 'return'; readonly value: CExpr };

export type COp =
  | { readonly k: 'connect'; readonly mayFail: boolean }
  | { readonly k: 'read'; readonly key: number; readonly mayFail: boolean }
  | { readonly k: 'write'; readonly key: number; readonly value: CExpr; readonly mayFail: boolean }
  | { readonly k: 'timer'; readonly mayFail: boolean }
  | { readonly k: 'allSettled'; readonly chains: readonly number[]; readonly mayFail: false };

export type CStep =
  | { readonly k: 'await'; readonly op: COp }
  | { readonly k: 'then' | 'catch'; readonly body: readonly CSync[]; readonly value: CExpr | null }
  | { readonly k: 'finally'; readonly body: readonly CSync[] };

export interface CChain {
  readonly name: string;
  readonly steps: readonly CStep[];
  /** writesFrom[i]: some step at index >= i is a database write. */
  readonly writesFrom: readonly boolean[];
  /** Whether any expression in the chain reads `input` or a local (then a pending promise keeps its scope). */
  readonly readsScope: boolean;
}

export interface CompiledProgram {
  readonly name: string;
  readonly globalNames: readonly string[];
  readonly globalInit: readonly Value[];
  readonly localNames: readonly string[];
  readonly dbKeys: readonly string[];
  readonly dbInit: readonly Value[];
  readonly chains: readonly CChain[];
  readonly main: readonly CMain[];
  /** Whether the program uses `end()` anywhere (only the decoupled semantics has it). */
  readonly usesEnd: boolean;
}
