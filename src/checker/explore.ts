/**
 * Exhaustive exploration: single-threaded BFS (shortest counterexamples and witnesses) and iterative
 * DFS (memory proportional to the depth), both deduplicating states through a `VisitedSet`.
 *
 * Hot path, per successor: `model.next`, the selected `always-step` checks, one `visited.add` (which
 * encodes into a reused fingerprint sink — no allocation), and for a new state the `always`/
 * `sometimes` checks and one frontier push. Properties are split by kind once; a property leaves its
 * list as soon as it is decided, so decided properties cost nothing. The clock, the AbortSignal and
 * the progress callback are polled every 1024 generated states.
 *
 * Depth-bounded DFS with dedup is incomplete if a state is first met deep (and cut) but is also
 * reachable by a shorter path; so when a bound is set, DFS re-expands a stored state reached by a
 * shorter path (relinking its parent). BFS and DFS therefore find the same states within a bound.
 * `eventually` is checked on terminal states only; the `nonForwardEdges` count says whether the
 * explored graph could contain cycles (0 proves it acyclic), which the verdict's note reports.
 */
import { collisionProbability } from './fingerprint.ts';
import type { Model, Property } from './model.ts';
import { resolveOptions, type CheckOptions, type OptionError, type ResolvedOptions } from './options.ts';
import { Fifo } from './queue.ts';
import { runRandom } from './random.ts';
import { undecidedStatus, type CheckResult, type CheckerError, type ExhaustiveResult, type PropertyVerdict, type StopReason } from './result.ts';
import { replay, type Trace } from './trace.ts';
import { createVisitedSet, MAX_CHOICE, NO_PARENT, type VisitedSet } from './visited-set.ts';

type StateProperty<S> = { readonly name: string; holds(state: S): boolean };
type StepProperty<S, A> = { readonly name: string; holds(from: S, action: A, to: S): boolean };

/** Resolves options and runs the selected mode; option errors come back as values. */
export function check<S, A>(model: Model<S, A>, partial: CheckOptions = {}): { ok: true; result: CheckResult<A> } | { ok: false; errors: readonly OptionError[] } {
  const resolution = resolveOptions(model, partial);
  if (!resolution.ok) return resolution;
  const options = resolution.options;
  return { ok: true, result: options.mode === 'random' ? runRandom(model, options) : explore(model, options).result };
}

/** Runs BFS or DFS (per `options.mode`; random is treated as BFS) and keeps the visited set. */
export function explore<S, A>(model: Model<S, A>, options: ResolvedOptions): { result: ExhaustiveResult<A>; visited: VisitedSet<S> } {
  const run = new Exploration(model, options);
  if (options.mode === 'dfs') run.dfs();
  else run.bfs();
  return { result: run.result(), visited: run.visited };
}

class Exploration<S, A> {
  readonly visited: VisitedSet<S>;
  private always: StateProperty<S>[] = [];
  private steps: StepProperty<S, A>[] = [];
  private sometimes: StateProperty<S>[] = [];
  private eventually: StateProperty<S>[] = [];
  private readonly selected: Property<S, A>[];
  private readonly decided = new Map<string, PropertyVerdict<A>>();
  private readonly started = performance.now();
  private readonly maxDepth: number;
  private generated = 0;
  private initialCount = 0;
  private terminal = 0;
  private cut = 0;
  private nonForward = 0;
  private deepest = 0;
  private frontier = 0;
  private nextPollAt = 1024;
  private nextProgressAt: number;
  private stop: StopReason | undefined = undefined;
  private error: CheckerError | undefined = undefined;

  constructor(
    private readonly model: Model<S, A>,
    private readonly options: ResolvedOptions,
  ) {
    this.visited = createVisitedSet<S>(options.storage, (state, sink) => model.encode(state, sink));
    this.maxDepth = options.maxDepth;
    this.nextProgressAt = options.progressEvery;
    this.selected = model.properties.filter((property) => options.properties.includes(property.name));
    for (const property of this.selected) {
      if (property.kind === 'always-step') this.steps.push(property);
      else this[property.kind].push(property);
    }
  }

  bfs(): void {
    const states = new Fifo<S>();
    const entries = new Fifo<number>();
    const { model, visited, maxDepth } = this;
    this.addInitialStates((state, entry) => {
      states.push(state);
      entries.push(entry);
    });
    while (this.stop === undefined && entries.size > 0) {
      const state = states.pop() as S;
      const entry = entries.pop()!;
      this.frontier = entries.size;
      const depth = visited.depthOf(entry);
      const actions = model.actions(state);
      if (!this.expandable(state, entry, depth, actions.length, maxDepth)) continue;
      for (let choice = 0; choice < actions.length; choice++) {
        const action = actions[choice]!;
        const next = model.next(state, action);
        if (this.steps.length > 0) this.checkStep(state, action, next, entry, choice);
        const added = visited.add(next, entry, choice, depth + 1);
        if (added >= 0) {
          this.checkNewState(next, added, depth + 1);
          states.push(next);
          entries.push(added);
        } else if (visited.depthOf(~added) <= depth) this.nonForward++;
        if (++this.generated >= this.nextPollAt) this.poll();
        if (this.stop !== undefined) break;
      }
    }
    this.finish();
  }

  dfs(): void {
    const { model, visited, maxDepth } = this;
    // Parallel stacks (no frame objects): a frame is a state being expanded and its next choice.
    const stateStack: (S | undefined)[] = [];
    const entryStack: number[] = [];
    const depthStack: number[] = [];
    const actionStack: (readonly A[] | undefined)[] = [];
    const choiceStack: number[] = [];
    let top = -1;
    const push = (state: S, entry: number, depth: number, actions: readonly A[]): void => {
      top++;
      stateStack[top] = state;
      entryStack[top] = entry;
      depthStack[top] = depth;
      actionStack[top] = actions;
      choiceStack[top] = 0;
    };
    const initial: [S, number][] = [];
    this.addInitialStates((state, entry) => initial.push([state, entry]));
    for (let i = initial.length - 1; i >= 0; i--) {
      const [state, entry] = initial[i]!;
      const actions = model.actions(state);
      if (this.expandable(state, entry, 0, actions.length, maxDepth)) push(state, entry, 0, actions);
    }
    while (top >= 0 && this.stop === undefined) {
      const actions = actionStack[top]!;
      const choice = choiceStack[top]!;
      if (choice === actions.length) {
        stateStack[top] = undefined;
        actionStack[top] = undefined;
        top--;
        continue;
      }
      choiceStack[top] = choice + 1;
      const state = stateStack[top] as S;
      const entry = entryStack[top]!;
      const depth = depthStack[top]!;
      const action = actions[choice]!;
      const next = model.next(state, action);
      if (this.steps.length > 0) this.checkStep(state, action, next, entry, choice);
      const added = visited.add(next, entry, choice, depth + 1);
      if (added >= 0) {
        this.checkNewState(next, added, depth + 1);
        const nextActions = model.actions(next);
        if (this.stop === undefined && this.expandable(next, added, depth + 1, nextActions.length, maxDepth)) push(next, added, depth + 1, nextActions);
      } else {
        const existing = ~added;
        const storedDepth = visited.depthOf(existing);
        if (storedDepth <= depth) this.nonForward++;
        else if (storedDepth > depth + 1 && maxDepth !== Infinity) {
          // A shorter path to a stored state: relink it and expand it again from the new depth.
          visited.relink(existing, entry, choice, depth + 1);
          const nextActions = model.actions(next);
          if (nextActions.length > 0) {
            if (storedDepth === maxDepth) this.cut--; // it had been cut at the bound
            if (depth + 1 >= maxDepth) this.cut++;
            else push(next, existing, depth + 1, nextActions);
          }
        }
      }
      this.frontier = top + 1;
      if (++this.generated >= this.nextPollAt) this.poll();
    }
    this.finish();
  }

  private addInitialStates(onNew: (state: S, entry: number) => void): void {
    const initial = this.model.initialStates();
    for (let index = 0; index < initial.length && this.stop === undefined; index++) {
      const state = initial[index]!;
      this.generated++;
      this.initialCount++;
      const added = this.visited.add(state, NO_PARENT, index, 0);
      if (added < 0) continue;
      this.checkNewState(state, added, 0);
      if (this.stop === undefined) onNew(state, added);
    }
    this.poll();
  }

  /** Terminal and depth-bound bookkeeping; true iff the state's successors should be generated. */
  private expandable(state: S, entry: number, depth: number, enabled: number, maxDepth: number): boolean {
    if (enabled === 0) {
      this.terminal++;
      for (const property of this.eventually) if (!property.holds(state)) this.violation(property, entry, undefined);
      return false;
    }
    if (depth >= maxDepth) {
      this.cut++;
      return false;
    }
    if (enabled > MAX_CHOICE + 1) {
      this.error = { code: 'AFL190', message: `a state has ${enabled} enabled actions; at most ${MAX_CHOICE + 1} are supported`, hint: 'split the action into several rules' };
      this.stop = 'model-error';
      return false;
    }
    return true;
  }

  private checkNewState(state: S, entry: number, depth: number): void {
    if (depth > this.deepest) this.deepest = depth;
    for (const property of this.always) if (!property.holds(state)) this.violation(property, entry, undefined);
    for (const property of this.sometimes) if (property.holds(state)) this.decide(property.name, 'witnessed', entry, undefined);
    if (this.visited.size >= this.options.maxStates && this.stop === undefined) this.stop = 'max-states';
  }

  private checkStep(from: S, action: A, to: S, entry: number, choice: number): void {
    for (const property of this.steps) if (!property.holds(from, action, to)) this.violation(property, entry, choice);
  }

  private violation(property: { name: string }, entry: number, lastChoice: number | undefined): void {
    this.decide(property.name, 'violated', entry, lastChoice);
    if (this.options.stopAt === 'first-violation') this.stop ??= 'first-violation';
  }

  private decide(name: string, status: 'violated' | 'witnessed', entry: number, lastChoice: number | undefined): void {
    const property = this.selected.find((candidate) => candidate.name === name)!;
    const trace = this.traceTo(entry, lastChoice);
    this.decided.set(name, { property: name, kind: property.kind, status, trace });
    // Replace, never splice: a loop over one of these lists may be running right now (one step can
    // decide several properties), and splicing under it would skip the next property.
    const undecided = <P extends { name: string }>(list: readonly P[]) => list.filter((candidate) => candidate.name !== name);
    this.always = undecided(this.always);
    this.steps = undecided(this.steps);
    this.sometimes = undecided(this.sometimes);
    this.eventually = undecided(this.eventually);
    if (this.options.stopAt === 'all-decided' && this.decided.size === this.selected.length) this.stop ??= 'all-decided';
  }

  private traceTo(entry: number, lastChoice: number | undefined): Trace<A> {
    const path = this.visited.pathOf(entry);
    const choices = lastChoice === undefined ? path.choices : [...path.choices, lastChoice];
    const replayed = replay(this.model, { init: path.init, choices });
    if (!replayed.ok) throw new Error(`internal: stored path does not replay (${replayed.divergence.message}); ${replayed.divergence.hint}`);
    return replayed.trace;
  }

  private poll(): void {
    this.nextPollAt = this.generated + 1024;
    const elapsed = performance.now() - this.started;
    if (this.options.signal?.aborted === true) this.stop ??= 'interrupted';
    if (elapsed >= this.options.timeoutMs) this.stop ??= 'timeout';
    const onProgress = this.options.onProgress;
    if (onProgress !== undefined && this.generated >= this.nextProgressAt) {
      this.nextProgressAt = this.generated + this.options.progressEvery;
      onProgress({
        generated: this.generated,
        distinct: this.visited.size,
        frontier: this.frontier,
        depth: this.deepest,
        elapsedMs: elapsed,
        statesPerSecond: elapsed > 0 ? (this.visited.size * 1000) / elapsed : 0,
      });
    }
  }

  private finish(): void {
    if (this.stop === undefined) this.stop = this.cut > 0 ? 'max-depth' : 'exhausted';
  }

  result(): ExhaustiveResult<A> {
    const complete = this.stop === 'exhausted';
    const acyclic = this.nonForward === 0;
    const verdicts = this.selected.map((property): PropertyVerdict<A> => {
      const note = property.kind === 'eventually' ? eventuallyNote(acyclic) : undefined;
      const decided = this.decided.get(property.name);
      if (decided !== undefined) return note === undefined ? decided : { ...decided, note };
      const status = undecidedStatus(property.kind, complete);
      return note === undefined ? { property: property.name, kind: property.kind, status } : { property: property.name, kind: property.kind, status, note };
    });
    const distinct = this.visited.size;
    return {
      mode: this.options.mode === 'dfs' ? 'dfs' : 'bfs',
      model: this.model.name,
      verdicts,
      error: this.error,
      coverage: {
        storage: this.options.storage,
        generated: this.generated,
        distinct,
        transitions: this.generated - this.initialCount,
        maxDepthReached: this.deepest,
        terminalStates: this.terminal,
        frontierCut: this.cut,
        nonForwardEdges: this.nonForward,
        elapsedMs: performance.now() - this.started,
        exhausted: complete,
        stoppedBy: this.stop ?? 'exhausted',
        collisionProbability: this.options.storage === 'fingerprint' ? collisionProbability(distinct, this.generated) : undefined,
        visitedBytes: this.visited.bytesUsed(),
      },
    };
  }
}

function eventuallyNote(acyclic: boolean): string {
  return acyclic
    ? 'checked at quiescence: every reachable terminal state satisfies it; the explored graph is acyclic, so every explored run reaches a terminal state or the bound'
    : 'checked at quiescence only: terminal states satisfy it, but the graph may have cycles, and runs that cycle forever are not checked';
}
