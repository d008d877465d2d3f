/**
 * The reusable model laws (`test/laws.ts`) on every model under `models/`: each folder holding a
 * `model.ts` is discovered and imported, and the laws run under every semantics its program compiles
 * under (not only the ones it is written for), both variants (literal, repaired) and both engines
 * (fast, immer). The models are small (a few hundred states), so every combination is cheap.
 */
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../src/semantics/model.ts';
import { SEMANTICS_NAMES } from '../../src/semantics/semantics.ts';
import { modelLaws } from '../laws.ts';
import { discoverModels } from './discover-models.ts';

const loaded = await discoverModels();

it('discovers the models under models/', () => {
  expect(loaded.length).toBeGreaterThanOrEqual(2);
  expect(loaded.map((m) => m.name)).toContain('paper/running-example');
});

for (const { name, def, error } of loaded) {
  if (def === undefined) {
    it(`${name}: model.ts imports`, () => {
      throw error;
    });
    continue;
  }
  describe(name, () => {
    const compiles = SEMANTICS_NAMES.filter((semantics) => buildModel(def, { semantics, variant: 'repaired' }).ok);
    it('compiles under the semantics it is written for', () => {
      for (const semantics of def.semantics) expect(compiles).toContain(semantics);
    });
    for (const semantics of compiles)
      for (const variant of ['literal', 'repaired'] as const)
        for (const engine of ['fast', 'immer'] as const)
          modelLaws(`${name} @ ${semantics} (${variant}, ${engine})`, () => {
            const r = buildModel(def, { semantics, variant, engine });
            if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
            return r.value;
          });
  });
}
