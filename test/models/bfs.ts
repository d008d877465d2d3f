/**
 * A small, self-contained exhaustive BFS used to check model manifests.
 *
 * Deliberately independent of `src/checker` (written concurrently): it decides every property of a
 * model by brute force over the whole reachable graph, with exact (string) state keys:
 * - `always`: holds on every reachable state;
 * - `always-step`: holds on every explored transition (s, a, t);
 * - `sometimes`: witnessed iff some reachable state satisfies it;
 * - `eventually`: holds on every reachable terminal state (no enabled action) — checked at quiescence,
 *   so a model whose runs all cycle forever satisfies it vacuously.
 * It also counts distinct states, terminal states, and whether the graph has a back edge (a cycle).
 */
import type { Model } from '../../src/checker/model.ts';
import type { ExpectedVerdict, VariantExpectation } from '../../src/semantics/manifest.ts';

export interface BfsResult {
  readonly distinctStates: number;
  readonly transitions: number;
  readonly terminalStates: number;
  readonly verdicts: Readonly<Record<string, ExpectedVerdict>>;
}

export function stateKey<S, A>(m: Model<S, A>, s: S): string {
  const parts: (string | number)[] = [];
  m.encode(s, { int: (n) => parts.push(n), str: (x) => parts.push(JSON.stringify(x)) });
  return parts.join(',');
}

export function bfs<S, A>(m: Model<S, A>, limit = 2_000_000): BfsResult {
  const seen = new Set<string>();
  const queue: S[] = [];
  const bad = new Set<string>();
  const witnessed = new Set<string>();
  let transitions = 0;
  let terminal = 0;
  const visit = (s: S): void => {
    const k = stateKey(m, s);
    if (seen.has(k)) return;
    if (seen.size >= limit) throw new Error(`bfs: more than ${limit} states in ${m.name}`);
    seen.add(k);
    queue.push(s);
    for (const p of m.properties) {
      if (p.kind === 'always' && !p.holds(s)) bad.add(p.name);
      if (p.kind === 'sometimes' && p.holds(s)) witnessed.add(p.name);
    }
  };
  for (const s of m.initialStates()) visit(s);
  for (let i = 0; i < queue.length; i++) {
    const s = queue[i]!;
    const actions = m.actions(s);
    if (actions.length === 0) {
      terminal++;
      for (const p of m.properties) if (p.kind === 'eventually' && !p.holds(s)) bad.add(p.name);
    }
    for (const a of actions) {
      const t = m.next(s, a);
      transitions++;
      for (const p of m.properties) if (p.kind === 'always-step' && !p.holds(s, a, t)) bad.add(p.name);
      visit(t);
    }
    queue[i] = undefined as unknown as S; // let processed states be collected
  }
  const verdicts: Record<string, ExpectedVerdict> = {};
  for (const p of m.properties) verdicts[p.name] = p.kind === 'sometimes' ? (witnessed.has(p.name) ? 'witnessed' : 'no-witness') : bad.has(p.name) ? 'violated' : 'holds';
  return { distinctStates: seen.size, transitions, terminalStates: terminal, verdicts };
}

/** Differences between an expectation and a result, one line each (empty: they agree). */
export function compareExpectation(expected: VariantExpectation, actual: BfsResult, where: string): string[] {
  const out: string[] = [];
  for (const [prop, v] of Object.entries(expected.verdicts)) {
    const got = actual.verdicts[prop];
    if (got === undefined) out.push(`${where}: the manifest expects property '${prop}', which the model does not have`);
    else if (got !== v) out.push(`${where}: '${prop}' expected ${v}, computed ${got}`);
  }
  for (const prop of Object.keys(actual.verdicts))
    if (!(prop in expected.verdicts)) out.push(`${where}: property '${prop}' has no expected verdict in the manifest`);
  if (expected.distinctStates !== undefined && expected.distinctStates !== actual.distinctStates)
    out.push(`${where}: distinctStates expected ${expected.distinctStates}, computed ${actual.distinctStates}`);
  return out;
}
