/**
 * The state of one function environment: the paper's (M, E, Pr) plus what a checker needs.
 *
 * - `env` is E: `'f'` (free), `'d'` (done/destroyed) or the id (1, 2, …) of the event being processed.
 * - M is split into `globals` (module-level, survive between events) and `frame` (the current event's
 *   activation: input, locals, program counter, `response`, and whether it responded / called end()).
 * - Pr is `pending`: one entry per unresolved promise, sorted by (creating event, chain). Every promise
 *   records the event that created it — a history variable no literal rule reads, needed to state
 *   Theorem 5.2 and Lemma 4.7 (digest gap 3).
 * - Implicit in the paper, explicit here: the database `db`, the index of the next event input to
 *   deliver, and `log`, per delivered event: the responses sent (at most 2 kept: enough to see a second
 *   Respond) and whether the event ended.
 * Identities are canonical by construction (event id = delivery order; a promise is named by its
 * creating event and chain, each chain being started at most once per event), so no symmetry
 * reduction is needed to collapse renamings: there are none.
 * The state is shallow (a few arrays of small records) so copying it on the explorer's hot path is cheap.
 */
import type { CompiledProgram } from './compiled.ts';
import type { Value } from './values.ts';

export type Env = 'f' | 'd' | number;

/** How a chain settled: fulfilled with a value, or rejected. */
export type Settlement = { readonly ok: true; readonly value: Value } | { readonly ok: false };

export interface Frame {
  readonly event: number;
  /** `input` followed by the locals, in slot order; `undefined` = not yet assigned. Captured by chains. */
  readonly scope: readonly (Value | undefined)[];
  /** Index of the next `main` command; `main.length` when main has finished. */
  readonly pc: number;
  /** M(response); `undefined` while unset. */
  readonly response: Value | undefined;
  /** Responses sent for this event so far (saturates at 2). */
  readonly responded: number;
  /** Whether end() has been called (decoupled semantics). */
  readonly endCalled: boolean;
  /** Chain whose value becomes the response (`return chain`), or -1. */
  readonly returnChain: number;
  /** Per chain: undefined while not settled (or not started). */
  readonly settled: readonly (Settlement | undefined)[];
}

export interface PendingPromise {
  /** The event during which this promise's chain was started. */
  readonly event: number;
  readonly chain: number;
  /** Index of the `await` step this promise stands for. */
  readonly at: number;
  /** For a write: the record to store, computed when the write was issued. Otherwise null. */
  readonly payload: Value;
  /** The creating event's scope, if the chain reads input or locals; otherwise null. */
  readonly scope: readonly (Value | undefined)[] | null;
}

export interface EventLog {
  readonly input: Value;
  /** Responses sent, in order (at most 2 are kept). */
  readonly responses: readonly Value[];
  readonly ended: boolean;
}

export interface State {
  readonly env: Env;
  readonly globals: readonly Value[];
  readonly frame: Frame | null;
  readonly pending: readonly PendingPromise[];
  readonly db: readonly Value[];
  readonly nextInput: number;
  readonly log: readonly EventLog[];
}

export const MAX_RESPONSES_KEPT = 2;

export function initialState(p: CompiledProgram): State {
  return { env: 'f', globals: [...p.globalInit], frame: null, pending: [], db: [...p.dbInit], nextInput: 0, log: [] };
}

export const isEvent = (env: Env): env is number => typeof env === 'number';

/** Position of promise (event, chain) in the sorted pending list, or -1. */
export function findPending(pending: readonly PendingPromise[], event: number, chain: number): number {
  for (let i = 0; i < pending.length; i++) {
    const p = pending[i]!;
    if (p.event === event && p.chain === chain) return i;
  }
  return -1;
}

/** Index at which a promise (event, chain) keeps `pending` sorted. */
export function insertionIndex(pending: readonly PendingPromise[], event: number, chain: number): number {
  let i = 0;
  while (i < pending.length && (pending[i]!.event < event || (pending[i]!.event === event && pending[i]!.chain < chain))) i++;
  return i;
}
