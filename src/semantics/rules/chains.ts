/**
 * Promise chains: issuing an asynchronous operation (Start Asynchronous Task) and resolving one
 * (End Asynchronous Task).
 *
 * A chain instance is paused at most at one `await` step, whose promise is in Pr. Resolving it applies
 * the operation's effect (a write lands in the database, a read observes it), then runs the chain's
 * following callbacks up to the next `await` (whose operation is issued now, its arguments evaluated
 * now) or the end of the chain. Running the callbacks in the same step models JavaScript's event
 * loop: the microtasks an I/O completion enables run before the next I/O completion is handled.
 */
import type { CChain, COp } from '../compiled.ts';
import { insertionIndex, type PendingPromise, type Settlement } from '../state.ts';
import type { Value } from '../values.ts';
import { W_DB, W_FRAME, W_PENDING, W_SETTLED, type Draft_, type RuleContext } from './context.ts';
import { bodyFootprint, errorResponse, evaluate, runCallbackBody, withGlobals, type EvalEnv } from './evaluate.ts';

/** The value of a resolved connect (an opaque connection object). */
export const CONNECTION: Value = 'connection';

/** Issues the operation at `chain.steps[at]` and adds its promise to Pr. */
export function issue(d: Draft_, ctx: RuleContext, event: number, chain: number, at: number, env: EvalEnv): void {
  const step = ctx.program.chains[chain]!.steps[at]!;
  if (step.k !== 'await') throw new Error(`internal: step ${at} of chain ${chain} is not an await`);
  const payload = step.op.k === 'write' ? evaluate(step.op.value, withGlobals(env, d)) : null;
  const promise: PendingPromise = { event, chain, at, payload, scope: env.scope };
  d.pending.splice(insertionIndex(d.pending, event, chain), 0, promise);
}

/** Whether the operation a promise waits on can complete now (allSettled waits for its chains). */
export function operationReady(op: COp, event: number, pending: readonly PendingPromise[]): boolean {
  if (op.k !== 'allSettled') return true;
  for (const p of pending) if (p.event === event && op.chains.includes(p.chain)) return false;
  return true;
}

/** Resolves the promise at `index` of Pr with the given outcome and runs its chain onwards. */
export function resolve(d: Draft_, ctx: RuleContext, index: number, outcome: 'fulfil' | 'reject'): void {
  const p = d.pending[index]!;
  d.pending.splice(index, 1);
  const chain = ctx.program.chains[p.chain]!;
  const step = chain.steps[p.at]!;
  if (step.k !== 'await') throw new Error('internal: pending promise not at an await step');
  let failed = outcome === 'reject';
  let value: Value = null;
  if (!failed) {
    switch (step.op.k) {
      case 'connect':
        value = CONNECTION;
        break;
      case 'read':
        value = d.db[step.op.key] as Value;
        break;
      case 'write':
        d.db[step.op.key] = p.payload;
        break;
      case 'timer':
      case 'allSettled':
        break;
    }
  }
  for (let i = p.at + 1; i < chain.steps.length; i++) {
    const s = chain.steps[i]!;
    const env: EvalEnv = { globals: d.globals, scope: p.scope, result: value };
    if (s.k === 'await') {
      if (failed) continue;
      issue(d, ctx, p.event, p.chain, i, env);
      return;
    }
    if (s.k === 'then' && !failed) {
      runCallbackBody(d, s.body, p.event, env);
      value = s.value ? evaluate(s.value, withGlobals(env, d)) : null;
    } else if (s.k === 'catch' && failed) {
      runCallbackBody(d, s.body, p.event, env);
      value = s.value ? evaluate(s.value, withGlobals(env, d)) : null;
      failed = false;
    } else if (s.k === 'finally') {
      runCallbackBody(d, s.body, p.event, env);
    }
  }
  settle(d, ctx, p.event, p.chain, failed ? { ok: false } : { ok: true, value });
}

/**
 * What `resolve` can write when the promise paused at `chain.steps[at]` ends with `outcome` (see
 * `footprint.ts`). It walks the steps exactly as `resolve` does, with the same `failed` flag: keep
 * the two in step.
 */
export function resolveFootprint(chain: CChain, at: number, outcome: 'fulfil' | 'reject'): number {
  const step = chain.steps[at]!;
  if (step.k !== 'await') return 0; // no promise is ever paused at a callback
  let failed = outcome === 'reject';
  let w = W_PENDING | (!failed && step.op.k === 'write' ? W_DB : 0);
  for (let i = at + 1; i < chain.steps.length; i++) {
    const s = chain.steps[i]!;
    if (s.k === 'await') {
      if (failed) continue;
      return w; // issue(): the next promise goes into Pr
    }
    if (s.k === 'then' && !failed) w |= bodyFootprint(s.body);
    else if (s.k === 'catch' && failed) {
      w |= bodyFootprint(s.body);
      failed = false;
    } else if (s.k === 'finally') w |= bodyFootprint(s.body);
  }
  return w | W_FRAME | W_SETTLED; // settle(): the frame's settled entry, maybe its response
}

/** Records a settled chain in its event's frame; a returned chain's value becomes M(response). */
function settle(d: Draft_, ctx: RuleContext, event: number, chain: number, s: Settlement): void {
  const f = d.frame;
  if (!f || f.event !== event) return; // the event is over: nobody observes this chain's outcome
  f.settled[chain] = s;
  if (f.returnChain === chain && f.response === undefined) f.response = s.ok ? (s.value) : (errorResponse(ctx.program.chains[chain]!.name));
}
