import { describe, expect, it } from 'vitest';
import { enumerateCounterexamples, type CounterexampleOptions, type CounterexampleReport } from '../../src/checker/counterexamples.ts';
import type { Model } from '../../src/checker/model.ts';
import { compareTraces, pathOfTrace, replay } from '../../src/checker/trace.ts';
import { mutex } from '../fixtures/mutex.ts';
import { forks } from '../fixtures/toy-models.ts';

function enumerate<S, A>(model: Model<S, A>, options: CounterexampleOptions = {}): CounterexampleReport<A> {
  const outcome = enumerateCounterexamples(model, options);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome.report;
}

describe('all distinct counterexamples within bounds', () => {
  const model = mutex();
  const report = enumerate(model);
  const mutual = report.properties.find((p) => p.property === 'mutual-exclusion')!;

  it('groups by property, safety kinds only, with distinct shapes', () => {
    expect(report.properties.map((p) => p.property)).toEqual(['mutual-exclusion', 'acquire-when-free', 'all-increments-counted', 'counter-bounded']);
    expect(report.stoppedBy).toBe('exhausted');
    expect(mutual.distinctShapes).toBeGreaterThan(1);
    const shapes = mutual.shapes.map((group) => group.shape.join(','));
    expect(new Set(shapes).size).toBe(shapes.length);
    expect(mutual.shapes.reduce((sum, group) => sum + group.occurrences, 0)).toBe(mutual.rawViolations);
    expect(report.properties.find((p) => p.property === 'counter-bounded')).toMatchObject({ rawViolations: 0, shapes: [] });
  });

  it('the first shape is the BFS counterexample; shapes are sorted by length then path', () => {
    expect(mutual.shapes[0]!.trace.steps.map((s) => s.label)).toEqual(['p0 check', 'p1 check', 'p0 acquire', 'p1 acquire']);
    const traces = mutual.shapes.map((group) => group.trace);
    expect([...traces].sort(compareTraces)).toEqual(traces);
  });

  it('symmetric interleavings share a shape (rule ids drop the process)', () => {
    expect(mutual).toMatchObject({ rawViolations: 5, distinctShapes: 3 });
    expect(mutual.shapes.map((group) => group.occurrences)).toEqual([1, 2, 2]);
    expect(mutual.shapes[1]!.shape).toEqual(['check', 'check', 'acquire', 'read', 'acquire']);
  });

  it('no trace passes through an earlier violation of the same property', () => {
    const property = model.properties[0]!;
    if (property.kind !== 'always') throw new Error('fixture changed');
    for (const group of mutual.shapes) {
      const replayed = replay(model, pathOfTrace(group.trace));
      if (!replayed.ok) throw new Error(replayed.divergence.message);
      expect(replayed.states.map((state) => property.holds(state))).toEqual([...replayed.states.slice(1).map(() => true), false]);
    }
  });

  it('always-step and eventually counterexamples end at the violation', () => {
    const step = report.properties.find((p) => p.property === 'acquire-when-free')!;
    for (const group of step.shapes) expect(group.shape.at(-1)).toBe('acquire');
    const eventually = report.properties.find((p) => p.property === 'all-increments-counted')!;
    expect(eventually.rawViolations).toBe(1);
    for (const group of eventually.shapes) {
      const replayed = replay(model, pathOfTrace(group.trace));
      expect(replayed.ok && model.actions(replayed.states.at(-1)!)).toEqual([]);
    }
  });

  it('a shape by process instance distinguishes what rule ids merge', () => {
    const byProcess = enumerate(mutex({ shapeByProcess: true }));
    expect(byProcess.properties[0]!.distinctShapes).toBe(5);
    expect(byProcess.properties[0]!.rawViolations).toBe(mutual.rawViolations);
  });

  it('caps the shapes per property', () => {
    const capped = enumerate(mutex({ processes: 3 }), { maxPerProperty: 2 });
    expect(capped.properties[0]!.shapes).toHaveLength(2);
    expect(capped.properties[0]!.truncated).toBe(true);
  });
});

describe('deduplication by shape', () => {
  it('two violating paths with the same rule sequence are one shape standing for two violations', () => {
    const report = enumerate(forks());
    expect(report.properties[0]).toMatchObject({ property: 'at-most-one-step', rawViolations: 2, distinctShapes: 1 });
    expect(report.properties[0]!.shapes[0]).toMatchObject({ shape: ['go', 'step'], occurrences: 2 });
    expect(report.properties[0]!.shapes[0]!.trace.steps.map((s) => s.label)).toEqual(['go left', 'step']);
  });
  it('a finer shapeOf keeps them apart', () => {
    const report = enumerate({ ...forks(), shapeOf: forks().formatAction });
    expect(report.properties[0]!.shapes.map((group) => group.shape)).toEqual([
      ['go left', 'step'],
      ['go right', 'step'],
    ]);
  });
  it('respects the depth bound', () => {
    const report = enumerate(forks(), { maxDepth: 1 });
    expect(report.properties[0]!.rawViolations).toBe(0);
    expect(report.stoppedBy).toBe('max-depth');
  });
});
