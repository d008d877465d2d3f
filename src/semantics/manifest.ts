/**
 * Model manifests: the expected verdict of every property, per semantics and variant, with the golden
 * numbers (distinct states) of the exhaustive run — data, re-checked in CI (tlaplus/Examples style).
 *
 * `models/<name>/manifest.json`:
 * { "model": "paper/running-example", "bounds": { "maxDepth": 200 },
 *   "expect": { "reuse": { "repaired": { "distinctStates": 342,
 *       "verdicts": { "no-lost-write": "violated", "residual-execution": "witnessed", … } } } } }
 * Verdicts: `holds` / `violated` (always, always-step, eventually) and `witnessed` / `no-witness`
 * (sometimes). Semantics a model is not meant for may be omitted.
 */
import { readFileSync } from 'node:fs';
import { fail, ok, type Result } from '../errors.ts';
import { isSemanticsName, type SemanticsName, type Variant } from './semantics.ts';

export type ExpectedVerdict = 'holds' | 'violated' | 'witnessed' | 'no-witness';

export interface VariantExpectation {
  readonly distinctStates?: number;
  readonly verdicts: Readonly<Record<string, ExpectedVerdict>>;
}

export interface Manifest {
  readonly model: string;
  readonly bounds?: { readonly maxDepth?: number; readonly maxStates?: number };
  readonly expect: Partial<Record<SemanticsName, Partial<Record<Variant, VariantExpectation>>>>;
}

const VERDICTS = new Set(['holds', 'violated', 'witnessed', 'no-witness']);

export function readManifest(file: string): Result<Manifest> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return fail({ code: 'AFL404', location: file, message: `manifest is not valid JSON: ${e instanceof Error ? e.message : e}`, hint: 'fix the JSON syntax' });
  }
  const m = raw as Manifest;
  const bad = (message: string) => fail({ code: 'AFL405', location: file, message, hint: 'see src/semantics/manifest.ts for the manifest format' });
  if (typeof m !== 'object' || m === null || typeof m.model !== 'string' || typeof m.expect !== 'object') return bad("a manifest needs 'model' and 'expect'");
  for (const [sem, variants] of Object.entries(m.expect)) {
    if (!isSemanticsName(sem)) return bad(`unknown semantics '${sem}' in 'expect'`);
    for (const [variant, exp] of Object.entries(variants ?? {})) {
      if (variant !== 'literal' && variant !== 'repaired') return bad(`unknown variant '${variant}' under '${sem}'`);
      for (const [prop, v] of Object.entries(exp?.verdicts ?? {})) if (!VERDICTS.has(v)) return bad(`verdict '${v}' of '${prop}' under ${sem}/${variant} is not one of ${[...VERDICTS].join(', ')}`);
    }
  }
  return ok(m);
}
