/**
 * `next(state, action)`: applies one rule instance — two interchangeable engines, one recipe.
 *
 * The reducers are immer recipes (they mutate a draft). `nextWithImmer` runs them under immer's
 * `produce` (structural sharing, frozen results): the reference engine, used by tests and replays.
 * `nextFast` runs the *same* recipe on a shallow copy of the state — every array and the frame are
 * copied one level deep, which suffices because recipes only ever replace nested values (pending
 * promises, log entries, values) and never mutate them in place. That is the explorer's hot path:
 * an immer `produce` costs about a microsecond on this state, the copy a small fraction. A law test
 * (test/semantics/engines.test.ts) checks on every reachable state of every model, with deep-frozen
 * inputs, that both engines agree and neither mutates its input.
 */
import { produce } from 'immer';
import type { Action } from './actions.ts';
import { resolve } from './rules/chains.ts';
import type { Draft_, RuleContext } from './rules/context.ts';
import { runMainCommand } from './rules/local.ts';
import { endEventOnEnd, endEventWithResponse, invalidateEnv, respond, startEvent } from './rules/platform.ts';
import { findPending, type State } from './state.ts';

/** The recipe: dispatch on the rule id. */
export function applyRule(d: Draft_, a: Action, ctx: RuleContext): void {
  switch (a.rule) {
    case 'fig4/start-event':
    case 'fig7/start-event':
      return startEvent(d, ctx);
    case 'fig4/end-event':
    case 'fig5/end-event':
    case 'fig6/end-event':
      return endEventWithResponse(d, ctx);
    case 'fig7/end-event':
      return endEventOnEnd(d);
    case 'fig7/respond':
      return respond(d);
    case 'fig5/invalidate-env':
      return invalidateEnv(d);
    case 'fig4/local':
    case 'fig4/start-async':
      return runMainCommand(d, ctx);
    case 'fig4/end-async': {
      const i = findPending(d.pending, a.event, a.chain);
      if (i < 0) throw new Error(`internal: end-async of a promise not in Pr (e${a.event}, chain ${a.chain})`);
      return resolve(d, ctx, i, a.outcome);
    }
  }
}

export function nextWithImmer(s: State, a: Action, ctx: RuleContext): State {
  return produce(s, (d) => {
    applyRule(d as unknown as Draft_, a, ctx);
  });
}

export function nextFast(s: State, a: Action, ctx: RuleContext): State {
  const f = s.frame;
  const d: Draft_ = {
    env: s.env,
    globals: s.globals.slice(),
    frame: f === null ? null : { ...f, scope: f.scope.slice(), settled: f.settled.slice() },
    pending: s.pending.slice(),
    db: s.db.slice(),
    nextInput: s.nextInput,
    log: s.log.slice(),
  };
  applyRule(d, a, ctx);
  return d;
}
