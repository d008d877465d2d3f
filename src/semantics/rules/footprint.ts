/**
 * Footprints: which parts of the state a rule instance can write, so `nextFast` copies only those.
 *
 * A footprint is a bit set over the one-level-mutable parts of `Draft_` (see `context.ts`): the
 * `globals`, `pending`, `db` and `log` arrays, the frame object, and the frame's `scope` and `settled`
 * arrays. Scalars (`env`, `nextInput`) are always fresh in the copy, and a part a rule *replaces*
 * (`d.frame = …`) needs no copy. Everything a rule does not write is shared with the parent state,
 * which is safe because no recipe mutates a nested value in place.
 *
 * The footprint of a rule instance is a static fact of the compiled program: a Local Transition's
 * depends on main[pc] (`mainCommandFootprint`, next to `runMainCommand`), an End Asynchronous Task's
 * on the chain, the await step its promise is paused at and the outcome (`resolveFootprint`, next to
 * `resolve`). The platform rules' footprints are listed in `footprintOf`. Tables are computed once per
 * program and cached. A footprint may over-approximate (a copy too many costs a
 * little time) but never under-approximate: bench/engines-agree.ts runs both engines on deep-frozen
 * states of every model and construct, where a missed write throws.
 */
import type { Action } from '../actions.ts';
import type { CompiledProgram } from '../compiled.ts';
import { findPending, type PendingPromise } from '../state.ts';
import { resolveFootprint } from './chains.ts';
import { W_ALL, W_FRAME, W_LOG } from './context.ts';
import { mainCommandFootprint } from './local.ts';

/** Per program: main[pc]'s footprint, and per (chain, await step) the fulfil and reject footprints. */
interface FootprintTable {
  readonly main: readonly number[];
  /** endAsync[chain][at * 2 + (reject ? 1 : 0)]. */
  readonly endAsync: readonly (readonly number[])[];
}

function buildTable(program: CompiledProgram): FootprintTable {
  return {
    main: program.main.map(mainCommandFootprint),
    endAsync: program.chains.map((chain) => chain.steps.flatMap((_, at) => [resolveFootprint(chain, at, 'fulfil'), resolveFootprint(chain, at, 'reject')])),
  };
}

const tables = new WeakMap<CompiledProgram, FootprintTable>();
let lastProgram: CompiledProgram | undefined;
let lastTable: FootprintTable | undefined;

function tableOf(program: CompiledProgram): FootprintTable {
  if (program === lastProgram) return lastTable!;
  let table = tables.get(program);
  if (table === undefined) {
    table = buildTable(program);
    tables.set(program, table);
  }
  lastProgram = program;
  lastTable = table;
  return table;
}

/** What applying `a` (via `applyRule`) to a state with this `pending` list can write. */
export function footprintOf(a: Action, pending: readonly PendingPromise[], program: CompiledProgram): number {
  switch (a.rule) {
    case 'fig4/start-event':
    case 'fig7/start-event':
      return W_LOG; // pushes the event's log entry; the frame is replaced, not written
    case 'fig4/end-event':
    case 'fig5/end-event':
    case 'fig6/end-event':
    case 'fig7/end-event':
      return W_LOG; // replaces the event's log entry; the frame is only read, then dropped
    case 'fig7/respond':
      return W_LOG | W_FRAME; // log entry, and the frame's `responded`
    case 'fig5/invalidate-env':
      return 0; // env only
    case 'fig4/local':
    case 'fig4/start-async':
      return tableOf(program).main[a.pc]!;
    case 'fig4/end-async': {
      // Depends on the await step the promise is paused at; an unknown promise is left to the recipe
      // (which reports it), with the widest footprint.
      const i = findPending(pending, a.event, a.chain);
      if (i < 0) return W_ALL;
      return tableOf(program).endAsync[a.chain]![pending[i]!.at * 2 + (a.outcome === 'reject' ? 1 : 0)]!;
    }
  }
}
