import { describe, expect, it } from 'vitest';
import { check, explore } from '../../src/checker/explore.ts';
import type { Model } from '../../src/checker/model.ts';
import { resolveOptions, type CheckOptions, type Progress } from '../../src/checker/options.ts';
import type { CheckResult, ExhaustiveResult, PropertyVerdict } from '../../src/checker/result.ts';
import { mutex } from '../fixtures/mutex.ts';
import { counterGrid, jumpCounter, unboundedCounter } from '../fixtures/toy-models.ts';
import { twoPhaseCommit } from '../fixtures/two-phase-commit.ts';

function run<S, A>(model: Model<S, A>, options: CheckOptions = {}): ExhaustiveResult<A> {
  const outcome = check(model, options);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  if (outcome.result.mode === 'random') throw new Error('unexpected random result');
  return outcome.result;
}
const verdict = <A>(result: CheckResult<A>, property: string): PropertyVerdict<A> => result.verdicts.find((v) => v.property === property)!;
const labels = <A>(v: PropertyVerdict<A>): string[] => ('trace' in v ? v.trace.steps.map((step) => step.label) : []);
const withoutTime = <A>(result: ExhaustiveResult<A>) => JSON.stringify({ ...result, coverage: { ...result.coverage, elapsedMs: 0 } }, (key, value: unknown) => (key === 'action' ? undefined : value));

describe('two-phase commit with 3 resource managers (TLC and Stateright: 288 states)', () => {
  for (const mode of ['bfs', 'dfs'] as const) {
    for (const storage of ['fingerprint', 'exact'] as const) {
      it(`${mode}/${storage} finds exactly 288 distinct states`, () => {
        const result = run(twoPhaseCommit(3), { mode, storage, stopAt: 'exhausted' });
        expect(result.coverage.distinct).toBe(288);
        expect(result.coverage.stoppedBy).toBe('exhausted');
        expect(result.coverage.exhausted).toBe(true);
        expect(verdict(result, 'consistent').status).toBe('holds');
        expect(verdict(result, 'tm-decides-once').status).toBe('holds');
        expect(verdict(result, 'all-committed').status).toBe('witnessed');
      });
    }
  }
  it('BFS gives the shortest witness: 3 prepares, 3 receipts, commit, 3 commit receipts', () => {
    expect(labels(verdict(run(twoPhaseCommit(3)), 'all-committed'))).toHaveLength(10);
  });
  it('reports the collision estimate only in fingerprint mode', () => {
    const fingerprint = run(twoPhaseCommit(3)).coverage;
    expect(fingerprint.collisionProbability).toBeCloseTo((288 * (fingerprint.generated - 288)) / 2 ** 64, 30);
    expect(fingerprint.collisionProbability).toBeGreaterThan(0);
    expect(run(twoPhaseCommit(3), { storage: 'exact' }).coverage.collisionProbability).toBeUndefined();
  });
});

describe('property kinds on the buggy mutex', () => {
  const result = run(mutex(), { stopAt: 'exhausted' });
  it('always: the shortest counterexample to mutual exclusion', () => {
    expect(labels(verdict(result, 'mutual-exclusion'))).toEqual(['p0 check', 'p1 check', 'p0 acquire', 'p1 acquire']);
  });
  it('always-step: the trace ends with the offending step', () => {
    expect(labels(verdict(result, 'acquire-when-free')).at(-1)).toMatch(/acquire$/);
    expect(verdict(result, 'acquire-when-free').status).toBe('violated');
  });
  it('eventually: a terminal state with a lost update', () => {
    const v = verdict(result, 'all-increments-counted');
    expect(v.status).toBe('violated');
    expect(labels(v)).toHaveLength(10);
    expect(v.note).toMatch(/acyclic/);
  });
  it('holds, witnessed and no-witness after an exhaustive search', () => {
    expect(verdict(result, 'counter-bounded').status).toBe('holds');
    expect(verdict(result, 'all-done').status).toBe('witnessed');
    expect(verdict(result, 'counter-overflow').status).toBe('no-witness');
    expect(result.coverage).toMatchObject({ distinct: 54, terminalStates: 3, frontierCut: 0, nonForwardEdges: 0, stoppedBy: 'exhausted' });
  });
  it('the fixed mutex satisfies every safety property', () => {
    const fixed = run(mutex({ fixed: true, processes: 3 }), { stopAt: 'exhausted' });
    expect(fixed.verdicts.map((v) => v.status)).toEqual(['holds', 'holds', 'holds', 'holds', 'witnessed', 'no-witness']);
  });
  it('only selected properties are checked', () => {
    const selected = run(mutex(), { properties: ['counter-bounded'] });
    expect(selected.verdicts.map((v) => v.property)).toEqual(['counter-bounded']);
    expect(selected.coverage.stoppedBy).toBe('exhausted');
  });
});

describe('stopping rules', () => {
  it('first-violation stops early and leaves the others undecided within bounds', () => {
    const result = run(mutex({ processes: 3 }));
    expect(result.coverage.stoppedBy).toBe('first-violation');
    expect(result.coverage.exhausted).toBe(false);
    expect(verdict(result, 'counter-bounded').status).toBe('holds-within-bounds');
    expect(verdict(result, 'counter-overflow').status).toBe('no-witness-within-bounds');
  });
  it('all-decided stops once every selected property has a verdict', () => {
    const result = run(mutex({ processes: 3 }), { stopAt: 'all-decided', properties: ['mutual-exclusion', 'all-done'] });
    expect(result.coverage.stoppedBy).toBe('all-decided');
    expect(result.verdicts.map((v) => v.status)).toEqual(['violated', 'witnessed']);
  });
  it('always-step is checked on transitions into already-visited states', () => {
    const base = unboundedCounter();
    const model: Model<number, 'inc' | 'reset'> = {
      ...base,
      properties: [{ kind: 'always-step', name: 'no-reset', description: 'never reset', holds: (_from, action) => action !== 'reset' }],
    };
    expect(labels(verdict(run(model, { maxDepth: 5 }), 'no-reset'))).toEqual(['inc', 'reset']);
    expect(labels(verdict(run(model, { mode: 'dfs', maxDepth: 5 }), 'no-reset')).at(-1)).toBe('reset');
  });
});

describe('bounds stop cleanly and still report coverage', () => {
  it('maxStates', () => {
    for (const mode of ['bfs', 'dfs'] as const) {
      const result = run(unboundedCounter(), { mode, maxStates: 100 });
      expect(result.coverage).toMatchObject({ distinct: 100, stoppedBy: 'max-states', exhausted: false });
      expect(verdict(result, 'non-negative').status).toBe('holds-within-bounds');
    }
  });
  it('maxDepth: states at the bound are cut, not terminal', () => {
    for (const mode of ['bfs', 'dfs'] as const) {
      const result = run(unboundedCounter(), { mode, maxDepth: 10 });
      expect(result.coverage).toMatchObject({ distinct: 11, maxDepthReached: 10, frontierCut: 1, terminalStates: 0, stoppedBy: 'max-depth', exhausted: false });
      expect(verdict(result, 'reaches-1000').status).toBe('no-witness-within-bounds');
    }
  });
  it('depth-bounded DFS re-expands a state found again by a shorter path, like BFS', () => {
    for (const mode of ['bfs', 'dfs'] as const) {
      const result = run(jumpCounter(30), { mode, maxDepth: 5, stopAt: 'exhausted' });
      expect(result.coverage).toMatchObject({ distinct: 11, frontierCut: 2, maxDepthReached: 5, stoppedBy: 'max-depth' });
    }
    expect(labels(verdict(run(jumpCounter(10), { maxDepth: 5 }), 'reaches-limit'))).toEqual(['+2', '+2', '+2', '+2', '+2']);
  });
  it('maxDepth 0 checks the initial states only', () => {
    expect(run(twoPhaseCommit(3), { maxDepth: 0 }).coverage).toMatchObject({ distinct: 1, generated: 1, transitions: 0, frontierCut: 1 });
  });
  it('timeout', () => {
    const started = performance.now();
    const result = run(unboundedCounter(), { timeoutMs: 50 });
    expect(result.coverage.stoppedBy).toBe('timeout');
    expect(result.coverage.distinct).toBeGreaterThan(1000);
    expect(performance.now() - started).toBeLessThan(2000);
  });
  it('an AbortSignal interrupts the run (Ctrl-C)', () => {
    const controller = new AbortController();
    const seen: Progress[] = [];
    const result = run(unboundedCounter(), {
      progressEvery: 5000,
      onProgress: (progress) => {
        seen.push(progress);
        if (progress.generated >= 20_000) controller.abort();
      },
      signal: controller.signal,
    });
    expect(result.coverage.stoppedBy).toBe('interrupted');
    expect(result.coverage.generated).toBeGreaterThanOrEqual(20_000);
    expect(result.coverage.generated).toBeLessThan(30_000);
    expect(seen.map((p) => p.generated)).toEqual([...seen.map((p) => p.generated)].sort((x, y) => x - y));
    expect(seen[0]).toMatchObject({ depth: expect.any(Number), frontier: expect.any(Number), statesPerSecond: expect.any(Number) });
  });
  it('an already aborted signal stops after the initial states', () => {
    const result = run(counterGrid(3, 20), { signal: AbortSignal.abort() });
    expect(result.coverage).toMatchObject({ stoppedBy: 'interrupted', distinct: 1 });
  });
});

describe('determinism and values', () => {
  it('same model and options give identical results', () => {
    for (const mode of ['bfs', 'dfs'] as const) {
      expect(withoutTime(run(mutex({ processes: 3 }), { mode, stopAt: 'exhausted' }))).toBe(withoutTime(run(mutex({ processes: 3 }), { mode, stopAt: 'exhausted' })));
    }
  });
  it('invalid options come back as values with codes and hints', () => {
    const outcome = check(mutex(), { maxDepth: -1, properties: ['nope'], mode: 'sideways' as 'bfs' });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.errors.map((e) => e.code).sort()).toEqual(['AFL211', 'AFL212', 'AFL213']);
  });
  it('cycles are reported through nonForwardEdges and the eventually note', () => {
    const base = unboundedCounter();
    const model: Model<number, 'inc' | 'reset'> = { ...base, properties: [{ kind: 'eventually', name: 'ends', description: '', holds: () => false }] };
    const result = run(model, { maxDepth: 20 });
    expect(result.coverage.nonForwardEdges).toBe(19);
    expect(verdict(result, 'ends').status).toBe('holds-within-bounds');
    expect(verdict(result, 'ends').note).toMatch(/cycles/);
  });
  it('explore keeps the visited set, whose stored paths lead back to initial states', () => {
    const resolution = resolveOptions(twoPhaseCommit(3), { stopAt: 'exhausted' });
    if (!resolution.ok) throw new Error('options');
    const { visited } = explore(twoPhaseCommit(3), resolution.options);
    expect(visited.size).toBe(288);
    expect(visited.pathOf(287).choices.length).toBe(visited.depthOf(287));
  });
});
