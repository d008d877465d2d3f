/**
 * The claims table of a model: for every semantics the model is written for × {literal, repaired},
 * the verdict of every property, by exhaustive BFS (`check` with `stopAt: 'exhausted'`, so every
 * violation found is a shortest one). Models here are small; a bound is still passed so a report on
 * a large model degrades to `holds-within-bounds` instead of running forever.
 */
import { check } from '../checker/explore.ts';
import type { PropertyVerdict } from '../checker/result.ts';
import type { Action } from '../semantics/actions.ts';
import type { ModelDefinition } from '../semantics/define-model.ts';
import { buildModel, type ServerlessModel } from '../semantics/model.ts';
import type { SemanticsName, Variant } from '../semantics/semantics.ts';

export interface ClaimsColumn {
  readonly semantics: SemanticsName;
  readonly variant: Variant;
  readonly model: ServerlessModel;
  readonly verdicts: readonly PropertyVerdict<Action>[];
  readonly distinct: number;
  readonly exhausted: boolean;
}

export interface ClaimsTable {
  /** Property names with their claim (e.g. `Lemma 4.1`), in model order. */
  readonly properties: readonly { readonly name: string; readonly claim: string | undefined; readonly kind: string }[];
  readonly columns: readonly ClaimsColumn[];
}

export const VARIANTS: readonly Variant[] = ['literal', 'repaired'];

export function computeClaims(def: ModelDefinition, opts: { maxStates?: number } = {}): ClaimsTable {
  const columns: ClaimsColumn[] = [];
  for (const semantics of def.semantics)
    for (const variant of VARIANTS) {
      const built = buildModel(def, { semantics, variant });
      if (!built.ok) continue;
      const run = check(built.value, { stopAt: 'exhausted', storage: 'exact', maxStates: opts.maxStates ?? 200_000 });
      if (!run.ok) throw new Error(`internal: ${run.errors.map((e) => e.message).join('; ')}`);
      const r = run.result;
      if (r.mode === 'random') throw new Error('internal: exhaustive check expected');
      columns.push({ semantics, variant, model: built.value, verdicts: r.verdicts, distinct: r.coverage.distinct, exhausted: r.coverage.exhausted });
    }
  const first = columns[0]?.model;
  const properties = (first?.properties ?? []).map((p) => ({ name: p.name, claim: p.claim, kind: p.kind }));
  return { properties, columns };
}

/** A short cell text for a verdict: `holds`, `violated (9)`, `witnessed (5)`, … */
export function verdictCell(v: PropertyVerdict<Action> | undefined): string {
  if (v === undefined) return '—';
  if (v.status === 'violated' || v.status === 'witnessed') return `${v.status} (${v.trace.steps.length})`;
  return v.status;
}
