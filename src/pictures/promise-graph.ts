/**
 * The static promise graph of a program (the paper's Fig. 2), as data: which steps are causally
 * ordered before the response and before end().
 *
 * Nodes: main's commands that start, await or return chains, respond, return or call end(); every
 * `await` step of every chain (a promise); the response; and, in programs that use end(), the end.
 * Edges: main's program order; a start to the chain's first step; a chain's step order; a chain's
 * last promise to whatever waits for it (main's `await`, an `allSettled`, the response of a
 * `return chain`); a respond/end() in a callback from the promise it follows. A write with no path to
 * the response — or, when the program uses end(), to the end — is a potential race: nothing makes the
 * platform wait for it (the paper's write-vs-return race). It is *potential*: the model checker
 * confirms it with a counterexample (`no-lost-write`) or refutes it.
 */
import type { CompiledProgram, CStep, CSync } from '../semantics/compiled.ts';
import { mainCommandText, showExpr } from './describe.ts';

export type PromiseNodeKind = 'main' | 'promise' | 'response' | 'end';

export interface PromiseNode {
  readonly id: string;
  readonly kind: PromiseNodeKind;
  readonly label: string;
  /** For promise nodes: the chain and step index; `writes` the database key of a write step. */
  readonly chain?: string;
  readonly step?: number;
  readonly writes?: string;
}

export interface PromiseEdge {
  readonly from: string;
  readonly to: string;
  readonly why: 'program order' | 'start' | 'chain order' | 'await' | 'allSettled' | 'returned' | 'respond' | 'end()';
}

export interface Race {
  readonly node: string;
  /** What the write fails to reach. */
  readonly target: 'response' | 'end';
  readonly message: string;
}

export interface PromiseGraph {
  readonly program: string;
  readonly nodes: readonly PromiseNode[];
  readonly edges: readonly PromiseEdge[];
  readonly usesEnd: boolean;
  readonly races: readonly Race[];
  /** Chains whose last promise reaches the end node (programs using end() only). */
  readonly chainsReachingEnd: readonly string[];
  readonly chainsNotReachingEnd: readonly string[];
  /** Chains whose last promise reaches the response. */
  readonly chainsReachingResponse: readonly string[];
}

export const RESPONSE = 'response';
export const END = 'end';

const stepLabel = (prog: CompiledProgram, s: CStep): string => {
  if (s.k !== 'await') return s.k;
  const op = s.op;
  switch (op.k) {
    case 'write':
      return `write '${prog.dbKeys[op.key]}' ${showExpr(op.value, prog)}`;
    case 'read':
      return `read '${prog.dbKeys[op.key]}'`;
    case 'allSettled':
      return `allSettled(${op.chains.map((c) => prog.chains[c]!.name).join(', ')})`;
    default:
      return op.k;
  }
};

const has = (body: readonly CSync[], k: 'respond' | 'end') => body.some((c) => c.k === k);

export function promiseGraph(prog: CompiledProgram): PromiseGraph {
  const nodes: PromiseNode[] = [];
  const edges: PromiseEdge[] = [];
  const edge = (from: string | undefined, to: string, why: PromiseEdge['why']) => {
    if (from !== undefined && !edges.some((e) => e.from === from && e.to === to)) edges.push({ from, to, why });
  };
  const awaitIds = prog.chains.map((c) => c.steps.flatMap((s, j) => (s.k === 'await' ? [j] : [])));
  const promiseId = (chain: number, step: number) => `${prog.chains[chain]!.name}[${step}]`;
  const lastPromise = (chain: number) => {
    const a = awaitIds[chain]!;
    return a.length ? promiseId(chain, a[a.length - 1]!) : undefined;
  };
  prog.chains.forEach((c, i) => {
    let prev: string | undefined;
    c.steps.forEach((s, j) => {
      if (s.k === 'await') {
        const id = promiseId(i, j);
        const writes = s.op.k === 'write' ? { writes: prog.dbKeys[s.op.key]! } : {};
        nodes.push({ id, kind: 'promise', label: `${id} ${stepLabel(prog, s)}`, chain: c.name, step: j, ...writes });
        edge(prev, id, 'chain order');
        if (s.op.k === 'allSettled') for (const w of s.op.chains) edge(lastPromise(w), id, 'allSettled');
        prev = id;
      } else {
        if (has(s.body, 'respond')) edge(prev, RESPONSE, 'respond');
        if (has(s.body, 'end')) edge(prev, END, 'end()');
      }
    });
  });
  let prevMain: string | undefined;
  prog.main.forEach((c, i) => {
    const relevant = c.k === 'start' || c.k === 'await' || c.k === 'returnChain' || c.k === 'return' || c.k === 'respond' || c.k === 'end';
    if (!relevant) return;
    const id = `main[${i}]`;
    nodes.push({ id, kind: 'main', label: `${id} ${mainCommandText(prog, i)}` });
    edge(prevMain, id, 'program order');
    prevMain = id;
    if (c.k === 'start') edge(id, promiseId(c.chain, awaitIds[c.chain]![0] ?? 0), 'start');
    if (c.k === 'await') edge(lastPromise(c.chain), id, 'await');
    if (c.k === 'returnChain') {
      edge(lastPromise(c.chain), RESPONSE, 'returned');
      edge(id, RESPONSE, 'program order');
    }
    if (c.k === 'return' || c.k === 'respond') edge(id, RESPONSE, c.k === 'respond' ? 'respond' : 'program order');
    if (c.k === 'end') edge(id, END, 'end()');
  });
  // An async handler that returns nothing responds when main finishes.
  if (!edges.some((e) => e.to === RESPONSE) && prevMain !== undefined) edge(prevMain, RESPONSE, 'program order');
  nodes.push({ id: RESPONSE, kind: 'response', label: 'response' });
  if (prog.usesEnd) nodes.push({ id: END, kind: 'end', label: 'end()' });

  const reaches = reachability(nodes, edges);
  const races: Race[] = [];
  for (const n of nodes) {
    if (n.writes === undefined) continue;
    if (!reaches(n.id, prog.usesEnd ? END : RESPONSE))
      races.push({ node: n.id, target: prog.usesEnd ? 'end' : 'response', message: `${n.id} write '${n.writes}' has no path to ${prog.usesEnd ? 'end()' : 'the response'}` });
  }
  const chainNames = prog.chains.map((c) => c.name);
  const lastOf = (name: string) => lastPromise(chainNames.indexOf(name));
  return {
    program: prog.name,
    nodes: [...nodes.filter((n) => n.kind === 'main'), ...nodes.filter((n) => n.kind !== 'main')],
    edges,
    usesEnd: prog.usesEnd,
    races,
    chainsReachingEnd: prog.usesEnd ? chainNames.filter((c) => reaches(lastOf(c)!, END)) : [],
    chainsNotReachingEnd: prog.usesEnd ? chainNames.filter((c) => !reaches(lastOf(c)!, END)) : [],
    chainsReachingResponse: chainNames.filter((c) => reaches(lastOf(c)!, RESPONSE)),
  };
}

function reachability(nodes: readonly PromiseNode[], edges: readonly PromiseEdge[]): (from: string, to: string) => boolean {
  const out = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  for (const e of edges) out.get(e.from)?.push(e.to);
  return (from, to) => {
    const seen = new Set([from]);
    const stack = [from];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (n === to) return true;
      for (const m of out.get(n) ?? []) if (!seen.has(m)) (seen.add(m), stack.push(m));
    }
    return false;
  };
}
