import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { EncodeSink } from '../../src/checker/model.ts';
import { createVisitedSet, ExactVisitedSet, FingerprintVisitedSet, NO_PARENT } from '../../src/checker/visited-set.ts';

const encode = (state: number, sink: EncodeSink): void => sink.int(state);

describe('visited sets', () => {
  for (const storage of ['fingerprint', 'exact'] as const) {
    test.prop([fc.array(fc.integer({ min: 0, max: 3000 }), { maxLength: 6000 })])(`${storage}: behaves like a Map from state to first entry`, (states) => {
      const visited = createVisitedSet(storage, encode);
      const model = new Map<number, number>();
      states.forEach((state, step) => {
        const added = visited.add(state, step === 0 ? NO_PARENT : 0, step % 7, step);
        const known = model.get(state);
        if (known === undefined) {
          expect(added).toBe(model.size);
          model.set(state, added);
        } else expect(added).toBe(~known);
      });
      expect(visited.size).toBe(model.size);
      for (const [state, entry] of model) expect(visited.depthOf(entry)).toBe(states.indexOf(state));
    });
  }
  it('rebuilds paths from parents and relinks entries', () => {
    const visited = new ExactVisitedSet(encode);
    const root = visited.add(10, NO_PARENT, 1, 0);
    const child = visited.add(11, root, 3, 1);
    const grandchild = visited.add(12, child, 0, 2);
    expect(visited.pathOf(grandchild)).toEqual({ init: 1, choices: [3, 0] });
    visited.relink(grandchild, root, 2, 1);
    expect(visited.pathOf(grandchild)).toEqual({ init: 1, choices: [2] });
    expect([visited.parentOf(grandchild), visited.choiceOf(grandchild), visited.depthOf(grandchild)]).toEqual([root, 2, 1]);
    expect(visited.keyOf(child)).toBe('i11,');
  });
  it('stores a million fingerprints in at most 64 bytes per state, growing past many rehashes', () => {
    const visited = new FingerprintVisitedSet(encode);
    const n = 1_000_000;
    for (let i = 0; i < n; i++) expect(visited.add(i * 7919, i === 0 ? NO_PARENT : i - 1, i & 0xffff, i) >= 0).toBe(true);
    for (let i = 0; i < n; i += 997) expect(visited.add(i * 7919, 0, 0, 0)).toBe(~i);
    expect(visited.size).toBe(n);
    expect(visited.bytesUsed() / n).toBeLessThanOrEqual(64);
    expect(visited.choiceOf(n - 1)).toBe((n - 1) & 0xffff);
    expect(visited.keyOf(0)).toMatch(/^[0-9a-f]{16}$/);
  });
});
