import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/checker/explore.ts';
import type { CheckOptions } from '../../src/checker/options.ts';
import type { RandomResult } from '../../src/checker/result.ts';
import { pathOfTrace, replay } from '../../src/checker/trace.ts';
import { mutex, type MutexAction } from '../fixtures/mutex.ts';

function random(options: CheckOptions, processes = 2, fixed = false): RandomResult<MutexAction> {
  const outcome = check(mutex({ processes, fixed }), { mode: 'random', ...options });
  if (!outcome.ok || outcome.result.mode !== 'random') throw new Error('expected a random result');
  return outcome.result;
}
const strip = (result: RandomResult<MutexAction>) => JSON.stringify({ ...result, coverage: { ...result.coverage, elapsedMs: 0 } });

describe('random scheduling with fast-check', () => {
  it('finds the mutual-exclusion bug with a fixed seed and shrinks it to a short, replayable path', () => {
    const result = random({ seed: 0x1a2b, runs: 200, maxDepth: 40 }, 3);
    const violated = result.verdicts.find((v) => v.status === 'violated');
    expect(violated).toBeDefined();
    if (violated?.status !== 'violated') return;
    expect(violated.trace.steps.length).toBeLessThanOrEqual(6);
    expect(result.seedHex).toBe('0x1a2b');
    expect(result.fastCheckPath).toMatch(/^\d+(:\d+)*$/);
    expect(result.coverage.stoppedBy).toBe('first-violation');
    const model = mutex({ processes: 3 });
    const replayed = replay(model, pathOfTrace(violated.trace));
    if (!replayed.ok) throw new Error(replayed.divergence.message);
    const property = model.properties.find((p) => p.name === violated.property)!;
    const [before, last] = replayed.states.slice(-2) as [never, never];
    const holds = property.kind === 'always-step' ? property.holds(before, replayed.trace.steps.at(-1)!.action, last) : property.holds(last);
    expect(holds).toBe(false);
  });
  it('the same seed gives the same result', () => {
    expect(strip(random({ seed: 7, runs: 100, stopAt: 'exhausted' }))).toBe(strip(random({ seed: 7, runs: 100, stopAt: 'exhausted' })));
  });
  it('says that not finding a violation or a witness proves nothing', () => {
    const result = random({ seed: 1, runs: 50, maxDepth: 20 }, 2, true);
    expect(result.verdicts.find((v) => v.property === 'mutual-exclusion')?.status).toBe('not-violated-in-samples');
    expect(result.verdicts.find((v) => v.property === 'counter-overflow')?.status).toBe('no-witness-in-samples');
    expect(result.verdicts.find((v) => v.property === 'all-done')?.status).toBe('witnessed');
    expect(result.coverage).toMatchObject({ runs: 50, stoppedBy: 'exhausted' });
    expect(result.coverage.terminalRuns).toBeGreaterThan(0);
  });
  it('with stopAt exhausted it looks for a violation of each property in turn', () => {
    const result = random({ seed: 3, runs: 300, stopAt: 'exhausted' });
    expect(result.verdicts.filter((v) => v.status === 'violated').map((v) => v.property).sort()).toEqual(['acquire-when-free', 'all-increments-counted', 'mutual-exclusion']);
  });
  test.prop([fc.integer({ min: 0, max: 2 ** 32 - 1 })], { numRuns: 10 })('every reported violation replays, cut at its first violation', (seed) => {
    const result = random({ seed, runs: 100, stopAt: 'exhausted' });
    const model = mutex();
    for (const verdict of result.verdicts) {
      if (verdict.status !== 'violated') continue;
      const replayed = replay(model, pathOfTrace(verdict.trace));
      expect(replayed.ok).toBe(true);
      if (!replayed.ok || verdict.property !== 'mutual-exclusion') continue;
      const property = model.properties[0]!;
      if (property.kind !== 'always') continue;
      expect(replayed.states.map((s) => property.holds(s))).toEqual([...replayed.states.slice(1).map(() => true), false]);
    }
  });
  it('stops at the timeout', () => {
    const result = random({ seed: 5, runs: 10_000_000, timeoutMs: 100, maxDepth: 10 }, 2, true);
    expect(result.coverage.stoppedBy).toBe('timeout');
    expect(result.coverage.runs).toBeLessThan(10_000_000);
  });
  it('random mode needs a finite depth', () => {
    const outcome = check(mutex(), { mode: 'random', maxDepth: Infinity });
    expect(!outcome.ok && outcome.errors[0]?.code).toBe('AFL215');
  });
});

describe('random mode progress', () => {
  it('reports schedules run against the round total (for the CLI bar)', () => {
    const seen: { runs?: number; totalRuns?: number }[] = [];
    const outcome = check(mutex({ processes: 3, fixed: true }), { mode: 'random', seed: 1, runs: 2000, onProgress: (p) => seen.push(p) });
    expect(outcome.ok).toBe(true);
    expect(seen.length).toBeGreaterThan(0);
    for (const p of seen) {
      expect(p.totalRuns).toBe(2000);
      expect(p.runs).toBeGreaterThan(0);
      expect(p.runs).toBeLessThanOrEqual(2000);
    }
  });
});
