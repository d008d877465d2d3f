/**
 * Local Transition (fig4/local) and Start Asynchronous Task (fig4/start-async): `main` runs one
 * command per step while its event is being processed.
 */
import type { CMain } from '../compiled.ts';
import type { State } from '../state.ts';
import type { Value } from '../values.ts';
import { issue } from './chains.ts';
import { W_FRAME, W_PENDING, W_SCOPE, type DraftFrame, type Draft_, type RuleContext } from './context.ts';
import { bodyFootprint, errorResponse, evaluate, runCallbackBody } from './evaluate.ts';

/** Premise shared by both rules: E is an event id, main has a next command and it can run now. */
export function mainCommandReady(s: State, ctx: RuleContext): CMain | null {
  const f = s.frame;
  if (f === null || typeof s.env !== 'number' || f.pc >= ctx.program.main.length) return null;
  const c = ctx.program.main[f.pc]!;
  if (c.k === 'await' && f.settled[c.chain] === undefined) return null; // blocked until the chain settles
  return c;
}

/** Runs main[pc] (premise: `mainCommandReady`). */
export function runMainCommand(d: Draft_, ctx: RuleContext): void {
  const f = d.frame!;
  const c = ctx.program.main[f.pc]!;
  const env = { globals: d.globals, scope: f.scope, result: null };
  let next = f.pc + 1;
  switch (c.k) {
    case 'assign-local':
      f.scope[c.slot + 1] = evaluate(c.value, env);
      break;
    case 'assign-global':
    case 'respond':
    case 'end':
      runCallbackBody(d, [c], f.event, env);
      break;
    case 'start': {
      const chain = ctx.program.chains[c.chain]!;
      issue(d, ctx, f.event, c.chain, 0, { globals: env.globals, scope: chain.readsScope ? f.scope : null, result: env.result });
      break;
    }
    case 'await': {
      const s = f.settled[c.chain]!;
      if (!s.ok) {
        // `await` of a rejected promise throws: the handler fails with an error response.
        if (f.response === undefined) f.response = errorResponse(ctx.program.chains[c.chain]!.name);
        next = ctx.program.main.length;
      }
      break;
    }
    case 'returnChain': {
      f.returnChain = c.chain;
      const s = f.settled[c.chain];
      if (s !== undefined && f.response === undefined) f.response = (s.ok ? s.value : errorResponse(ctx.program.chains[c.chain]!.name));
      next = ctx.program.main.length;
      break;
    }
    case 'return':
      if (f.response === undefined) f.response = evaluate(c.value, env);
      next = ctx.program.main.length;
      break;
  }
  f.pc = next;
  // An async handler that finishes without returning resolves with undefined: that is its response.
  if (next >= ctx.program.main.length && f.returnChain < 0 && f.response === undefined) f.response = null;
}

/**
 * What `runMainCommand` can write when it runs `c` (see `footprint.ts`): always the frame (pc,
 * response); the scope for a local, Pr for a start, and what a synchronous command writes.
 */
export function mainCommandFootprint(c: CMain): number {
  switch (c.k) {
    case 'assign-local':
      return W_FRAME | W_SCOPE;
    case 'assign-global':
    case 'respond':
    case 'end':
      return W_FRAME | bodyFootprint([c]);
    case 'start':
      return W_FRAME | W_PENDING; // issue(): a new promise in Pr; it captures the scope, read only
    case 'await':
    case 'returnChain':
    case 'return':
      return W_FRAME;
  }
}

export function newFrame(event: number, input: Value, ctx: RuleContext): DraftFrame {
  const scope: (Value | undefined)[] = [input];
  for (let i = 0; i < ctx.program.localNames.length; i++) scope.push(undefined);
  return { event, scope, pc: 0, response: undefined, responded: 0, endCalled: false, returnChain: -1, settled: ctx.program.chains.map(() => undefined) };
}
