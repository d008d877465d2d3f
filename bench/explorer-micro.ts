/**
 * Micro-benchmark of the explorer's hot path (successors, fingerprinting, visited set, frontier) on
 * a synthetic product of counters whose states are plain numbers, so the figures measure the
 * checker, not a model. Run: node --expose-gc --import tsx bench/explorer-micro.ts [k] [n]   (k counters in [0, n): n^k states)
 * Prints distinct states/s and visited-set + retained bytes per state for BFS and DFS.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { explore } from '../src/checker/explore.ts';
import { resolveOptions } from '../src/checker/options.ts';
import { counterGrid } from '../test/fixtures/toy-models.ts';

const k = Number(process.argv[2] ?? 4);
const n = Number(process.argv[3] ?? 40);
const only = process.argv[4] as 'bfs' | 'dfs' | undefined;
if (only === undefined) {
  // One fresh process per mode, so one run's garbage never skews the other's memory figure.
  for (const mode of ['bfs', 'dfs']) {
    spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), String(k), String(n), mode], { stdio: 'inherit' });
  }
  process.exit(0);
}
const gc = (globalThis as { gc?: () => void }).gc;
const memory = (): number => {
  gc?.();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
};

for (const mode of [only]) {
  const model = counterGrid(k, n);
  const resolution = resolveOptions(model, { mode, stopAt: 'exhausted' });
  if (!resolution.ok) throw new Error(resolution.errors.map((error) => error.message).join('; '));
  const before = memory();
  const started = performance.now();
  const { result, visited } = explore(model, resolution.options);
  const seconds = (performance.now() - started) / 1000;
  const after = memory();
  const { distinct, generated } = result.coverage;
  console.log(
    `${mode}: ${model.name} distinct=${distinct} generated=${generated} in ${seconds.toFixed(2)}s → ` +
      `${Math.round(distinct / seconds).toLocaleString('en')} distinct/s, ${Math.round(generated / seconds).toLocaleString('en')} generated/s; ` +
      `memory growth ${((after - before) / distinct).toFixed(1)} B/state${gc === undefined ? ' (run with --expose-gc for exact figures)' : ''}, ` +
      `visited set ${(visited.bytesUsed() / distinct).toFixed(1)} B/state, stoppedBy=${result.coverage.stoppedBy}`,
  );
}
