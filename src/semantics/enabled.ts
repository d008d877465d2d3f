/**
 * The rule instances enabled in a state — all premises in one place — in a documented order.
 *
 * Order (it defines the choice indices of trace paths, so it is part of the trace format):
 *   1. the platform's rules: Start Event, Respond, End Event, Invalidate Env;
 *   2. the Local Transition / Start Asynchronous Task of main's next command (at most one);
 *   3. End Asynchronous Task for each pending promise in Pr order (creating event, then chain),
 *      fulfilment before rejection.
 * Premises that differ between the literal and the repaired rules are tagged [gap N] (paper digest).
 * "Pr = ∅" includes the handler's own activation: it holds only once main has finished.
 */
import type { Action, EndAsyncAction } from './actions.ts';
import { operationReady } from './rules/chains.ts';
import type { RuleContext } from './rules/context.ts';
import { mainCommandReady } from './rules/local.ts';
import type { State } from './state.ts';

const INVALIDATE: Action = { rule: 'fig5/invalidate-env' };
const RESPOND: Action = { rule: 'fig7/respond' };
const START: Record<string, Action> = { 'fig4/start-event': { rule: 'fig4/start-event' }, 'fig7/start-event': { rule: 'fig7/start-event' } };
const END: Record<string, Action> = Object.fromEntries(
  (['fig4/end-event', 'fig5/end-event', 'fig6/end-event', 'fig7/end-event'] as const).map((r) => [r, { rule: r }]),
);

/** Caches action objects per program so listing enabled actions allocates nothing in steady state. */
export class ActionTable {
  private readonly local: Action[];
  private readonly endAsync = new Map<number, EndAsyncAction>();
  constructor(private readonly ctx: RuleContext) {
    this.local = ctx.program.main.map((c, pc) => ({ rule: c.k === 'start' ? 'fig4/start-async' : 'fig4/local', pc }));
  }
  localAt(pc: number): Action {
    return this.local[pc]!;
  }
  endAsyncOf(event: number, chain: number, outcome: 'fulfil' | 'reject'): EndAsyncAction {
    const key = (event * this.ctx.program.chains.length + chain) * 2 + (outcome === 'reject' ? 1 : 0);
    let a = this.endAsync.get(key);
    if (a === undefined) {
      a = { rule: 'fig4/end-async', event, chain, outcome };
      this.endAsync.set(key, a);
    }
    return a;
  }
}

export function enabledActions(s: State, ctx: RuleContext, table: ActionTable): Action[] {
  const out: Action[] = [];
  const sem = ctx.semantics;
  const f = s.frame;
  const running = typeof s.env === 'number';
  // "Pr = ∅": no promise pending — and the handler itself is not suspended or mid-way: an async
  // handler that has not returned is a pending promise too (its activation), so wait-all's End and
  // the decoupled End/Start also wait for main to finish. (Without this, an early respond or an
  // `await` in main let the event end and silently drop the rest of the handler.)
  const mainUnfinished = f !== null && f.pc < ctx.program.main.length;
  const nothingPending = s.pending.length === 0 && !mainUnfinished;

  // Start Event: E = f and an event is waiting; Fig. 7 also needs Pr = ∅.
  if (s.env === 'f' && s.nextInput < ctx.inputs.length && (sem.startEvent !== 'fig7/start-event' || nothingPending)) out.push(START[sem.startEvent]!);

  if (running && f !== null) {
    if (sem.hasRespondRule) {
      // Respond: M(response) = v. [gap 1] repaired: at most once per event.
      if (f.response !== undefined && (!ctx.repaired || f.responded === 0)) out.push(RESPOND);
      // End Event on end(): Pr = ∅. [gap 1] repaired: the event has responded.
      if (f.endCalled && nothingPending && (!ctx.repaired || f.responded > 0)) out.push(END[sem.endEvent]!);
    } else if (f.response !== undefined && (sem.endEvent !== 'fig6/end-event' || nothingPending)) {
      // End Event: M(response) = v; Fig. 6 also needs Pr = ∅.
      out.push(END[sem.endEvent]!);
    }
  }

  // Invalidate Env: E = f.
  if (sem.hasInvalidate && s.env === 'f') out.push(INVALIDATE);

  // Local Transition / Start Asynchronous Task: E is an event id and main can run its next command.
  if (mainCommandReady(s, ctx) !== null) out.push(table.localAt(f!.pc));

  // End Asynchronous Task: p ∈ Pr. [gap 2] repaired: E is an event id (frozen/destroyed: no progress).
  if (!ctx.repaired || running) {
    for (const p of s.pending) {
      const step = ctx.program.chains[p.chain]!.steps[p.at]!;
      if (step.k !== 'await' || !operationReady(step.op, p.event, s.pending)) continue;
      out.push(table.endAsyncOf(p.event, p.chain, 'fulfil'));
      if (step.op.mayFail) out.push(table.endAsyncOf(p.event, p.chain, 'reject'));
    }
  }
  return out;
}
