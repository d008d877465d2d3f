/**
 * Helpers of the semantics property tests: building models (also with a *different* semantics table,
 * since semantics are data), running exhaustive checks, and a small independent BFS that hands back
 * the reachable states themselves (the checker's visited set stores only keys).
 */
import fc from 'fast-check';
import { check, stateKeyOf, type CheckOptions, type ExhaustiveResult } from '../../src/checker/index.ts';
import { unwrap } from '../../src/errors.ts';
import type { Action } from '../../src/semantics/actions.ts';
import type { ModelDefinition } from '../../src/semantics/define-model.ts';
import { ActionTable, enabledActions } from '../../src/semantics/enabled.ts';
import { buildModel, type ServerlessModel } from '../../src/semantics/model.ts';
import { serverlessProperties, type ServerlessProperty } from '../../src/semantics/properties.ts';
import type { RuleContext } from '../../src/semantics/rules/context.ts';
import type { SemanticsDef, SemanticsName, Variant } from '../../src/semantics/semantics.ts';
import type { State } from '../../src/semantics/state.ts';
import { nextFast } from '../../src/semantics/step.ts';

/** The fixed seed of every property here; override with AFL_SEED=0x… to explore other programs. */
export const SEED = Number(process.env.AFL_SEED ?? 0x5eed_af7e) >>> 0;

/** fast-check parameters: the fixed seed (fast-check prints seed and path on failure). */
export const params = (numRuns: number): fc.Parameters<unknown> => ({ seed: SEED, numRuns });

export const VARIANTS: readonly Variant[] = ['literal', 'repaired'];

export function build(def: ModelDefinition, semantics: SemanticsName, variant: Variant = 'repaired', engine: 'fast' | 'immer' = 'fast'): ServerlessModel {
  return unwrap(buildModel(def, { semantics, variant, engine }));
}

/**
 * The model of `base`'s program under another semantics table (e.g. a deliberately broken one):
 * the program is compiled as `base` was (so `end()` is accepted), the rules read `semantics`.
 */
export function withSemantics(base: ServerlessModel, semantics: SemanticsDef): ServerlessModel {
  const ctx: RuleContext = { ...base.ctx, semantics };
  const table = new ActionTable(ctx);
  return {
    ...base,
    name: `${base.name} [${semantics.name}*]`,
    ctx,
    actions: (s) => enabledActions(s, ctx, table),
    next: (s, a) => nextFast(s, a, ctx),
    properties: serverlessProperties(ctx, base.definition.invariants ?? []),
  };
}

/** The same model with other properties (the checker only explores the selected ones). */
export function withProperties(m: ServerlessModel, properties: readonly ServerlessProperty[]): ServerlessModel {
  return { ...m, properties };
}

/** An exhaustive check (throws on option errors or when the space is not exhausted). */
export function exhaustive(m: ServerlessModel, opts: CheckOptions = {}): ExhaustiveResult<Action> {
  const r = check(m, { stopAt: 'exhausted', maxStates: 200_000, ...opts });
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('; '));
  if (r.result.mode === 'random') throw new Error('internal: expected an exhaustive result');
  if (r.result.coverage.stoppedBy !== 'exhausted') throw new Error(`${m.name}: not exhausted (${r.result.coverage.stoppedBy})`);
  return r.result;
}

export function statusOf(result: ExhaustiveResult<Action>, property: string): string {
  const v = result.verdicts.find((x) => x.property === property);
  if (v === undefined) throw new Error(`no verdict for ${property}`);
  return v.status;
}

/** Reachable states by an independent BFS (exact keys), with their depth. */
export function reachable(m: ServerlessModel, limit = 50_000): { state: State; depth: number }[] {
  const seen = new Set<string>();
  const out: { state: State; depth: number }[] = [];
  for (const s of m.initialStates()) {
    const k = stateKeyOf(m, s);
    if (!seen.has(k)) {
      seen.add(k);
      out.push({ state: s, depth: 0 });
    }
  }
  for (let i = 0; i < out.length; i++) {
    const { state, depth } = out[i]!;
    for (const a of m.actions(state)) {
      const t = m.next(state, a);
      const k = stateKeyOf(m, t);
      if (seen.has(k)) continue;
      if (seen.size >= limit) throw new Error(`${m.name}: more than ${limit} states`);
      seen.add(k);
      out.push({ state: t, depth: depth + 1 });
    }
  }
  return out;
}
