/**
 * Test helpers: build a serverless model and replay a run given as action labels (the way the
 * paper's tables list rule applications), failing loudly when a step is not enabled.
 */
import { unwrap } from '../../src/errors.ts';
import type { Action } from '../../src/semantics/actions.ts';
import type { ModelDefinition } from '../../src/semantics/define-model.ts';
import { buildModel, type ServerlessModel } from '../../src/semantics/model.ts';
import type { SemanticsName, Variant } from '../../src/semantics/semantics.ts';
import type { State } from '../../src/semantics/state.ts';

export function model(def: ModelDefinition, semantics: SemanticsName, variant: Variant = 'repaired', engine: 'fast' | 'immer' = 'immer'): ServerlessModel {
  return unwrap(buildModel(def, { semantics, variant, engine }));
}

/** The action of `s` whose label is `label` (exactly, or followed by a space and details). */
export function findAction(m: ServerlessModel, s: State, label: string): Action | undefined {
  return m.actions(s).find((a) => {
    const l = m.formatAction(a);
    return l === label || l.startsWith(`${label} `);
  });
}

export interface Run {
  readonly states: State[];
  /** Index of the first label that was not enabled, or -1 if the whole run replayed. */
  readonly blockedAt: number;
}

export function tryRun(m: ServerlessModel, labels: readonly string[]): Run {
  let s = m.initialStates()[0]!;
  const states = [s];
  for (let i = 0; i < labels.length; i++) {
    const a = findAction(m, s, labels[i]!);
    if (a === undefined) return { states, blockedAt: i };
    s = m.next(s, a);
    states.push(s);
  }
  return { states, blockedAt: -1 };
}

export function run(m: ServerlessModel, labels: readonly string[]): State[] {
  const r = tryRun(m, labels);
  if (r.blockedAt >= 0) {
    const s = r.states[r.states.length - 1]!;
    throw new Error(`step ${r.blockedAt + 1} '${labels[r.blockedAt]}' is not enabled; enabled: ${m.actions(s).map((a) => m.formatAction(a)).join(' | ')}`);
  }
  return r.states;
}

export function holds(m: ServerlessModel, name: string, s: State): boolean {
  const p = m.properties.find((x) => x.name === name);
  if (!p || p.kind === 'always-step') throw new Error(`no state property ${name}`);
  return p.holds(s);
}

/** Names of the main-body prefix of the running example: start, val, hash, start W, start R, return R. */
export const EVENT_PROLOGUE = (start: string) => [start, 'fig4/local main[0]', 'fig4/local main[1]', 'fig4/start-async main[2]', 'fig4/start-async main[3]'];
