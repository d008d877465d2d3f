/**
 * The program representation: serverless handlers as plain, JSON-able data.
 *
 * It is shaped after what the paper's Figs. 1 and 8 need, and after what a later front-end compiling
 * real JavaScript handlers would emit:
 * - module-level `globals` survive between events of a reused environment; `locals` are per-event
 *   `const` bindings (assigned once in `main`, captured by the chains started after them — exactly
 *   what a JavaScript closure over a `const` sees);
 * - `input` is the event, `response` is set by `return`, `returnChain` (an async handler returning a
 *   promise) or an explicit `respond` (Express-style `res.send`);
 * - a *chain* is a promise chain: a list of steps, each `await` of an asynchronous operation (database
 *   connect/read/write, a timer, `Promise.allSettled` of other chains) or a `then`/`catch`/`finally`
 *   callback. Expressions are evaluated *when the step runs*, reading globals at that moment — which
 *   is what makes the paper's Table 3 write `{val: 112, hash: H(42)}`;
 * - `end()` is the decoupled semantics' explicit termination command (paper Fig. 7/8).
 * Everything refers to names; `compile.ts` validates and resolves names to slots.
 */
import type { Value } from './values.ts';

export type Expr =
  | { readonly k: 'lit'; readonly value: Value }
  | { readonly k: 'global'; readonly name: string }
  | { readonly k: 'local'; readonly name: string }
  | { readonly k: 'input' }
  /** The value the previous step of this chain produced (connection, read result, callback value). */
  | { readonly k: 'result' }
  | { readonly k: 'field'; readonly of: Expr; readonly name: string }
  | { readonly k: 'hash'; readonly of: Expr }
  | { readonly k: 'record'; readonly fields: Readonly<Record<string, Expr>> }
  | { readonly k: 'add'; readonly left: Expr; readonly right: Expr };

/** Synchronous commands, allowed both in `main` and in chain callbacks. */
export type SyncCommand =
  | { readonly k: 'assign'; readonly target: { readonly k: 'global' | 'local'; readonly name: string }; readonly value: Expr }
  /** Send the response now (sets M(response)); the handler may go on working. */
  | { readonly k: 'respond'; readonly value: Expr }
  /** Decoupled semantics only: request termination of the current event (paper Fig. 7). */
  | { readonly k: 'end' };

/** Commands only `main` can execute (they refer to the handler's own control flow). */
export type MainCommand =
  | SyncCommand
  /** Start a promise chain without awaiting it (Start Asynchronous Task). */
  | { readonly k: 'start'; readonly chain: string }
  /** `await` a started chain: main blocks until it settles; a rejection aborts main with an error response. */
  | { readonly k: 'await'; readonly chain: string }
  /** `return chain`: the chain's value becomes the response when it fulfils. Ends main. */
  | { readonly k: 'returnChain'; readonly chain: string }
  /** `return expr`: the value becomes the response. Ends main. */
  | { readonly k: 'return'; readonly value: Expr };

export type AsyncOp =
  | { readonly k: 'connect'; readonly mayFail?: boolean }
  | { readonly k: 'read'; readonly key: string; readonly mayFail?: boolean }
  | { readonly k: 'write'; readonly key: string; readonly value: Expr; readonly mayFail?: boolean }
  /** A timer / any background task with no result (setTimeout, a log flush with no payload). */
  | { readonly k: 'timer'; readonly mayFail?: boolean }
  /** `Promise.allSettled([...chains])`: resolves once every listed chain of the same event has settled. */
  | { readonly k: 'allSettled'; readonly chains: readonly string[] };

export type ChainStep =
  | { readonly k: 'await'; readonly op: AsyncOp }
  /** `.then(result => { body; return value })` — runs on fulfilment; `value` defaults to undefined. */
  | { readonly k: 'then'; readonly body: readonly SyncCommand[]; readonly value?: Expr }
  /** `.catch(e => { body; return value })` — runs on rejection and recovers. */
  | { readonly k: 'catch'; readonly body: readonly SyncCommand[]; readonly value?: Expr }
  /** `.finally(() => { body })` — runs either way; passes the outcome through. */
  | { readonly k: 'finally'; readonly body: readonly SyncCommand[] };

export interface ProgramSource {
  readonly name: string;
  /** Module-level variables with their initial values (they survive between events). */
  readonly globals?: Readonly<Record<string, Value>>;
  /** Per-event `const` bindings (declared so typos are caught). */
  readonly locals?: readonly string[];
  /** Database keys with their initial contents. */
  readonly db?: Readonly<Record<string, Value>>;
  /** Promise chains by name. Each starts with an `await` step. */
  readonly chains?: Readonly<Record<string, readonly ChainStep[]>>;
  /** The handler body, executed one command per Local Transition. */
  readonly main: readonly MainCommand[];
}
