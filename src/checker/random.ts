/**
 * Random scheduling as a fast-check property, so failing schedules shrink.
 *
 * `fc.scheduler()` does not shrink its interleavings, so a schedule here is our own arbitrary: an
 * initial-state index and `fc.array(fc.nat())` of choice indices, each taken modulo the number of
 * enabled actions. fast-check shrinks both towards fewer and smaller choices; we then *normalise* the
 * shrunk schedule into the indices actually used, cut at the first violation, which replays exactly.
 * Runs go through `fc.check` (a value, never a throw) with the resolved seed and `runs`.
 *
 * What random mode can say: a violation or a witness it finds is real (it replays); not finding one
 * proves nothing, hence the verdicts `not-violated-in-samples` / `no-witness-in-samples`. `eventually`
 * is checked on the terminal states that runs happen to reach. With `stopAt` other than
 * `first-violation`, the search is repeated (same seed) without each violated property in turn.
 */
import fc from 'fast-check';
import type { Model, Property } from './model.ts';
import { formatSeed, type ResolvedOptions } from './options.ts';
import type { PropertyVerdict, RandomCoverage, RandomResult } from './result.ts';
import { replay, type Trace } from './trace.ts';

interface Schedule {
  readonly init: number;
  readonly choices: readonly number[];
}

interface SimulatedViolation {
  readonly property: string;
  readonly init: number;
  /** The choice indices actually used, up to and including the violating step. */
  readonly choices: readonly number[];
}

export function runRandom<S, A>(model: Model<S, A>, options: ResolvedOptions): RandomResult<A> {
  const started = performance.now();
  const selected = model.properties.filter((property) => options.properties.includes(property.name));
  const initial = model.initialStates();
  const violations = new Map<string, Trace<A>>();
  const witnesses = new Map<string, Trace<A>>();
  const stats = { steps: 0, maxDepth: 0, terminalRuns: 0 };
  const traceOf = (init: number, choices: readonly number[]): Trace<A> => {
    const replayed = replay(model, { init, choices });
    if (!replayed.ok) throw new Error(`internal: random schedule does not replay: ${replayed.divergence.message}`);
    return replayed.trace;
  };

  /** Runs one schedule against the still-active safety properties; records witnesses on the way. */
  const simulate = (schedule: Schedule, active: readonly Property<S, A>[]): SimulatedViolation | undefined => {
    if (initial.length === 0) return undefined;
    const init = schedule.init % initial.length;
    let state: S = initial[init] as S;
    const choices: number[] = [];
    const found = (property: Property<S, A>): SimulatedViolation => ({ property: property.name, init, choices });
    const checkState = (): SimulatedViolation | undefined => {
      for (const property of active) if (property.kind === 'always' && !property.holds(state)) return found(property);
      for (const property of selected) {
        if (property.kind === 'sometimes' && !witnesses.has(property.name) && property.holds(state)) witnesses.set(property.name, traceOf(init, choices));
      }
      return undefined;
    };
    let violation = checkState();
    let enabled = model.actions(state);
    for (let step = 0; violation === undefined && step < schedule.choices.length && enabled.length > 0; step++) {
      const choice = schedule.choices[step]! % enabled.length;
      const action = enabled[choice]!;
      const next = model.next(state, action);
      choices.push(choice);
      stats.steps++;
      for (const property of active) {
        if (property.kind === 'always-step' && !property.holds(state, action, next)) violation ??= found(property);
      }
      state = next;
      violation ??= checkState();
      enabled = model.actions(state);
    }
    if (choices.length > stats.maxDepth) stats.maxDepth = choices.length;
    if (violation === undefined && enabled.length === 0) {
      stats.terminalRuns++;
      for (const property of active) if (property.kind === 'eventually' && !property.holds(state)) return found(property);
    }
    return violation;
  };

  let lastReport = 0;
  /** Progress at most every 250 ms: the bar of a random run counts schedules against fast-check's numRuns. */
  const reportProgress = (samples: number): void => {
    const now = performance.now();
    if (now - lastReport < 250) return;
    lastReport = now;
    const elapsedMs = now - started;
    options.onProgress!({ generated: stats.steps, distinct: 0, frontier: 0, depth: stats.maxDepth, elapsedMs, statesPerSecond: stats.steps / Math.max(elapsedMs / 1000, 1e-6), runs: samples, totalRuns: options.runs });
  };

  const arbitrary = fc.record({ init: fc.nat(), choices: fc.array(fc.nat(), { maxLength: options.maxDepth, size: 'max' }) });
  let active = selected.filter((property) => property.kind !== 'sometimes');
  let runs = 0;
  let numShrinks = 0;
  let fastCheckPath: string | undefined;
  let stoppedBy: RandomCoverage['stoppedBy'] = 'exhausted';
  for (;;) {
    const remainingMs = options.timeoutMs - (performance.now() - started);
    if (remainingMs <= 0) {
      stoppedBy = 'timeout';
      break;
    }
    const current = active;
    let samples = 0;
    const property = fc.property(arbitrary, (schedule) => {
      if (options.onProgress !== undefined && ++samples % 64 === 0) reportProgress(samples);
      return options.signal?.aborted === true || simulate(schedule, current) === undefined;
    });
    const details = fc.check(property, {
      seed: options.seed | 0,
      numRuns: options.runs,
      plugins: Number.isFinite(remainingMs) ? [fc.interruptAfterTimeLimit(remainingMs)] : [],
    });
    runs += details.numRuns;
    if (options.signal?.aborted === true) {
      stoppedBy = 'interrupted';
      break;
    }
    if (!details.failed) {
      if (details.interrupted) stoppedBy = 'timeout';
      break;
    }
    const schedule = (details.counterexample as readonly [Schedule])[0];
    const violation = simulate(schedule, current);
    if (violation === undefined) throw details.errorInstance instanceof Error ? details.errorInstance : new Error('internal: shrunk schedule does not reproduce');
    violations.set(violation.property, traceOf(violation.init, violation.choices));
    fastCheckPath ??= details.counterexamplePath ?? undefined;
    numShrinks += details.numShrinks;
    active = active.filter((candidate) => candidate.name !== violation.property);
    if (options.stopAt === 'first-violation') {
      stoppedBy = 'first-violation';
      break;
    }
    if (active.length === 0) {
      if (selected.every((candidate) => violations.has(candidate.name) || witnesses.has(candidate.name))) stoppedBy = 'all-decided';
      break;
    }
  }

  const verdicts = selected.map((property): PropertyVerdict<A> => {
    const violated = violations.get(property.name);
    if (violated !== undefined) return { property: property.name, kind: property.kind, status: 'violated', trace: violated };
    const witness = witnesses.get(property.name);
    if (witness !== undefined) return { property: property.name, kind: property.kind, status: 'witnessed', trace: witness };
    const status = property.kind === 'sometimes' ? 'no-witness-in-samples' : 'not-violated-in-samples';
    return { property: property.name, kind: property.kind, status };
  });
  return {
    mode: 'random',
    model: model.name,
    verdicts,
    seed: options.seed,
    seedHex: formatSeed(options.seed),
    fastCheckPath,
    numShrinks,
    coverage: { runs, steps: stats.steps, maxDepthReached: stats.maxDepth, terminalRuns: stats.terminalRuns, elapsedMs: performance.now() - started, stoppedBy },
  };
}
