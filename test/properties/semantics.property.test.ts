/**
 * Semantics laws on random programs (issue 2's laws, issue 3 item 8).
 *
 * Each law is a fast-check property over random valid programs (`test/arbitraries/programs.ts`),
 * decided by exhaustive exploration with the checker (`check` / `explore`). Every law is written once,
 * parameterised by how the model (or the engine) is built, and then run twice:
 * - on the real semantics, with `fc.assert` — it must hold;
 * - on a deliberately broken semantics or engine, with `fc.check` — it must be *falsified*, which
 *   shows the law has teeth. Semantics are data (`SEMANTICS`, `RuleContext`), so most breakages are
 *   one-field changes of the rule table (see `withSemantics`).
 * All runs use one fixed seed (`SEED`, override with AFL_SEED); fast-check prints seed and path on
 * failure, so a failing program is reproduced with `{seed, path}`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { check, enumerateCounterexamples, explore, pathOfTrace, replay, resolveOptions, stateKeyOf } from '../../src/checker/index.ts';
import type { Action } from '../../src/semantics/actions.ts';
import type { ModelDefinition } from '../../src/semantics/define-model.ts';
import { encodeValue } from '../../src/semantics/encode.ts';
import type { ServerlessModel } from '../../src/semantics/model.ts';
import type { ServerlessProperty } from '../../src/semantics/properties.ts';
import type { Draft_, RuleContext } from '../../src/semantics/rules/context.ts';
import { SEMANTICS, type SemanticsName, type Variant } from '../../src/semantics/semantics.ts';
import { isEvent, type State } from '../../src/semantics/state.ts';
import { applyRule, nextFast, nextWithImmer } from '../../src/semantics/step.ts';
import { arbitraryProgram, disciplinedProgram } from '../arbitraries/programs.ts';
import { deepFreeze } from '../laws.ts';
import { build, exhaustive, params, reachable, statusOf, VARIANTS, withProperties, withSemantics } from './helpers.ts';

const RUNS = Number(process.env.AFL_RUNS ?? 200);

/**
 * Runs a law that must be falsified (on a broken semantics or engine) and returns fast-check's
 * report of the counterexample, so a test can also check *why* it failed.
 */
function falsified<Ts>(property: fc.IProperty<Ts>, numRuns = RUNS): string {
  const r = fc.check(property, params(numRuns) as fc.Parameters<Ts>);
  expect(r.failed, 'the law was not falsified by the broken semantics').toBe(true);
  const e = r.errorInstance;
  return e instanceof Error ? e.message : String(e);
}

// ---------------------------------------------------------------------------------------------
// Deliberately broken semantics (rule tables that differ from the paper's in one premise)

/** "decoupled" whose End Event fires on the response without waiting for Pr = ∅ (the Fig. 5 End). */
const endIgnoresPending = { ...SEMANTICS.decoupled, endEvent: 'fig5/end-event', hasRespondRule: false } as const;
/** …and whose Start Event does not wait for Pr = ∅ either (Fig. 4's Start Event). */
const startAndEndIgnorePending = { ...endIgnoresPending, startEvent: 'fig4/start-event' } as const;
/** "reuse" whose environment is never scaled down (no Invalidate Env). */
const reuseNeverInvalidated = { ...SEMANTICS.reuse, hasInvalidate: false } as const;

/** "decoupled" whose Respond waits for Pr = ∅ (it degenerates to wait-all's latency). */
function respondWaitsForPending(m: ServerlessModel): ServerlessModel {
  return { ...m, actions: (s) => m.actions(s).filter((a) => a.rule !== 'fig7/respond' || s.pending.length === 0) };
}

// ---------------------------------------------------------------------------------------------
// 1. Theorems 5.1 and 5.2 and no-lost-write under decoupled, on disciplined programs

type Maker = (def: ModelDefinition, variant: Variant) => ServerlessModel;
const DECOUPLED_CLAIMS = ['resolved-before-end', 'no-foreign-promises', 'no-lost-write'] as const;

/** Every claim holds, exhaustively, under both variants, on disciplined (Fig. 8) programs. */
const decoupledSafe = (make: Maker, claims: readonly string[]) =>
  fc.property(disciplinedProgram({ respondEarly: true }), ({ disciplined }) => {
    for (const variant of VARIANTS) {
      const r = exhaustive(make(disciplined, variant), { properties: claims });
      for (const claim of claims) expect(statusOf(r, claim), `${claim} (${variant})`).toBe('holds');
    }
  });

describe('decoupled (Fig. 7) on disciplined programs: Theorem 5.1, Theorem 5.2, no lost write', () => {
  const decoupled: Maker = (def, variant) => build(def, 'decoupled', variant);
  it('hold on every random disciplined program, literal and repaired', () => {
    fc.assert(decoupledSafe(decoupled, DECOUPLED_CLAIMS), params(RUNS));
  });

  const broken: Record<(typeof DECOUPLED_CLAIMS)[number], [string, Maker]> = {
    'resolved-before-end': ['End Event does not wait for Pr = ∅', (def, v) => withSemantics(build(def, 'decoupled', v), endIgnoresPending)],
    'no-lost-write': ['End Event does not wait for Pr = ∅', (def, v) => withSemantics(build(def, 'decoupled', v), endIgnoresPending)],
    // With only End broken, Fig. 7's Start Event (Pr = ∅) still keeps foreign promises out.
    'no-foreign-promises': ['neither Start nor End Event waits for Pr = ∅', (def, v) => withSemantics(build(def, 'decoupled', v), startAndEndIgnorePending)],
  };
  for (const claim of DECOUPLED_CLAIMS) {
    const [what, make] = broken[claim];
    it(`${claim} is falsified when ${what}`, () => {
      expect(falsified(decoupledSafe(make, [claim]))).toMatch(new RegExp(`^${claim} \\((literal|repaired)\\): expected 'violated' to be 'holds'`));
    });
  }
});

// ---------------------------------------------------------------------------------------------
// 2. reuse loses a write exactly when it can respond while a write is pending

/**
 * The right-hand side, as a reachability witness over the same model's states: an event is being
 * processed, M(response) is set, and some pending promise's chain still has a write to perform.
 */
function respondWhileWritePending(m: ServerlessModel): ServerlessProperty {
  const chains = m.ctx.program.chains;
  return {
    kind: 'sometimes',
    name: 'respond-while-write-pending',
    description: 'E is an event, M(response) is set, and a pending promise still has a write ahead',
    holds: (s) => isEvent(s.env) && s.frame !== null && s.frame.response !== undefined && s.pending.some((p) => chains[p.chain]!.writesFrom[p.at]!),
  };
}

/**
 * Why `no-lost-write` is violated under reuse iff `respond-while-write-pending` is witnessed (both
 * variants):
 * (⇐) In such a state Fig. 5's End Event is enabled (its only premise is M(response) = v); it leaves
 *   Pr unchanged and sets E := f, where Invalidate Env is always enabled: E := d with the write's
 *   promise still in Pr — a lost write. (Repaired: the frozen promise cannot move at E = f; literal:
 *   we simply take Invalidate first.)
 * (⇒) Under reuse E becomes d only by Invalidate Env from E = f, and E = f is entered only initially
 *   (Pr = ∅) or by End Event, which needs M(response) set and does not touch Pr. Between that End and
 *   the Invalidate only End Asynchronous Task can fire (main does not run at E = f, so no chain is
 *   started), and it only removes promises or advances a chain past its step: `writesFrom` is
 *   monotone along a chain, so the promise with a write ahead at E = d already had one right before
 *   that End — a state where the right-hand side holds.
 */
const lostWriteIff = (make: Maker, tally?: { lost: number; kept: number }) =>
  fc.property(arbitraryProgram, (def) => {
    for (const variant of VARIANTS) {
      const m = make(def, variant);
      const lost = statusOf(exhaustive(m, { properties: ['no-lost-write'] }), 'no-lost-write') === 'violated';
      const rhs = statusOf(exhaustive(withProperties(m, [respondWhileWritePending(m)])), 'respond-while-write-pending') === 'witnessed';
      expect(lost, `${variant}: no-lost-write violated = ${lost}, can respond with a write pending = ${rhs}`).toBe(rhs);
      if (tally) tally[lost ? 'lost' : 'kept']++;
    }
  });

describe('reuse (Fig. 5): a write is lost exactly when the event can respond while a write is pending', () => {
  it('on every random program, literal and repaired (both outcomes occur)', () => {
    const tally = { lost: 0, kept: 0 };
    fc.assert(lostWriteIff((def, v) => build(def, 'reuse', v), tally), params(RUNS));
    expect(tally.lost).toBeGreaterThan(0);
    expect(tally.kept).toBeGreaterThan(0);
  });

  it('is falsified by a reuse whose environment is never invalidated', () => {
    expect(falsified(lostWriteIff((def, v) => withSemantics(build(def, 'reuse', v), reuseNeverInvalidated)))).toMatch(/no-lost-write violated = false, can respond with a write pending = true/);
  });
});

// ---------------------------------------------------------------------------------------------
// 3. wait-all and decoupled: same final databases, decoupled responds no later

/** A canonical string of the database (values encoded by the model's own canonical encoding). */
function dbKey(s: State): string {
  let out = '';
  const sink = { int: (n: number) => void (out += `i${n},`), str: (x: string) => void (out += `s${x.length}:${x}`) };
  for (const v of s.db) encodeValue(v, sink);
  return out;
}

/** The databases of all reachable terminal states (an `eventually` property sees every one of them). */
function finalDatabases(m: ServerlessModel): string[] {
  const dbs = new Set<string>();
  const collect: ServerlessProperty = { kind: 'eventually', name: 'collect-final-db', description: 'records the database of each terminal state', holds: (s) => (dbs.add(dbKey(s)), true) };
  exhaustive(withProperties(m, [collect]));
  return [...dbs].sort();
}

/** BFS depth of the first state in which a response has been sent (Infinity if none). */
function firstResponseDepth(m: ServerlessModel): number {
  const responded: ServerlessProperty = { kind: 'sometimes', name: 'responded', description: 'some response has been sent', holds: (s) => s.log.some((e) => e.responses.length > 0) };
  const v = exhaustive(withProperties(m, [responded]), { mode: 'bfs' }).verdicts[0]!;
  return v.status === 'witnessed' ? v.trace.steps.length : Infinity;
}

/**
 * Programs here answer with main's last command (`respondEarly: false`). Why: Fig. 6's End Event
 * fires as soon as M(response) is set and Pr = ∅, dropping the rest of main; after an early
 * `respond` that can happen before main starts a chain (pattern P2), so wait-all really can lose
 * work decoupled does — a true difference, not a counterexample to this law. With the response last,
 * both semantics run the same interleavings of main and the chains to completion before the event
 * ends (the port's ALL chain only calls end()), so the reachable (globals, DB) at each event's end —
 * and hence after the last event or an Invalidate — coincide. Only the repaired decoupled rules are
 * compared: the literal End Event does not need a response (gap 1) and may cut main short.
 */
const sameFinalDatabases = (makeDecoupled: (def: ModelDefinition) => ServerlessModel) =>
  fc.property(disciplinedProgram({ respondEarly: false }), ({ disciplined, core }) => {
    expect(finalDatabases(makeDecoupled(disciplined))).toEqual(finalDatabases(build(core, 'wait-all', 'repaired')));
  });

/**
 * The port adds one main command, `start(ALL)`, which every run executes before main can answer;
 * ALL's own settlement is never needed for the response. So a wait-all run to its End Event, with
 * `start(ALL)` inserted, is a decoupled run to a state where Respond is enabled: decoupled ≤ wait-all
 * + 1. It is strictly faster whenever every fastest wait-all run has to wait for a pending chain.
 */
const respondsNoLater = (makeDecoupled: (def: ModelDefinition) => ServerlessModel, tally?: { faster: number; total: number }) =>
  fc.property(disciplinedProgram({ respondEarly: false }), ({ disciplined, core }) => {
    const decoupled = firstResponseDepth(makeDecoupled(disciplined));
    const waitAll = firstResponseDepth(build(core, 'wait-all', 'repaired'));
    expect(waitAll).toBeLessThan(Infinity);
    expect(decoupled, `decoupled responds at depth ${decoupled}, wait-all at ${waitAll}`).toBeLessThanOrEqual(waitAll + 1);
    if (tally) {
      tally.total++;
      if (decoupled < waitAll + 1) tally.faster++;
    }
  });

describe('wait-all (Fig. 6) vs decoupled (Fig. 7) on disciplined programs', () => {
  const decoupled = (def: ModelDefinition) => build(def, 'decoupled', 'repaired');
  it('reach the same set of final databases', () => {
    fc.assert(sameFinalDatabases(decoupled), params(RUNS));
  });
  it('decoupled sends its first response no later (up to the port’s one extra command), often sooner', () => {
    const tally = { faster: 0, total: 0 };
    fc.assert(respondsNoLater(decoupled, tally), params(RUNS));
    expect(tally.faster).toBeGreaterThan(0);
  });
  it('final databases differ when decoupled’s End Event does not wait for Pr = ∅', () => {
    expect(falsified(sameFinalDatabases((def) => withSemantics(decoupled(def), endIgnoresPending)))).toMatch(/to deeply equal/);
  });
  it('the latency law is falsified when Respond waits for Pr = ∅', () => {
    expect(falsified(respondsNoLater((def) => respondWaitsForPending(decoupled(def))))).toMatch(/^decoupled responds at depth \d+, wait-all at \d+/);
  });
});

// ---------------------------------------------------------------------------------------------
// Any program under any semantics it is meant for

interface Case {
  readonly def: ModelDefinition;
  readonly semantics: SemanticsName;
  readonly variant: Variant;
}
const anyCase: fc.Arbitrary<Case> = fc.oneof(
  fc.tuple(arbitraryProgram, fc.constantFrom<SemanticsName>('single', 'reuse', 'wait-all'), fc.constantFrom(...VARIANTS)).map(([def, semantics, variant]) => ({ def, semantics, variant })),
  fc.tuple(disciplinedProgram({ respondEarly: true }), fc.constantFrom(...VARIANTS)).map(([p, variant]) => ({ def: p.disciplined, semantics: 'decoupled' as const, variant })),
);
const buildCase = (c: Case) => build(c.def, c.semantics, c.variant);

// 4. BFS and DFS find the same states; fingerprint and exact storage agree

const searchesAgree = (make: (c: Case) => ServerlessModel) =>
  fc.property(anyCase, fc.option(fc.integer({ min: 0, max: 14 }), { nil: undefined }), (c, maxDepth) => {
    const summary = (mode: 'bfs' | 'dfs', storage: 'fingerprint' | 'exact') => {
      const r = check(make(c), { mode, storage, stopAt: 'exhausted', maxStates: 200_000, ...(maxDepth === undefined ? {} : { maxDepth }) });
      if (!r.ok || r.result.mode === 'random') throw new Error('bad options');
      const { distinct, generated, terminalStates, frontierCut, stoppedBy } = r.result.coverage;
      expect(stoppedBy).toMatch(/^(exhausted|max-depth)$/);
      // Within a depth bound, DFS re-expands states it first met too deep, so it may generate more.
      return { distinct, terminalStates, frontierCut, ...(maxDepth === undefined ? { generated } : {}), verdicts: r.result.verdicts.map((v) => `${v.property}: ${v.status}`) };
    };
    const bfs = summary('bfs', 'fingerprint');
    expect(summary('dfs', 'fingerprint'), 'BFS vs DFS').toEqual(bfs);
    expect(summary('bfs', 'exact'), 'fingerprint vs exact (BFS)').toEqual(bfs);
    expect(summary('dfs', 'exact'), 'fingerprint vs exact (DFS)').toEqual(bfs);
  });

/**
 * A memoising engine whose cache key forgets most of the state (E, |Pr|, main's pc, the action): its
 * successors depend on which state filled the cache first, i.e. on the exploration order.
 */
function lossyCache(m: ServerlessModel): ServerlessModel {
  const cache = new Map<string, State>();
  return {
    ...m,
    next: (s, a) => {
      const key = `${String(s.env)}|${s.pending.length}|${s.frame?.pc ?? -1}|${m.formatAction(a)}`;
      let t = cache.get(key);
      if (t === undefined) cache.set(key, (t = m.next(s, a)));
      return t;
    },
  };
}

describe('explorers agree', () => {
  it('BFS and DFS, fingerprint and exact storage, with and without a depth bound: same states, same verdicts', () => {
    fc.assert(searchesAgree(buildCase), params(RUNS));
  });
  it('BFS and DFS disagree on an engine whose cache key is lossy', () => {
    expect(falsified(searchesAgree((c) => lossyCache(buildCase(c))))).toMatch(/^BFS vs DFS/);
  });
  // Fingerprint vs exact storage can only disagree through a 64-bit fingerprint collision (both
  // consume the same `encode`), which cannot be planted from the model side without editing
  // src/checker; so that half of the law has no broken-semantics test (see the report).
});

// 5. Replaying a found counterexample reproduces its final state

const countersReplay = (make: (c: Case) => ServerlessModel) =>
  fc.property(anyCase, (c) => {
    const m = make(c);
    const resolution = resolveOptions(m, { mode: 'bfs', storage: 'exact', stopAt: 'exhausted' });
    if (!resolution.ok) throw new Error('bad options');
    const { result, visited } = explore(m, resolution.options);
    const depthOf = new Map<string, number>();
    for (let e = 0; e < visited.size; e++) depthOf.set(visited.keyOf(e), visited.depthOf(e));
    const reference = build(c.def, c.semantics, c.variant, 'immer');
    for (const v of result.verdicts) {
      if (v.status !== 'violated' && v.status !== 'witnessed') continue;
      const path = pathOfTrace(v.trace);
      const mine = replay(m, path);
      if (!mine.ok) throw new Error(`${v.property}: ${mine.divergence.message}`);
      const last = mine.states[mine.states.length - 1]!;
      const key = stateKeyOf(m, last);
      // The explorer stored this state, at the trace's length for state properties (BFS: shortest).
      expect(depthOf.has(key), `${v.property}: replayed final state was never stored`).toBe(true);
      const p = m.properties.find((x) => x.name === v.property)!;
      if (p.kind !== 'always-step') expect(depthOf.get(key), `${v.property}: replay ends at another depth than the explorer stored`).toBe(path.choices.length);
      // An independent engine replays the same path to the same state.
      const ref = replay(reference, path);
      if (!ref.ok) throw new Error(`${v.property} (immer): ${ref.divergence.message}`);
      expect(stateKeyOf(reference, ref.states[ref.states.length - 1]!), `${v.property}: engines replay to different states`).toBe(key);
      // …where the verdict is true.
      if (p.kind === 'always-step') expect(p.holds(mine.states[mine.states.length - 2]!, mine.trace.steps[mine.trace.steps.length - 1]!.action, last)).toBe(false);
      else expect(p.holds(last)).toBe(p.kind === 'sometimes');
      if (p.kind === 'eventually') expect(m.actions(last)).toHaveLength(0);
    }
  });

/** An engine with hidden state: every fifth call it corrupts the database (actions are unaffected). */
function hiddenCounter(m: ServerlessModel): ServerlessModel {
  let calls = 0;
  return { ...m, next: (s, a) => {
    const t = m.next(s, a);
    return ++calls % 5 === 0 ? { ...t, db: t.db.map(() => 'stale') } : t;
  } };
}

describe('counterexample traces replay', () => {
  it('every violation and witness replays to the stored final state, with both engines', () => {
    fc.assert(countersReplay(buildCase), params(RUNS));
  });
  it('is falsified by an engine with hidden state', () => {
    expect(falsified(countersReplay((c) => hiddenCounter(buildCase(c))))).toMatch(/replayed final state was never stored|engines replay to different states|replay ends at another depth/);
  });
});

// 6. The two engines agree, and neither mutates its input

type Engine = (s: State, a: Action, ctx: RuleContext) => State;

const enginesAgree = (fast: Engine, immer: Engine) =>
  fc.property(anyCase, (c) => {
    const m = build(c.def, c.semantics, c.variant, 'immer');
    for (const { state } of reachable(m)) {
      const frozen = deepFreeze(state);
      const before = stateKeyOf(m, frozen);
      for (const a of m.actions(frozen)) {
        const viaFast = stateKeyOf(m, fast(frozen, a, m.ctx));
        const viaImmer = stateKeyOf(m, immer(frozen, a, m.ctx));
        expect(viaFast, `${m.formatState(frozen)} --${m.formatAction(a)}-->`).toBe(viaImmer);
      }
      expect(stateKeyOf(m, frozen), 'an engine mutated its input').toBe(before);
    }
  });

/** A fast engine that loses a pending promise when two or more are pending. */
const dropsPending: Engine = (s, a, ctx) => {
  const t = nextFast(s, a, ctx);
  return t.pending.length >= 2 ? { ...t, pending: t.pending.slice(0, -1) } : t;
};
/** A fast engine that copies too shallowly: it shares the globals array with its input. */
const sharesGlobals: Engine = (s, a, ctx) => {
  const f = s.frame;
  const d: Draft_ = {
    env: s.env,
    globals: s.globals as Draft_['globals'],
    frame: f === null ? null : { ...f, scope: f.scope.slice(), settled: f.settled.slice() },
    pending: s.pending.slice(),
    db: s.db.slice(),
    nextInput: s.nextInput,
    log: s.log.slice(),
  };
  applyRule(d, a, ctx);
  return d;
};

describe('engines: nextFast and nextWithImmer', () => {
  it('agree on every reachable state and enabled action, and do not mutate deep-frozen inputs', () => {
    fc.assert(enginesAgree(nextFast, nextWithImmer), params(RUNS));
  });
  it('disagree when the fast engine drops a pending promise', () => {
    expect(falsified(enginesAgree(dropsPending, nextWithImmer))).toMatch(/-->: expected/);
  });
  it('catch a fast engine that mutates its (frozen) input', () => {
    expect(falsified(enginesAgree(sharesGlobals, nextWithImmer))).toMatch(/read only property/);
  });
});

// ---------------------------------------------------------------------------------------------
// 7. The checker's other entry points agree with exhaustive BFS on serverless models

/**
 * `enumerateCounterexamples` finds a violation of a safety property iff BFS does, its least shape is
 * as short as BFS's counterexample, and each reported trace replays into a violation; random mode
 * reports only violations and witnesses that BFS confirms, with traces that replay. These laws
 * compare two checker procedures on one model, so a broken *semantics* breaks both sides alike: only
 * a checker bug can falsify them, and we do not plant one in src/checker (no broken-variant test).
 */
const checkerEntryPointsAgree = fc.property(anyCase, fc.integer({ min: 0, max: 0xffff }), (c, seed) => {
  const m = buildCase(c);
  const bfs = exhaustive(m, { mode: 'bfs' });
  const ce = enumerateCounterexamples(m, { stopAt: 'exhausted' });
  if (!ce.ok) throw new Error('bad options');
  expect(ce.report.stoppedBy).toBe('exhausted');
  for (const p of ce.report.properties) {
    const verdict = bfs.verdicts.find((v) => v.property === p.property)!;
    expect(p.rawViolations > 0, `${p.property}: enumerated ${p.rawViolations}, BFS ${verdict.status}`).toBe(verdict.status === 'violated');
    if (verdict.status === 'violated') expect(p.shapes[0]!.trace.steps.length).toBe(verdict.trace.steps.length);
    const property = m.properties.find((x) => x.name === p.property)!;
    for (const { trace } of p.shapes) {
      const r = replay(m, pathOfTrace(trace));
      if (!r.ok) throw new Error(`${p.property}: ${r.divergence.message}`);
      const last = r.states[r.states.length - 1]!;
      if (property.kind === 'always-step') expect(property.holds(r.states[r.states.length - 2]!, r.trace.steps[r.trace.steps.length - 1]!.action, last)).toBe(false);
      else if (property.kind !== 'sometimes') expect(property.holds(last)).toBe(false);
    }
  }
  const random = check(m, { mode: 'random', seed, runs: 30, maxDepth: 40, stopAt: 'exhausted' });
  if (!random.ok) throw new Error('bad options');
  for (const v of random.result.verdicts) {
    if (v.status !== 'violated' && v.status !== 'witnessed') continue;
    expect(statusOf(bfs, v.property), `random mode: ${v.property}`).toBe(v.status);
    const r = replay(m, pathOfTrace(v.trace));
    expect(r.ok).toBe(true);
  }
});

describe('counterexample enumeration and random mode agree with BFS', () => {
  it('on random programs under every semantics', () => {
    fc.assert(checkerEntryPointsAgree, params(Math.ceil(RUNS / 2)));
  });
});

// ---------------------------------------------------------------------------------------------
// 8. The paper's claims on random programs, and the digest's gaps under the literal rules

/**
 * Claims that hold on *every* program under the repaired rules (exhaustively): Lemmas 4.1, 4.2 and
 * 4.4 everywhere; Theorem 4.3 and 4.6 under single; Fig. 6 removes residual execution (Theorem 5.1,
 * 5.2 and no lost write also hold under wait-all); at most one response and a response before every
 * end under every repaired semantics; no stuck event under decoupled on disciplined programs.
 */
const CLAIMS: Record<SemanticsName, readonly string[]> = {
  single: ['one-event-at-a-time', 'done-is-final', 'at-most-one-event', 'no-computation-off-event', 'broken-promise', 'respond-at-most-once', 'responded-before-end', 'no-stuck-event'],
  reuse: ['one-event-at-a-time', 'done-is-final', 'no-computation-off-event', 'respond-at-most-once', 'responded-before-end', 'no-stuck-event'],
  'wait-all': ['one-event-at-a-time', 'done-is-final', 'no-computation-off-event', 'resolved-before-end', 'no-foreign-promises', 'no-lost-write', 'respond-at-most-once', 'responded-before-end', 'no-stuck-event'],
  decoupled: ['one-event-at-a-time', 'done-is-final', 'no-computation-off-event', 'resolved-before-end', 'no-foreign-promises', 'no-lost-write', 'respond-at-most-once', 'responded-before-end', 'no-stuck-event'],
};

const claimsHold = (variant: Variant, only?: string) =>
  fc.property(anyCase, (c) => {
    const claims = CLAIMS[c.semantics].filter((x) => only === undefined || x === only);
    if (claims.length === 0) return;
    const r = exhaustive(build(c.def, c.semantics, variant), { properties: claims });
    for (const claim of claims) expect(statusOf(r, claim), `${claim} under ${c.semantics} (${variant})`).toBe('holds');
  });

describe("the paper's claims hold on random programs under the repaired rules", () => {
  it('every claim, every semantics', () => {
    fc.assert(claimsHold('repaired'), params(RUNS));
  });
  // The literal rules are the "broken semantics" here: each gap of the digest falsifies a claim.
  it.each([
    ['broken-promise', 'gap 2: a residual promise resolves after End (single)'],
    ['no-computation-off-event', 'gap 2: End Asynchronous Task fires at E = f or d'],
    ['respond-at-most-once', 'gap 1: Respond fires twice (decoupled)'],
    ['responded-before-end', 'gap 1: end() ends an event that never responded (decoupled)'],
  ])('literal rules falsify %s (%s)', (claim) => {
    expect(falsified(claimsHold('literal', claim))).toMatch(new RegExp(`^${claim} under \\S+ \\(literal\\): expected 'violated' to be 'holds'`));
  });
});
