/**
 * Expression evaluation and the synchronous commands shared by `main` and chain callbacks.
 *
 * Expressions read globals *as they are when the step runs* (the crux of the paper's Table 3), the
 * creating event's scope (input and locals, captured like a closure) and the chain's previous result.
 * Commands only ever *replace* nested values (never mutate them in place) so the same code is correct
 * on an immer draft and on the explorer's shallow copy (see `step.ts`).
 */
import type { CExpr, CSync } from '../compiled.ts';
import { fieldOf, hashOf, isRecord, record, type Value, recordOfSorted } from '../values.ts';
import { W_FRAME, W_GLOBALS, type Draft_ } from './context.ts';

export interface EvalEnv {
  readonly globals: readonly Value[];
  /** input, then locals (undefined = unassigned; compile-time checks rule that out). */
  readonly scope: readonly (Value | undefined)[] | null;
  readonly result: Value;
}

/** `env` reading the draft's globals as they are now (an explicit literal: a spread is slow on the hot path). */
export function withGlobals(env: EvalEnv, d: Draft_): EvalEnv {
  return { globals: d.globals, scope: env.scope, result: env.result };
}

export function evaluate(e: CExpr, env: EvalEnv): Value {
  switch (e.k) {
    case 'lit':
      return e.value;
    case 'global':
      return env.globals[e.slot] ?? null;
    case 'local':
      return env.scope?.[e.slot + 1] ?? null;
    case 'input':
      return env.scope?.[0] ?? null;
    case 'result':
      return env.result;
    case 'field':
      return fieldOf(evaluate(e.of, env), e.name);
    case 'hash':
      return hashOf(evaluate(e.of, env));
    case 'record': {
      // compile.ts lists the fields sorted by name, without duplicates: already `record`'s canonical form.
      const fields: (readonly [string, Value])[] = [];
      for (let i = 0; i < e.fields.length; i++) {
        const field = e.fields[i]!;
        fields.push([field[0], evaluate(field[1], env)]);
      }
      return recordOfSorted(fields);
    }
    case 'add': {
      const l = evaluate(e.left, env);
      const r = evaluate(e.right, env);
      if (typeof l === 'number' && typeof r === 'number') return l + r;
      if (typeof l === 'string' || typeof r === 'string') return `${l}${r}`;
      return isRecord(l) ? l : null;
    }
  }
}

/**
 * Runs callback commands on behalf of `event`. `respond`/`end` reach the frame only if that event is
 * still the one being processed: a callback of an earlier event talks to a response object that is
 * gone (its effect is lost, as on a real platform).
 */
export function runCallbackBody(d: Draft_, body: readonly CSync[], event: number, env: EvalEnv): void {
  for (const c of body) {
    switch (c.k) {
      case 'assign-global':
        d.globals[c.slot] = evaluate(c.value, withGlobals(env, d));
        break;
      case 'assign-local':
        break; // rejected by compile.ts: callbacks cannot assign locals
      case 'respond':
        if (d.frame && d.frame.event === event && d.frame.response === undefined) d.frame.response = evaluate(c.value, withGlobals(env, d));
        break;
      case 'end':
        if (d.frame && d.frame.event === event) d.frame.endCalled = true;
        break;
    }
  }
}

/** What `runCallbackBody(body)` can write (see `footprint.ts`): globals, and the frame's response/endCalled. */
export function bodyFootprint(body: readonly CSync[]): number {
  let w = 0;
  for (const c of body) {
    if (c.k === 'assign-global') w |= W_GLOBALS;
    else if (c.k === 'respond' || c.k === 'end') w |= W_FRAME;
  }
  return w;
}

/** The response an event gets when its handler fails (a rejected returned/awaited chain). */
export function errorResponse(chainName: string): Value {
  return record({ error: chainName });
}
