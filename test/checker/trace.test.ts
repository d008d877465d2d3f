import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { Model } from '../../src/checker/model.ts';
import { compareTraces, formatPath, parsePath, pathOfTrace, replay } from '../../src/checker/trace.ts';
import { mutex, type MutexAction, type MutexState } from '../fixtures/mutex.ts';

describe('replay', () => {
  const model = mutex();
  it('replays a path and records labels and rules', () => {
    const replayed = replay(model, { init: 0, choices: [0, 1, 0, 0] });
    if (!replayed.ok) throw new Error(replayed.divergence.message);
    expect(replayed.trace.steps.map((s) => s.label)).toEqual(['p0 check', 'p1 check', 'p0 acquire', 'p0 read']);
    expect(replayed.trace.steps.map((s) => s.rule)).toEqual(['check', 'check', 'acquire', 'read']);
    expect(replayed.states).toHaveLength(5);
    const again = replay(model, pathOfTrace(replayed.trace));
    expect(again.ok).toBe(true);
  });
  it('names the first step whose choice is out of range', () => {
    const replayed = replay(model, { init: 0, choices: [0, 0, 7] });
    expect(replayed.ok).toBe(false);
    if (!replayed.ok) {
      expect(replayed.divergence).toMatchObject({ code: 'AFL322', step: 2 });
      expect(replayed.divergence.message).toMatch(/step 3: choice 7 is out of range, only 1 action/);
      expect(replayed.divergence.hint).toMatch(/nondeterminism/);
      expect(replayed.statesBefore).toHaveLength(3);
    }
  });
  it('names the first step whose label differs from the recorded one (the model changed)', () => {
    const replayed = replay(model, { init: 0, choices: [0, 0], labels: ['p0 check', 'p1 check'] });
    expect(!replayed.ok && replayed.divergence).toMatchObject({ code: 'AFL323', step: 1 });
  });
  it('detects hidden nondeterminism', () => {
    let calls = 0;
    const flaky: Model<MutexState, MutexAction> = { ...model, actions: (state) => (calls++ % 2 === 0 ? model.actions(state) : [...model.actions(state)].reverse()) };
    const recorded = replay(model, { init: 0, choices: [0] });
    if (!recorded.ok) throw new Error('replay');
    calls = 1;
    expect(replay(flaky, pathOfTrace(recorded.trace))).toMatchObject({ ok: false, divergence: { code: 'AFL323', step: 0 } });
  });
  it('rejects an unknown initial state', () => {
    expect(replay(model, { init: 3, choices: [] })).toMatchObject({ ok: false, divergence: { code: 'AFL321', step: -1 } });
  });
});

describe('paths', () => {
  test.prop([fc.nat({ max: 5 }), fc.array(fc.nat({ max: 300 }), { maxLength: 20 })])('format and parse round-trip', (init, choices) => {
    const text = formatPath({ init, choices });
    expect(parsePath(text)).toEqual({ init, choices });
    if (init === 0) expect(text).toBe(choices.join('/'));
  });
  it('rejects malformed paths', () => {
    for (const bad of ['0//1', 'a/1', '1/-2', 'init=:1']) expect(parsePath(bad)).toBeUndefined();
  });
  it('orders traces by length, then path', () => {
    const trace = (choices: number[]) => ({ init: 0, steps: choices.map((choice) => ({ choice, action: null, label: '', rule: '' })) });
    const sorted = [trace([1, 0]), trace([2]), trace([0, 3]), trace([])].sort(compareTraces);
    expect(sorted.map((t) => t.steps.map((s) => s.choice))).toEqual([[], [2], [0, 3], [1, 0]]);
  });
});
