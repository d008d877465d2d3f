/**
 * Laws every model and every explorer must satisfy (fast-check's ArbitraryAssertions idea): call
 * `modelLaws` from a test file to register them for a model.
 *
 *   import { modelLaws } from '../laws.ts';
 *   modelLaws('two-phase commit', () => twoPhaseCommit(3));
 *   modelLaws('serverless running example', () => makeModel(), { maxDepth: 12 });
 *
 * `makeModel` is called afresh for each law. The reachable space within `maxDepth` (default
 * unbounded) must be small enough to explore completely (at most `maxStates`, default 200 000
 * distinct states); `sampleSize` (default 200) states, spread over the BFS order, are used for the
 * per-state laws. Laws: BFS and DFS find the same distinct states; `actions`, `next` and `encode`
 * are deterministic and `next` does not mutate its (deep-frozen) input; states with equal encodings
 * have equal `toJSON` views (so `encode` loses nothing that `toJSON` shows); replaying the stored path of
 * a state reaches a state with the same encoding; every reported trace replays and ends where its
 * verdict says; BFS traces are no longer than DFS ones; exact and fingerprint storage agree; ITF
 * round-trips `toJSON` (numbers in `toJSON` must be integers for this law).
 */
import { describe, expect, it } from 'vitest';
import { explore } from '../src/checker/explore.ts';
import { stateKeyOf } from '../src/checker/fingerprint.ts';
import { itfToJSON, parseItf, toItf } from '../src/checker/itf.ts';
import type { Model } from '../src/checker/model.ts';
import { resolveOptions, type CheckOptions } from '../src/checker/options.ts';
import type { ExhaustiveResult } from '../src/checker/result.ts';
import { pathOfTrace, replay } from '../src/checker/trace.ts';
import type { VisitedSet } from '../src/checker/visited-set.ts';

export interface ModelLawOptions {
  /** Depth bound of every exploration (default: unbounded). */
  maxDepth?: number;
  /** Refuse models with more distinct states than this within the bound (default 200 000). */
  maxStates?: number;
  /** How many reachable states the per-state laws look at (default 200). */
  sampleSize?: number;
}

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<string | symbol, unknown>)[key]);
  }
  return value;
}

export function modelLaws<S, A>(name: string, makeModel: () => Model<S, A>, lawOptions: ModelLawOptions = {}): void {
  const maxDepth = lawOptions.maxDepth ?? Infinity;
  const maxStates = lawOptions.maxStates ?? 200_000;
  const sampleSize = lawOptions.sampleSize ?? 200;

  const run = (model: Model<S, A>, options: CheckOptions): { result: ExhaustiveResult<A>; visited: VisitedSet<S> } => {
    const resolution = resolveOptions(model, { maxDepth, maxStates: maxStates + 1, stopAt: 'exhausted', ...options });
    if (!resolution.ok) throw new Error(resolution.errors.map((error) => error.message).join('; '));
    const outcome = explore(model, resolution.options);
    expect(outcome.result.coverage.stoppedBy, `${name}: too many states for the laws; pass a smaller maxDepth`).toMatch(/^(exhausted|max-depth)$/);
    return outcome;
  };
  const keysOf = (visited: VisitedSet<S>): string[] => Array.from({ length: visited.size }, (_, entry) => visited.keyOf(entry) as string).sort();
  /** Up to sampleSize states spread over the BFS order, rebuilt by replaying their stored paths. */
  const sample = (model: Model<S, A>): { entry: number; states: readonly S[]; labels: string[]; visited: VisitedSet<S> }[] => {
    const { visited } = run(model, { mode: 'bfs', storage: 'exact', properties: [] });
    const stride = Math.max(1, Math.floor(visited.size / sampleSize));
    const picked = [];
    for (let entry = 0; entry < visited.size && picked.length < sampleSize; entry += stride) {
      const replayed = replay(model, visited.pathOf(entry));
      if (!replayed.ok) throw new Error(`${name}: stored path of entry ${entry} does not replay: ${replayed.divergence.message}`);
      picked.push({ entry, states: replayed.states, labels: replayed.trace.steps.map((step) => step.label), visited });
    }
    return picked;
  };

  describe(`model laws: ${name}`, () => {
    it('BFS and DFS find the same distinct states', () => {
      const bfs = run(makeModel(), { mode: 'bfs', properties: [] });
      const dfs = run(makeModel(), { mode: 'dfs', properties: [] });
      expect(dfs.result.coverage.distinct).toBe(bfs.result.coverage.distinct);
      expect(dfs.result.coverage.terminalStates).toBe(bfs.result.coverage.terminalStates);
      expect(dfs.result.coverage.frontierCut).toBe(bfs.result.coverage.frontierCut);
      expect(keysOf(dfs.visited)).toEqual(keysOf(bfs.visited));
    });

    it('actions, next and encode are deterministic, and next does not mutate its input', () => {
      const model = makeModel();
      for (const { states } of sample(model)) {
        const state = deepFreeze(states[states.length - 1]!);
        const key = stateKeyOf(model, state);
        expect(stateKeyOf(model, state)).toBe(key);
        const labels = model.actions(state).map((action) => model.formatAction(action));
        expect(model.actions(state).map((action) => model.formatAction(action))).toEqual(labels);
        for (const action of model.actions(state)) {
          const first = stateKeyOf(model, model.next(state, action));
          expect(stateKeyOf(model, model.next(state, action))).toBe(first);
        }
        expect(stateKeyOf(model, state), 'next mutated its input').toBe(key);
      }
    });

    it('encode keeps apart the states that toJSON tells apart', () => {
      const model = makeModel();
      const views = new Map<string, string>();
      const note = (state: S): void => {
        const key = stateKeyOf(model, state);
        const view = JSON.stringify(model.toJSON(state));
        const seen = views.get(key);
        if (seen !== undefined) expect(view, `two states encode the same but differ in toJSON (encode loses information)`).toBe(seen);
        views.set(key, view);
      };
      for (const { states } of sample(model)) {
        const state = states[states.length - 1]!;
        note(state);
        for (const action of model.actions(state)) note(model.next(state, action));
      }
    });

    it('replaying the stored path of a state reaches a state with the same encoding', () => {
      const model = makeModel();
      for (const { entry, states, visited } of sample(model)) {
        expect(stateKeyOf(model, states[states.length - 1]!)).toBe(visited.keyOf(entry));
        expect(states.length - 1).toBe(visited.depthOf(entry));
      }
    });

    it('every reported trace replays, with its labels, and ends where its verdict says', () => {
      const model = makeModel();
      for (const mode of ['bfs', 'dfs'] as const) {
        for (const verdict of run(model, { mode }).result.verdicts) {
          if (verdict.status !== 'violated' && verdict.status !== 'witnessed') continue;
          const replayed = replay(model, pathOfTrace(verdict.trace));
          if (!replayed.ok) throw new Error(`${verdict.property}: ${replayed.divergence.message}`);
          const last = replayed.states[replayed.states.length - 1]!;
          const property = model.properties.find((p) => p.name === verdict.property)!;
          if (property.kind === 'always-step') {
            const before = replayed.states[replayed.states.length - 2]!;
            expect(property.holds(before, replayed.trace.steps[replayed.trace.steps.length - 1]!.action, last)).toBe(false);
          } else {
            expect(property.holds(last)).toBe(property.kind === 'sometimes');
            if (property.kind === 'eventually') expect(model.actions(last)).toHaveLength(0);
          }
        }
      }
    });

    it('BFS traces are no longer than DFS traces', () => {
      const bfs = run(makeModel(), { mode: 'bfs' }).result.verdicts;
      const dfs = run(makeModel(), { mode: 'dfs' }).result.verdicts;
      bfs.forEach((verdict, index) => {
        const other = dfs[index]!;
        expect(other.status).toBe(verdict.status);
        if ('trace' in verdict && 'trace' in other) expect(verdict.trace.steps.length).toBeLessThanOrEqual(other.trace.steps.length);
      });
    });

    it('exact and fingerprint storage agree', () => {
      for (const mode of ['bfs', 'dfs'] as const) {
        const exact = run(makeModel(), { mode, storage: 'exact' }).result;
        const fingerprint = run(makeModel(), { mode, storage: 'fingerprint' }).result;
        const counts = (result: ExhaustiveResult<A>) => {
          const { distinct, generated, terminalStates, frontierCut, maxDepthReached } = result.coverage;
          return { distinct, generated, terminalStates, frontierCut, maxDepthReached, verdicts: result.verdicts.map((v) => v.status) };
        };
        expect(counts(fingerprint)).toEqual(counts(exact));
      }
    });

    it('ITF round-trips toJSON', () => {
      const model = makeModel();
      for (const { states, labels } of sample(model).slice(-10)) {
        const itf = toItf(model, states, labels);
        const parsed = parseItf(JSON.stringify(itf));
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
        const decoded = itfToJSON(parsed.trace);
        expect(decoded.states).toEqual(states.map((state) => JSON.parse(JSON.stringify(model.toJSON(state))) as unknown));
        expect(decoded.labels.slice(1)).toEqual(labels);
      }
    });
  });
}
