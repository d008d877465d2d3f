/**
 * A scalable family of serverless models for benchmarks: the paper's running example (Fig. 1)
 * generalised to N events and K un-awaited write chains.
 *
 * `running-example[N=n,K=k]`: module-level `val` and `hash`; main sets them from the event (as in
 * Fig. 1), starts K chains W1..WK — each `connect → write(wk, {val, hash}) → catch`, reading the
 * globals when the write is issued — without awaiting them, then starts and returns the read chain R
 * (`connect → read(w1) → {stored, hash}`). Inputs are the records {val: 42}, {val: 112}, {val: 182}, …
 * N=2, K=1 is the running example itself (same program shape, db key renamed), so its state count
 * under every semantics equals the paper model's (342 under reuse).
 *
 * The state space grows with the interleavings of the K + 1 chains of every event that are still
 * pending when later events run (reuse lets them straddle events), so N and K together pick the
 * size: see `FAMILY` for measured distinct-state counts under reuse (repaired).
 */
import { andThen, catchError, connect, defineProgram, field, g, H, input, read, rec, result, returnChain, setGlobal, start, write } from '../src/semantics/builder.ts';
import { defineModel, type ModelDefinition } from '../src/semantics/define-model.ts';
import type { DbInvariant } from '../src/semantics/properties.ts';
import type { ChainStep, MainCommand } from '../src/semantics/program.ts';
import { fieldOf, hashOf, record, valueEquals, type Value } from '../src/semantics/values.ts';

export interface FamilyMember {
  readonly n: number;
  readonly k: number;
  /** Distinct states under reuse (repaired), measured with exhaustive BFS; pinned by bench/run.ts. */
  readonly reuseStates: number;
}

/**
 * The members the benchmark runs, smallest first. `reuseStates` are measured (bench/run.ts prints
 * them; a mismatch there means the semantics or the encoding changed).
 */
export const FAMILY: readonly FamilyMember[] = [
  { n: 2, k: 1, reuseStates: 342 },
  { n: 3, k: 1, reuseStates: 4_781 },
  { n: 2, k: 2, reuseStates: 6_415 },
  { n: 4, k: 1, reuseStates: 92_124 },
  { n: 2, k: 3, reuseStates: 132_586 },
  { n: 3, k: 2, reuseStates: 886_702 },
  { n: 5, k: 1, reuseStates: 2_268_726 },
];

export const memberName = (n: number, k: number): string => `running-example[N=${n},K=${k}]`;

/** `db-consistent` over every written key: each stored record has hash = H(val). */
function allConsistent(keys: readonly string[]): DbInvariant {
  return {
    name: 'db-consistent',
    description: `every record stored at ${keys.map((key) => `'${key}'`).join(', ')} (if any) has hash = H(val)`,
    holds: (db) =>
      keys.every((key) => {
        const r = db(key);
        return r === null || valueEquals(fieldOf(r, 'hash'), hashOf(fieldOf(r, 'val')));
      }),
  };
}

export function runningExampleFamily(n: number, k: number): ModelDefinition {
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(k) || k < 1) throw new Error(`family member needs N ≥ 1 and K ≥ 1 (got N=${n}, K=${k})`);
  const keys = Array.from({ length: k }, (_, i) => `w${i + 1}`);
  const chains: Record<string, readonly ChainStep[]> = {};
  const db: Record<string, Value> = {};
  for (const [i, key] of keys.entries()) {
    chains[`W${i + 1}`] = [connect(), write(key, rec({ val: g('val'), hash: g('hash') })), catchError()];
    db[key] = null;
  }
  chains['R'] = [connect(), read(keys[0]!), andThen({ value: rec({ stored: result, hash: g('hash') }) })];
  const main: MainCommand[] = [setGlobal('val', field(input, 'val')), setGlobal('hash', H(g('val')))];
  for (let i = 0; i < k; i++) main.push(start(`W${i + 1}`));
  main.push(start('R'), returnChain('R'));
  const name = memberName(n, k);
  return defineModel({
    name,
    title: `Running example with ${n} events and ${k} un-awaited write chains`,
    description: 'Benchmark family: K un-awaited database writes race the returned read, over N events.',
    source: 'paper Fig. 1, generalised (bench/family.ts)',
    program: defineProgram({ name, globals: { val: null, hash: null }, db, chains, main }),
    inputs: Array.from({ length: n }, (_, i) => record({ val: 42 + 70 * i })),
    invariants: [allConsistent(keys)],
    semantics: ['reuse', 'single', 'wait-all'],
  });
}
