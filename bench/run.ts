/**
 * The explorer benchmark on the serverless semantics: `npm run bench [-- --json] [--quick] [--only <name>] [--one-core]`.
 *
 * Workload (deterministic): every member of `bench/family.ts` under `reuse` (repaired), explored
 *   - exhaustively by BFS and by DFS (fingerprint storage, all properties, `stopAt: 'exhausted'`, so
 *     the whole reachable space is visited and every property is evaluated on it), rate = distinct
 *     states per second;
 *   - by random simulation (fixed seed 0xa11ce, 20 000 runs of depth ≤ 100, the properties that hold
 *     under reuse (repaired) so no run stops early to shrink), rate = simulated steps per second;
 * plus one member with the immer engine vs the fast engine (why the fast engine exists), and the time
 * to find the running example's lost write under reuse in-process (`check(model, {mode: 'bfs',
 * properties: ['no-lost-write']})` on models/paper/running-example, module load excluded).
 *
 * Each measurement runs in a fresh child process (`--expose-gc`), so one run's garbage and JIT state
 * never skew another's memory or speed figures. Memory: bytes per stored state = visited-set bytes /
 * distinct (the explorer's own structures: 64-bit fingerprint, parent, choice, depth, hash slots), and
 * retained growth / distinct = (heap + array buffers after the run, after `gc()`, with the visited set
 * still referenced) − (the same before the run); peak RSS from `process.resourceUsage().maxRSS`, peak
 * heap sampled every 65 536 generated states. `--one-core` runs the children with V8's
 * `--single-threaded` (no concurrent GC or compiler threads): the explorer itself is always
 * single-threaded, this also keeps the garbage collector off the second core.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { check, explore, resolveOptions, type Model } from '../src/checker/index.ts';
import { unwrap } from '../src/errors.ts';
import type { ModelDefinition } from '../src/semantics/define-model.ts';
import { buildModel } from '../src/semantics/model.ts';
import { FAMILY, memberName, runningExampleFamily } from './family.ts';

type Mode = 'bfs' | 'dfs' | 'random';
type Engine = 'fast' | 'immer';
type Job = { readonly kind: 'explore'; readonly n: number; readonly k: number; readonly mode: Mode; readonly engine: Engine } | { readonly kind: 'lost-write' };

interface Row {
  readonly model: string;
  readonly mode: Mode | 'bfs-lost-write';
  readonly engine: Engine;
  readonly semantics: 'reuse';
  readonly variant: 'repaired';
  /** Distinct states (exhaustive modes); null for random simulation, which keeps no visited set. */
  readonly distinctStates: number | null;
  readonly expectedStates: number | null;
  readonly generatedStates: number | null;
  readonly steps: number | null;
  readonly runs: number | null;
  readonly statesPerSecond: number;
  readonly rateUnit: 'distinct/s' | 'steps/s';
  /** Visited-set bytes / distinct states (fingerprint storage). */
  readonly bytesPerState: number | null;
  /** Heap + array-buffer growth over the run (after gc, visited set alive) / distinct states. */
  readonly retainedBytesPerState: number | null;
  readonly peakRssBytes: number;
  readonly peakHeapBytes: number;
  readonly maxDepth: number;
  readonly elapsedMs: number;
  readonly note?: string;
}

const RANDOM_SEED = 0xa11ce;
const RANDOM_RUNS = 20_000;
/** Properties that hold under reuse (repaired) on every member: random runs never stop to shrink. */
const HOLDING = ['one-event-at-a-time', 'done-is-final', 'no-computation-off-event', 'respond-at-most-once', 'responded-before-end', 'no-stuck-event'];
const IMMER_MEMBER = { n: 2, k: 3 };
const QUICK_LIMIT = 10_000;

const gc = (globalThis as { gc?: () => void }).gc;
const heapNow = (): number => {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
};
const settledHeap = (): number => {
  gc?.();
  gc?.();
  return heapNow();
};
const peakRss = (): number => process.resourceUsage().maxRSS * 1024;

function serverless(def: ModelDefinition, engine: Engine): Model<unknown, unknown> {
  return unwrap(buildModel(def, { semantics: 'reuse', variant: 'repaired', engine })) as unknown as Model<unknown, unknown>;
}

function runExplore(job: Extract<Job, { kind: 'explore' }>): Row {
  const member = FAMILY.find((m) => m.n === job.n && m.k === job.k);
  const model = serverless(runningExampleFamily(job.n, job.k), job.engine);
  const base = { model: memberName(job.n, job.k), mode: job.mode, engine: job.engine, semantics: 'reuse', variant: 'repaired' } as const;
  let peakHeap = 0;
  const sample = (): void => {
    const h = heapNow();
    if (h > peakHeap) peakHeap = h;
  };
  const before = settledHeap();
  if (job.mode === 'random') {
    let calls = 0;
    const next = model.next.bind(model);
    const sampled: Model<unknown, unknown> = { ...model, next: (s, a) => ((++calls & 0xffff) === 0 && sample(), next(s, a)) };
    const outcome = check(sampled, { mode: 'random', seed: RANDOM_SEED, runs: RANDOM_RUNS, maxDepth: 100, properties: HOLDING, stopAt: 'exhausted' });
    if (!outcome.ok || outcome.result.mode !== 'random') throw new Error('random check failed');
    sample();
    const c = outcome.result.coverage;
    return {
      ...base, distinctStates: null, expectedStates: null, generatedStates: null, steps: c.steps, runs: c.runs,
      statesPerSecond: (c.steps * 1000) / c.elapsedMs, rateUnit: 'steps/s', bytesPerState: null, retainedBytesPerState: null,
      peakRssBytes: peakRss(), peakHeapBytes: peakHeap, maxDepth: c.maxDepthReached, elapsedMs: c.elapsedMs,
    };
  }
  const resolution = resolveOptions(model, { mode: job.mode, storage: 'fingerprint', stopAt: 'exhausted', onProgress: sample, progressEvery: 65_536 });
  if (!resolution.ok) throw new Error(resolution.errors.map((e) => e.message).join('; '));
  const { result, visited } = explore(model, resolution.options);
  sample();
  const after = settledHeap();
  const c = result.coverage;
  if (visited.size !== c.distinct) throw new Error('internal: visited set and coverage disagree');
  const expected = member?.reuseStates ?? null;
  return {
    ...base, distinctStates: c.distinct, expectedStates: expected, generatedStates: c.generated, steps: null, runs: null,
    statesPerSecond: (c.distinct * 1000) / c.elapsedMs, rateUnit: 'distinct/s', bytesPerState: c.visitedBytes / c.distinct,
    retainedBytesPerState: (after - before) / c.distinct, peakRssBytes: peakRss(), peakHeapBytes: peakHeap, maxDepth: c.maxDepthReached, elapsedMs: c.elapsedMs,
    ...(expected !== null && expected !== c.distinct ? { note: `MISMATCH: expected ${expected} distinct states` } : {}),
  };
}

async function runLostWrite(): Promise<Row> {
  const def = (await import('../models/paper/running-example/model.ts')).default as ModelDefinition;
  const model = serverless(def, 'fast');
  const once = (): { ms: number; distinct: number; depth: number; status: string } => {
    const started = performance.now();
    const outcome = check(model, { mode: 'bfs', properties: ['no-lost-write'] });
    const ms = performance.now() - started;
    if (!outcome.ok || outcome.result.mode !== 'bfs') throw new Error('lost-write check failed');
    const verdict = outcome.result.verdicts[0]!;
    return { ms, distinct: outcome.result.coverage.distinct, depth: verdict.status === 'violated' ? verdict.trace.steps.length : -1, status: verdict.status };
  };
  const first = once();
  const warm: number[] = [];
  for (let i = 0; i < 50; i++) warm.push(once().ms);
  warm.sort((a, b) => a - b);
  const median = warm[warm.length >> 1]!;
  return {
    model: 'paper/running-example', mode: 'bfs-lost-write', engine: 'fast', semantics: 'reuse', variant: 'repaired',
    distinctStates: first.distinct, expectedStates: null, generatedStates: null, steps: null, runs: null,
    statesPerSecond: (first.distinct * 1000) / first.ms, rateUnit: 'distinct/s', bytesPerState: null, retainedBytesPerState: null,
    peakRssBytes: peakRss(), peakHeapBytes: heapNow(), maxDepth: first.depth, elapsedMs: first.ms,
    note: `no-lost-write ${first.status} after ${first.distinct} states, trace of ${first.depth} steps; first call ${first.ms.toFixed(1)} ms, warm median of 50: ${median.toFixed(2)} ms`,
  };
}

function jobsFor(quick: boolean, only: string | undefined): Job[] {
  const jobs: Job[] = [];
  for (const m of FAMILY) {
    if (quick && m.reuseStates > QUICK_LIMIT) continue;
    if (only !== undefined && !memberName(m.n, m.k).includes(only)) continue;
    for (const mode of ['bfs', 'dfs', 'random'] as const) jobs.push({ kind: 'explore', n: m.n, k: m.k, mode, engine: 'fast' });
  }
  const immer = quick ? { n: 2, k: 2 } : IMMER_MEMBER;
  if (only === undefined || memberName(immer.n, immer.k).includes(only)) {
    for (const engine of ['immer', 'fast'] as const) jobs.push({ kind: 'explore', ...immer, mode: 'bfs', engine });
  }
  if (only === undefined || 'paper/running-example lost-write'.includes(only)) jobs.push({ kind: 'lost-write' });
  return jobs;
}

const fmtInt = (x: number | null): string => (x === null ? '–' : Math.round(x).toLocaleString('en'));
const fmtBytes = (x: number): string => `${(x / 2 ** 20).toFixed(0)} MiB`;

function tableLine(r: Row): string {
  const cols = [
    r.model.padEnd(26), r.mode.padEnd(14), r.engine.padEnd(5), fmtInt(r.distinctStates ?? r.steps).padStart(10), `${fmtInt(r.statesPerSecond)} ${r.rateUnit}`.padStart(20),
    (r.bytesPerState === null ? '–' : r.bytesPerState.toFixed(1)).padStart(7), (r.retainedBytesPerState === null ? '–' : r.retainedBytesPerState.toFixed(1)).padStart(8),
    fmtBytes(r.peakRssBytes).padStart(9), fmtBytes(r.peakHeapBytes).padStart(9), String(r.maxDepth).padStart(5), `${(r.elapsedMs / 1000).toFixed(2)} s`.padStart(9),
  ];
  return `| ${cols.join(' | ')} |${r.note ? ` ${r.note}` : ''}`;
}

const HEADER =
  `| ${'model'.padEnd(26)} | ${'mode'.padEnd(14)} | ${'eng.'.padEnd(5)} | ${'states'.padStart(10)} | ${'rate'.padStart(20)} | ${'B/state'.padStart(7)} | ${'retained'.padStart(8)} | ${'peak RSS'.padStart(9)} | ${'peak heap'.padStart(9)} | depth | ${'elapsed'.padStart(9)} |\n` +
  `|${'-'.repeat(28)}|----------------|-------|-----------:|---------------------:|--------:|---------:|----------:|----------:|------:|----------:|`;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const childAt = args.indexOf('--child');
  if (childAt >= 0) {
    const job = JSON.parse(args[childAt + 1]!) as Job;
    const row = job.kind === 'lost-write' ? await runLostWrite() : runExplore(job);
    process.stdout.write(`${JSON.stringify(row)}\n`);
    return;
  }
  const json = args.includes('--json');
  const quick = args.includes('--quick');
  const oneCore = args.includes('--one-core');
  const onlyAt = args.indexOf('--only');
  const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;
  if (gc === undefined) console.error('warning: run with --expose-gc (npm run bench does) for exact memory figures');
  const jobs = jobsFor(quick, only);
  if (jobs.length === 0) {
    console.error(`no benchmark matches --only ${only}; members: ${FAMILY.map((m) => memberName(m.n, m.k)).join(', ')}, lost-write`);
    process.exit(2);
  }
  const execArgv = [...process.execArgv, ...(oneCore ? ['--single-threaded'] : [])];
  if (!json) {
    console.log(`afterlife bench — Node ${process.version}, reuse (repaired), fingerprint storage${oneCore ? ', V8 --single-threaded' : ''}`);
    console.log(HEADER);
  }
  let failed = false;
  for (const job of jobs) {
    const child = spawnSync(process.execPath, [...execArgv, fileURLToPath(import.meta.url), '--child', JSON.stringify(job)], { encoding: 'utf8', maxBuffer: 1 << 24 });
    const line = child.stdout.trim().split('\n').pop() ?? '';
    if (child.status !== 0 || !line.startsWith('{')) {
      failed = true;
      console.error(`benchmark ${JSON.stringify(job)} failed (exit ${child.status}):\n${child.stderr}`);
      continue;
    }
    const row = JSON.parse(line) as Row;
    if (row.note?.startsWith('MISMATCH')) failed = true;
    console.log(json ? JSON.stringify(row) : tableLine(row));
  }
  if (failed) process.exitCode = 1;
}

await main();
