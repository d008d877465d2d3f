/**
 * Regression: one state or step that violates several properties must decide all of them. (The
 * explorer used to splice a decided property out of the list it was iterating, skipping the next
 * one — reported as `holds` although it was violated.)
 */
import { describe, expect, it } from 'vitest';
import { check, type Model } from '../../src/checker/index.ts';

const oneStep: Model<number, 'go'> = {
  name: 'one step',
  initialStates: () => [0],
  actions: (s) => (s === 0 ? ['go'] : []),
  next: () => 1,
  encode: (s, sink) => sink.int(s),
  properties: [
    { kind: 'always-step', name: 'step-a', description: 'a', holds: () => false },
    { kind: 'always-step', name: 'step-b', description: 'b', holds: () => false },
    { kind: 'always-step', name: 'step-c', description: 'c', holds: () => false },
    { kind: 'always', name: 'state-a', description: 'a', holds: (s) => s === 0 },
    { kind: 'always', name: 'state-b', description: 'b', holds: (s) => s === 0 },
    { kind: 'sometimes', name: 'seen-1', description: '1', holds: (s) => s === 1 },
    { kind: 'sometimes', name: 'seen-1-again', description: '1', holds: (s) => s === 1 },
    { kind: 'eventually', name: 'end-a', description: 'a', holds: () => false },
    { kind: 'eventually', name: 'end-b', description: 'b', holds: () => false },
  ],
  formatAction: (a) => a,
  ruleOf: (a) => a,
  formatState: (s) => String(s),
  toJSON: (s) => ({ s }),
};

describe('every property violated by the same state or step is decided', () => {
  for (const mode of ['bfs', 'dfs'] as const)
    it(`${mode}: all nine properties are decided on the single step`, () => {
      const r = check(oneStep, { mode, stopAt: 'exhausted' });
      if (!r.ok) throw new Error('options');
      const status = Object.fromEntries(r.result.verdicts.map((v) => [v.property, v.status]));
      expect(status).toEqual({
        'step-a': 'violated', 'step-b': 'violated', 'step-c': 'violated',
        'state-a': 'violated', 'state-b': 'violated',
        'seen-1': 'witnessed', 'seen-1-again': 'witnessed',
        'end-a': 'violated', 'end-b': 'violated',
      });
    });
});
