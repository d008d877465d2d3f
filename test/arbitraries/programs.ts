/**
 * fast-check arbitraries of random, *valid* serverless programs in the program representation
 * (`src/semantics/program.ts`), for the semantics property tests.
 *
 * Shape: 1–3 globals (initially 0), 1–2 database keys (initially undefined), 1–3 chains `A`, `B`, `C`
 * of 1–3 `await` steps (connect/read/write/timer, some `mayFail`), each optionally followed by a
 * `then`/`catch`/`finally` callback that assigns a global from an expression (literal, global, input
 * field, H, record, the previous step's `result`); `main` assigns globals, starts chains, may await
 * started ones, and answers by `return chain`, `return value`, `respond` (possibly early) or by
 * finishing (an implicit `undefined` response); 1–2 events with inputs `{v: 1}`, `{v: 2}`.
 *
 * Two flavours:
 * - `arbitraryProgram`: any such handler, for the single / reuse / wait-all semantics (no `end()`);
 * - `disciplinedProgram`: the paper's Fig. 8 port discipline for `decoupled` — every chain main
 *   starts is listed in one final chain `ALL = [allSettled(...started), andFinally(end())]`, started
 *   right after the last other start and before any `await` (so a rejected `await`, which aborts main,
 *   cannot skip it). It comes with its `core`: the same handler without `ALL` (valid under wait-all),
 *   so the two semantics can be compared on "the same program".
 *
 * State spaces stay small (a few hundred to a few thousand states, well under 20k): at most 6 await
 * steps over all chains and `mayFail` on about one step in five. Every generated program is compiled
 * under each semantics it is meant for, and the arbitrary throws if one does not compile.
 */
import fc from 'fast-check';
import {
  allSettled, andFinally, andThen, awaitChain, catchError, connect, end, field, g, H, input, lit, read, rec, respond, result, returnChain, returnValue,
  setGlobal, start, timer, write,
} from '../../src/semantics/builder.ts';
import { compileProgram } from '../../src/semantics/compile.ts';
import type { ModelDefinition } from '../../src/semantics/define-model.ts';
import type { ChainStep, Expr, MainCommand, ProgramSource, SyncCommand } from '../../src/semantics/program.ts';
import { SEMANTICS, type SemanticsName } from '../../src/semantics/semantics.ts';
import { record } from '../../src/semantics/values.ts';

const CHAIN_NAMES = ['A', 'B', 'C'] as const;
const MAX_AWAITS = 6;

interface Names {
  readonly globals: readonly string[];
  readonly keys: readonly string[];
}

/** Expressions over the declared names; `result` only where a previous chain step produced one. */
function exprArb(n: Names, withResult: boolean, depth = 1): fc.Arbitrary<Expr> {
  const leaves: fc.Arbitrary<Expr>[] = [
    fc.constantFrom<Expr>(lit(0), lit(1), lit(null)),
    fc.constantFrom(...n.globals).map(g),
    fc.constant(field(input, 'v')),
  ];
  if (withResult) leaves.push(fc.constant(result));
  const leaf = fc.oneof(...leaves);
  if (depth <= 0) return leaf;
  const sub = exprArb(n, withResult, depth - 1);
  return fc.oneof(
    { arbitrary: leaf, weight: 4 },
    { arbitrary: sub.map(H), weight: 1 },
    { arbitrary: fc.tuple(sub, sub).map(([a, b]) => rec({ a, b })), weight: 1 },
  );
}

/** A callback body: at most one global assignment. */
const bodyArb = (n: Names, withResult: boolean): fc.Arbitrary<SyncCommand[]> =>
  fc.option(fc.tuple(fc.constantFrom(...n.globals), exprArb(n, withResult)).map(([x, e]) => setGlobal(x, e)), { nil: undefined }).map((c) => (c ? [c] : []));

interface AwaitSpec {
  readonly op: 'connect' | 'read' | 'write' | 'timer';
  readonly key: string;
  readonly value: Expr;
  readonly mayFail: boolean;
  readonly callback: { readonly k: 'then' | 'catch' | 'finally'; readonly body: SyncCommand[]; readonly value: Expr | undefined } | undefined;
}

function awaitSpecArb(n: Names, index: number): fc.Arbitrary<AwaitSpec> {
  return fc.record({
    op: fc.constantFrom('connect' as const, 'read' as const, 'write' as const, 'timer' as const),
    key: fc.constantFrom(...n.keys),
    value: exprArb(n, index > 0),
    mayFail: fc.integer({ min: 0, max: 4 }).map((x) => x === 0),
    callback: fc.option(
      fc.record({
        k: fc.constantFrom('then' as const, 'catch' as const, 'finally' as const),
        body: bodyArb(n, true),
        value: fc.option(exprArb(n, true), { nil: undefined }),
      }),
      { nil: undefined, freq: 2 },
    ),
  });
}

function chainSteps(specs: readonly AwaitSpec[]): ChainStep[] {
  const steps: ChainStep[] = [];
  for (const s of specs) {
    const o = { mayFail: s.mayFail };
    steps.push(s.op === 'connect' ? connect(o) : s.op === 'read' ? read(s.key, o) : s.op === 'write' ? write(s.key, s.value, o) : timer(o));
    const cb = s.callback;
    if (cb === undefined) continue;
    if (cb.k === 'finally') steps.push(andFinally(...cb.body));
    else if (cb.k === 'then') steps.push(andThen(cb.value === undefined ? { do: cb.body } : { do: cb.body, value: cb.value }));
    else steps.push(catchError(cb.value === undefined ? { do: cb.body } : { do: cb.body, value: cb.value }));
  }
  return steps;
}

interface Skeleton {
  readonly names: Names;
  readonly chains: Record<string, ChainStep[]>;
  readonly chainNames: readonly string[];
  readonly inputs: number;
}

const skeletonArb: fc.Arbitrary<Skeleton> = fc
  .record({ globals: fc.integer({ min: 1, max: 3 }), keys: fc.integer({ min: 1, max: 2 }), lengths: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }), inputs: fc.integer({ min: 1, max: 2 }) })
  .chain(({ globals, keys, lengths, inputs }) => {
    const names: Names = { globals: Array.from({ length: globals }, (_, i) => `g${i}`), keys: Array.from({ length: keys }, (_, i) => `k${i}`) };
    // Cap the total number of await steps so the interleavings stay few.
    const capped: number[] = [];
    let budget = MAX_AWAITS;
    for (const l of lengths) {
      const c = Math.min(l, budget);
      if (c <= 0) break;
      capped.push(c);
      budget -= c;
    }
    const chainNames = CHAIN_NAMES.slice(0, capped.length);
    return fc.tuple(...capped.map((l) => fc.tuple(...Array.from({ length: l }, (_, i) => awaitSpecArb(names, i))))).map((specsPerChain) => ({
      names,
      chains: Object.fromEntries(specsPerChain.map((specs, i) => [chainNames[i]!, chainSteps(specs)])),
      chainNames,
      inputs,
    }));
  });

/** What main does, before it is checked against the chains (shrinkable intents). */
type Intent = { readonly k: 'assign'; readonly x: number; readonly e: Expr } | { readonly k: 'start' | 'await'; readonly c: number } | { readonly k: 'respond'; readonly e: Expr };
type Ending = { readonly k: 'returnChain'; readonly c: number } | { readonly k: 'return'; readonly e: Expr } | { readonly k: 'respond'; readonly e: Expr } | { readonly k: 'none' };

const intentArb = (n: Names, allowRespond: boolean): fc.Arbitrary<Intent> => {
  const kinds: fc.WeightedArbitrary<Intent>[] = [
    { arbitrary: fc.record({ k: fc.constant('assign' as const), x: fc.nat(2), e: exprArb(n, false) }), weight: 2 },
    { arbitrary: fc.record({ k: fc.constant('start' as const), c: fc.nat(2) }), weight: 3 },
    { arbitrary: fc.record({ k: fc.constant('await' as const), c: fc.nat(2) }), weight: 1 },
  ];
  if (allowRespond) kinds.push({ arbitrary: fc.record({ k: fc.constant('respond' as const), e: exprArb(n, false) }), weight: 1 });
  return fc.oneof(...kinds);
};

const endingArb = (n: Names): fc.Arbitrary<Ending> =>
  fc.oneof(
    fc.record({ k: fc.constant('returnChain' as const), c: fc.nat(2) }),
    fc.record({ k: fc.constant('return' as const), e: exprArb(n, false) }),
    fc.record({ k: fc.constant('respond' as const), e: exprArb(n, false) }),
    fc.constant({ k: 'none' as const }),
  );

/** Turns intents into a main body that compiles: awaits only of started chains, each chain started once. */
function mainOf(sk: Skeleton, intents: readonly Intent[], ending: Ending, allDiscipline: boolean): { main: MainCommand[]; started: string[] } {
  const chainAt = (c: number) => sk.chainNames[c % sk.chainNames.length]!;
  const started: string[] = [];
  const prefix: MainCommand[] = [];
  const suffix: MainCommand[] = [];
  let responded = false;
  for (const it of intents) {
    // Under the discipline, starts go before `start(ALL)` and awaits after it (see the header).
    switch (it.k) {
      case 'assign':
        (allDiscipline && started.length > 0 && suffix.length > 0 ? suffix : prefix).push(setGlobal(sk.names.globals[it.x % sk.names.globals.length]!, it.e));
        break;
      case 'start': {
        const c = chainAt(it.c);
        if (started.includes(c)) break;
        started.push(c);
        prefix.push(start(c));
        break;
      }
      case 'await': {
        const c = chainAt(it.c);
        if (!started.includes(c)) break;
        (allDiscipline ? suffix : prefix).push(awaitChain(c));
        break;
      }
      case 'respond':
        if (responded) break;
        responded = true;
        (allDiscipline && suffix.length > 0 ? suffix : prefix).push(respond(it.e));
        break;
    }
  }
  const main = allDiscipline ? [...prefix, start('ALL'), ...suffix] : [...prefix, ...suffix];
  switch (ending.k) {
    case 'returnChain': {
      const c = chainAt(ending.c);
      if (started.includes(c)) main.push(returnChain(c));
      else main.push(returnValue(lit(null)));
      break;
    }
    case 'return':
      main.push(returnValue(ending.e));
      break;
    case 'respond':
      if (!responded) main.push(respond(ending.e));
      break;
    case 'none':
      break;
  }
  // main must not be empty, also once `start(ALL)` is removed for the core program.
  if (main.every((c) => c.k === 'start' && c.chain === 'ALL')) main.push(returnValue(lit(null)));
  return { main, started };
}

function definition(name: string, sk: Skeleton, program: ProgramSource, semantics: readonly [SemanticsName, ...SemanticsName[]]): ModelDefinition {
  for (const s of semantics) {
    const compiled = compileProgram(program, { allowsEnd: SEMANTICS[s].hasRespondRule, semanticsName: s });
    if (!compiled.ok) throw new Error(`generated program does not compile under ${s}: ${JSON.stringify(compiled.errors)}\n${JSON.stringify(program)}`);
  }
  return {
    name,
    title: name,
    description: 'a random program (test/arbitraries/programs.ts)',
    source: 'fast-check',
    program,
    inputs: [record({ v: 1 }), record({ v: 2 })].slice(0, sk.inputs),
    semantics,
  };
}

function programSource(name: string, sk: Skeleton, main: MainCommand[], extraChains: Record<string, ChainStep[]> = {}): ProgramSource {
  return {
    name,
    globals: Object.fromEntries(sk.names.globals.map((x) => [x, 0])),
    db: Object.fromEntries(sk.names.keys.map((k) => [k, null])),
    chains: { ...sk.chains, ...extraChains },
    main,
  };
}

/** Flavour (a): any handler, for single / reuse / wait-all. */
export const arbitraryProgram: fc.Arbitrary<ModelDefinition> = skeletonArb.chain((sk) =>
  fc.tuple(fc.array(intentArb(sk.names, true), { minLength: 1, maxLength: 5 }), endingArb(sk.names)).map(([intents, ending]) => {
    const { main } = mainOf(sk, intents, ending, false);
    return definition('gen/arbitrary', sk, programSource('gen/arbitrary', sk, main), ['reuse', 'single', 'wait-all']);
  }),
);

export interface DisciplinedProgram {
  /** The Fig. 8 port, for `decoupled`. */
  readonly disciplined: ModelDefinition;
  /** The same handler without the `ALL` chain and its start (valid under single / reuse / wait-all). */
  readonly core: ModelDefinition;
  /** Whether main may `respond` before its last command (wait-all then ends before main finishes). */
  readonly respondsEarly: boolean;
}

/**
 * Flavour (b): decoupled-disciplined handlers. With `respondEarly: false` the response is always
 * produced by main's last command (or main's abort), which the wait-all comparison needs.
 */
export function disciplinedProgram(opts: { respondEarly: boolean }): fc.Arbitrary<DisciplinedProgram> {
  return skeletonArb.chain((sk) =>
    fc.tuple(fc.array(intentArb(sk.names, opts.respondEarly), { minLength: 1, maxLength: 5 }), endingArb(sk.names)).map(([intents, ending]) => {
      const { main, started } = mainOf(sk, intents, ending, true);
      const all = { ALL: [allSettled(...started), andFinally(end())] };
      const disciplined = definition('gen/disciplined', sk, programSource('gen/disciplined', sk, main, all), ['decoupled']);
      const coreMain = main.filter((c) => !(c.k === 'start' && c.chain === 'ALL'));
      const core = definition('gen/core', sk, programSource('gen/core', sk, coreMain), ['wait-all', 'reuse', 'single']);
      const respondsEarly = main.some((c, i) => c.k === 'respond' && i < main.length - 1);
      return { disciplined, core, respondsEarly };
    }),
  );
}
