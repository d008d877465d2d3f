/**
 * All distinct counterexamples within bounds (Apalache's `--max-error`, but distinct ones).
 *
 * For each selected `always` / `always-step` property a separate BFS runs over the bounded space in
 * which the property's own violations are dead ends: a violating state is not expanded, a violating
 * step is not followed. So every raw violation comes with the shortest trace to it that does *not*
 * pass through an earlier violation of the same property. `eventually` violations are terminal
 * states, dead ends anyway, so one BFS serves all of them. Raw violations are then grouped by
 * *shape* — the sequence of `model.shapeOf?.(a) ?? model.ruleOf(a)`, leaving out actions whose shape is
 * the empty string (steps the model declares irrelevant to how it breaks) — each shape represented by its
 * least trace (by length, then path), shapes sorted the same way and capped per property, with the
 * number of raw violations each shape stands for. Not the hot path: clarity over speed.
 */
import type { Model, Property } from './model.ts';
import { resolveOptions, type CheckOptions, type OptionError, type ResolvedOptions } from './options.ts';
import { Fifo } from './queue.ts';
import type { StopReason } from './result.ts';
import { compareTraces, replay, type Trace } from './trace.ts';
import { createVisitedSet, NO_PARENT } from './visited-set.ts';

export interface CounterexampleOptions extends CheckOptions {
  /** Distinct shapes reported per property (default 10). */
  maxPerProperty?: number;
}

export interface ShapeGroup<A> {
  readonly shape: readonly string[];
  /** The least trace of this shape (shortest, then lexicographically smallest path). */
  readonly trace: Trace<A>;
  /** Raw violations (distinct states or steps) that share this shape. */
  readonly occurrences: number;
}

export interface PropertyCounterexamples<A> {
  readonly property: string;
  readonly kind: 'always' | 'always-step' | 'eventually';
  readonly rawViolations: number;
  readonly distinctShapes: number;
  /** At most `maxPerProperty` shapes, sorted by trace length then path. */
  readonly shapes: readonly ShapeGroup<A>[];
  readonly truncated: boolean;
}

export interface CounterexampleReport<A> {
  readonly model: string;
  readonly properties: readonly PropertyCounterexamples<A>[];
  /** `exhausted` iff every search covered its whole bounded space. */
  readonly stoppedBy: StopReason;
  readonly elapsedMs: number;
}

interface FoundViolation<A> {
  readonly property: string;
  readonly trace: Trace<A>;
}

type SafetyProperty<S, A> = Extract<Property<S, A>, { kind: 'always' | 'always-step' | 'eventually' }>;

export function enumerateCounterexamples<S, A>(
  model: Model<S, A>,
  partial: CounterexampleOptions = {},
): { ok: true; report: CounterexampleReport<A> } | { ok: false; errors: readonly OptionError[] } {
  const resolution = resolveOptions(model, { ...partial, mode: 'bfs' });
  if (!resolution.ok) return resolution;
  const options = resolution.options;
  const maxPerProperty = partial.maxPerProperty ?? 10;
  const started = performance.now();
  const selected = model.properties.filter((p): p is SafetyProperty<S, A> => options.properties.includes(p.name) && p.kind !== 'sometimes');
  const eventually = selected.filter((p) => p.kind === 'eventually');
  const searches: SafetyProperty<S, A>[][] = selected.filter((p) => p.kind !== 'eventually').map((p) => [p]);
  if (eventually.length > 0) searches.push(eventually);
  let stoppedBy: StopReason = 'exhausted';
  const found: FoundViolation<A>[] = [];
  for (const properties of searches) {
    const outcome = searchViolations(model, options, properties, started);
    found.push(...outcome.found);
    if (stoppedBy === 'exhausted') stoppedBy = outcome.stoppedBy;
  }
  return {
    ok: true,
    report: {
      model: model.name,
      stoppedBy,
      elapsedMs: performance.now() - started,
      properties: selected.map((property) => groupByShape(model, property, found, maxPerProperty)),
    },
  };
}

/** One bounded BFS in which the given properties' violations are recorded and never passed through. */
function searchViolations<S, A>(
  model: Model<S, A>,
  options: ResolvedOptions,
  properties: readonly SafetyProperty<S, A>[],
  started: number,
): { found: FoundViolation<A>[]; stoppedBy: StopReason } {
  const visited = createVisitedSet<S>(options.storage, (state, sink) => model.encode(state, sink));
  const states = new Fifo<S>();
  const entries = new Fifo<number>();
  const found: FoundViolation<A>[] = [];
  let cut = false;
  const record = (property: string, entry: number, lastChoice?: number): void => {
    const path = visited.pathOf(entry);
    const replayed = replay(model, { init: path.init, choices: lastChoice === undefined ? path.choices : [...path.choices, lastChoice] });
    if (!replayed.ok) throw new Error(`internal: stored path does not replay: ${replayed.divergence.message}`);
    found.push({ property, trace: replayed.trace });
  };
  /** Records state violations; true when the state is a dead end for this search. */
  const violates = (state: S, entry: number): boolean => {
    let dead = false;
    for (const property of properties) {
      if (property.kind === 'always' && !property.holds(state)) {
        record(property.name, entry);
        dead = true;
      }
    }
    return dead;
  };
  const stopReason = (): StopReason | undefined => {
    if (options.signal?.aborted === true) return 'interrupted';
    if (performance.now() - started >= options.timeoutMs) return 'timeout';
    if (visited.size >= options.maxStates) return 'max-states';
    return undefined;
  };
  model.initialStates().forEach((state, index) => {
    const entry = visited.add(state, NO_PARENT, index, 0);
    if (entry >= 0 && !violates(state, entry)) {
      states.push(state);
      entries.push(entry);
    }
  });
  let stopped: StopReason | undefined;
  while (entries.size > 0 && (stopped = stopReason()) === undefined) {
    const state = states.pop() as S;
    const entry = entries.pop()!;
    const depth = visited.depthOf(entry);
    const actions = model.actions(state);
    if (actions.length === 0) {
      for (const property of properties) if (property.kind === 'eventually' && !property.holds(state)) record(property.name, entry);
      continue;
    }
    if (depth >= options.maxDepth) {
      cut = true;
      continue;
    }
    actions.forEach((action, choice) => {
      const next = model.next(state, action);
      let followed = true;
      for (const property of properties) {
        if (property.kind === 'always-step' && !property.holds(state, action, next)) {
          record(property.name, entry, choice);
          followed = false;
        }
      }
      if (!followed) return;
      const added = visited.add(next, entry, choice, depth + 1);
      if (added >= 0 && !violates(next, added)) {
        states.push(next);
        entries.push(added);
      }
    });
  }
  return { found, stoppedBy: stopped ?? (cut ? 'max-depth' : 'exhausted') };
}

function groupByShape<S, A>(model: Model<S, A>, property: SafetyProperty<S, A>, found: readonly FoundViolation<A>[], maxPerProperty: number): PropertyCounterexamples<A> {
  const groups = new Map<string, { shape: string[]; trace: Trace<A>; occurrences: number }>();
  let rawViolations = 0;
  for (const violation of found) {
    if (violation.property !== property.name) continue;
    rawViolations++;
    const shape = violation.trace.steps.map((step) => model.shapeOf?.(step.action) ?? step.rule).filter((part) => part !== '');
    const key = shape.join('\u0000');
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { shape, trace: violation.trace, occurrences: 1 });
    else {
      group.occurrences++;
      if (compareTraces(violation.trace, group.trace) < 0) group.trace = violation.trace;
    }
  }
  const sorted = [...groups.values()].sort((x, y) => compareTraces(x.trace, y.trace));
  return {
    property: property.name,
    kind: property.kind,
    rawViolations,
    distinctShapes: sorted.length,
    shapes: sorted.slice(0, maxPerProperty),
    truncated: sorted.length > maxPerProperty,
  };
}
