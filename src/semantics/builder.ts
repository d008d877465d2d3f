/**
 * A small builder vocabulary so models read close to the paper's code, e.g. Fig. 1's
 * `db.connect().then(c => c.write({val, hash}))` is `[connect(), write('record', record({val: g('val'),
 * hash: g('hash')}))]`. Every helper returns plain data (see `program.ts`).
 */
import type { AsyncOp, ChainStep, Expr, MainCommand, ProgramSource, SyncCommand } from './program.ts';
import type { Value } from './values.ts';

export const lit = (value: Value): Expr => ({ k: 'lit', value });
export const g = (name: string): Expr => ({ k: 'global', name });
export const local = (name: string): Expr => ({ k: 'local', name });
export const input: Expr = { k: 'input' };
/** The previous chain step's value (the `x` in `.then(x => …)`). */
export const result: Expr = { k: 'result' };
export const field = (of: Expr, name: string): Expr => ({ k: 'field', of, name });
/** The paper's uninterpreted hash H(v). */
export const H = (of: Expr): Expr => ({ k: 'hash', of });
export const rec = (fields: Readonly<Record<string, Expr>>): Expr => ({ k: 'record', fields });
export const add = (left: Expr, right: Expr): Expr => ({ k: 'add', left, right });

export const setGlobal = (name: string, value: Expr): SyncCommand => ({ k: 'assign', target: { k: 'global', name }, value });
export const setLocal = (name: string, value: Expr): SyncCommand => ({ k: 'assign', target: { k: 'local', name }, value });
export const respond = (value: Expr): SyncCommand => ({ k: 'respond', value });
export const end = (): SyncCommand => ({ k: 'end' });

export const start = (chain: string): MainCommand => ({ k: 'start', chain });
export const awaitChain = (chain: string): MainCommand => ({ k: 'await', chain });
export const returnChain = (chain: string): MainCommand => ({ k: 'returnChain', chain });
export const returnValue = (value: Expr): MainCommand => ({ k: 'return', value });

interface OpOptions {
  /** The operation may also reject (adds a rejection branch to End Asynchronous Task). */
  readonly mayFail?: boolean;
}
const awaitOp = (op: AsyncOp): ChainStep => ({ k: 'await', op });
export const connect = (o: OpOptions = {}): ChainStep => awaitOp({ k: 'connect', ...o });
export const read = (key: string, o: OpOptions = {}): ChainStep => awaitOp({ k: 'read', key, ...o });
export const write = (key: string, value: Expr, o: OpOptions = {}): ChainStep => awaitOp({ k: 'write', key, value, ...o });
export const timer = (o: OpOptions = {}): ChainStep => awaitOp({ k: 'timer', ...o });
export const allSettled = (...chains: string[]): ChainStep => awaitOp({ k: 'allSettled', chains });

interface CallbackSpec {
  readonly do?: readonly SyncCommand[];
  readonly value?: Expr;
}
/** Named `andThen`, not `then`: a module exporting `then` is a thenable, and `await import()` of it hangs. */
export const andThen = (spec: CallbackSpec = {}): ChainStep =>
  spec.value === undefined ? { k: 'then', body: spec.do ?? [] } : { k: 'then', body: spec.do ?? [], value: spec.value };
export const catchError = (spec: CallbackSpec = {}): ChainStep =>
  spec.value === undefined ? { k: 'catch', body: spec.do ?? [] } : { k: 'catch', body: spec.do ?? [], value: spec.value };
export const andFinally = (...body: SyncCommand[]): ChainStep => ({ k: 'finally', body });

/** Identity with a type: `defineProgram({...})` checks the shape at compile time. */
export const defineProgram = (p: ProgramSource): ProgramSource => p;
