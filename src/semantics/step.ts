/**
 * `next(state, action)`: applies one rule instance — two interchangeable engines, one recipe.
 *
 * The reducers are immer recipes (they mutate a draft). `nextWithImmer` runs them under immer's
 * `produce` (structural sharing, frozen results): the reference engine, used by tests and replays.
 * `nextFast` runs the *same* recipe on a shallow copy of the state — the arrays and the frame the
 * rule instance can write (its footprint, `rules/footprint.ts`) are copied one level deep and the rest
 * is shared with the parent, which suffices because recipes only ever replace nested values (pending
 * promises, log entries, values) and never mutate them in place. That is the explorer's hot path:
 * an immer `produce` costs about a microsecond on this state, the copy a small fraction, and sharing
 * what a step does not touch keeps both the garbage and a BFS frontier small. bench/engines-agree.ts
 * checks on every reachable state of every model (and fixtures using every construct), with
 * deep-frozen inputs, that both engines agree and the fast one never writes into its input.
 */
import { produce } from 'immer';
import type { Action } from './actions.ts';
import { resolve } from './rules/chains.ts';
import { W_DB, W_FRAME, W_GLOBALS, W_LOG, W_PENDING, W_SCOPE, W_SETTLED, type DraftFrame, type Draft_, type RuleContext } from './rules/context.ts';
import { footprintOf } from './rules/footprint.ts';
import { runMainCommand } from './rules/local.ts';
import { endEventOnEnd, endEventWithResponse, invalidateEnv, respond, startEvent } from './rules/platform.ts';
import { findPending, type Frame, type State } from './state.ts';

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

/** `array` itself when the footprint `w` lacks `bit` (shared with the parent), else a copy. */
const copyIf = <T>(w: number, bit: number, array: readonly T[]): T[] => ((w & bit) === 0 ? (array as T[]) : array.slice());

/** A one-level copy of the frame (fields spelled out, in `newFrame`'s order: cheaper than a spread). */
function copyFrame(f: Frame, w: number): DraftFrame {
  return {
    event: f.event,
    scope: copyIf(w, W_SCOPE, f.scope),
    pc: f.pc,
    response: f.response,
    responded: f.responded,
    endCalled: f.endCalled,
    returnChain: f.returnChain,
    settled: copyIf(w, W_SETTLED, f.settled),
  };
}

export function nextFast(s: State, a: Action, ctx: RuleContext): State {
  const w = footprintOf(a, s.pending, ctx.program);
  const f = s.frame;
  const d: Draft_ = {
    env: s.env,
    globals: copyIf(w, W_GLOBALS, s.globals),
    frame: f === null || (w & (W_FRAME | W_SCOPE | W_SETTLED)) === 0 ? (f as DraftFrame | null) : copyFrame(f, w),
    pending: copyIf(w, W_PENDING, s.pending),
    db: copyIf(w, W_DB, s.db),
    nextInput: s.nextInput,
    log: copyIf(w, W_LOG, s.log),
  };
  applyRule(d, a, ctx);
  return d;
}
