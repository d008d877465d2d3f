/**
 * The state graph as drawing data: the checker's explicit graph (`src/checker/graph.ts`), decorated
 * with what a picture needs, generic over the `Model` interface (nothing serverless here).
 *
 * The checker's builder gives nodes (BFS ids, depth, initial/terminal, failing `always` properties),
 * edges (rule, label) and the states. Here every node also gets the properties it fails or witnesses
 * of every kind (`eventually` false at a terminal state, `sometimes` true), every edge the
 * `always-step` properties it violates (the edges of a node are emitted in choice order, so the
 * i-th edge out of a node is its i-th enabled action), and a BFS parent edge so the shortest path to
 * any node can be drawn. With a projection the checker's `quotientGraph` collapses it; a node then
 * stands for `count` states and an edge for `count` transitions.
 */
import { buildStateGraph as buildCheckerGraph, quotientGraph, type GraphEdge as CheckerEdge, type GraphNode as CheckerNode } from '../checker/graph.ts';
import type { Model } from '../checker/model.ts';

/** The checker's node (a state or, projected, a class of states) with what drawing needs on top. */
export interface GraphNode extends Omit<CheckerNode, 'cut'> {
  /** Multi-line label (lines joined by `\n`). */
  readonly label: string;
  /** Properties this node violates (`always`; `eventually` at a terminal state). */
  readonly failing: readonly string[];
  /** `sometimes` properties this node witnesses. */
  readonly witnesses: readonly string[];
  /** States it stands for (1 unless projected). */
  readonly count: number;
  /** Edge on a shortest path from an initial node to this one, or -1. */
  readonly parentEdge: number;
  /** Projected graphs: per property, how many of the `count` states fail or witness it. */
  readonly failingCount?: Readonly<Record<string, number>>;
}

export interface GraphEdge extends CheckerEdge {
  /** `always-step` properties this transition violates. */
  readonly failing: readonly string[];
  /** Transitions it stands for (1 unless projected). */
  readonly count: number;
}

export interface StateGraph {
  readonly model: string;
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  /** Distinct states explored and transitions explored (before any projection). */
  readonly states: number;
  readonly transitions: number;
  /** Name of the projection when the graph is a quotient. */
  readonly projection: string | null;
  /** For a quotient: the full graph, and the class (node id here) of each of its nodes. */
  readonly underlying?: { readonly graph: StateGraph; readonly classOf: readonly number[] };
}

export interface Projection<S> {
  readonly name: string;
  key(state: S): string;
  /** Multi-line label of a class, from any member. */
  label(state: S): string;
}

export interface GraphOptions<S> {
  /** Refuse above this many drawn nodes. */
  readonly maxNodes: number;
  /** Multi-line node label; defaults to the model's one-line `formatState`. */
  readonly label?: (state: S) => string;
  readonly projection?: Projection<S>;
  /** Cap on explored states when projecting (the quotient may be small while the space is not). */
  readonly maxStates?: number;
}

export type GraphBuild = { readonly ok: true; readonly graph: StateGraph } | { readonly ok: false; readonly reason: 'max-nodes' | 'max-states'; readonly limit: number; readonly reachedAtLeast: number };

export function buildStateGraph<S, A>(model: Model<S, A>, options: GraphOptions<S>): GraphBuild {
  const proj = options.projection;
  const limit = proj ? (options.maxStates ?? 1_000_000) : options.maxNodes;
  const built = buildCheckerGraph(model, { maxNodes: limit, storage: 'exact' });
  if (!built.ok) {
    if (built.reason === 'bad-options') throw new Error(`internal: ${built.errors.map((e) => e.message).join('; ')}`);
    return { ok: false, reason: proj ? 'max-states' : 'max-nodes', limit, reachedAtLeast: built.reachedAtLeast };
  }
  const g = built.graph;
  const label = options.label ?? ((s: S) => model.formatState(s));
  const stepProps = model.properties.filter((p) => p.kind === 'always-step');
  const nodeFailing = g.nodes.map((n) => {
    const s = g.states[n.id]!;
    const failing = model.properties.filter((p) => (p.kind === 'always' && !p.holds(s)) || (p.kind === 'eventually' && n.terminal && !p.holds(s))).map((p) => p.name);
    const witnesses = model.properties.filter((p) => p.kind === 'sometimes' && p.holds(s)).map((p) => p.name);
    return { failing, witnesses };
  });
  const edgeFailing: string[][] = [];
  let prevFrom = -1;
  let actions: readonly A[] = [];
  let choice = 0;
  for (const e of g.edges) {
    if (e.from !== prevFrom) {
      prevFrom = e.from;
      actions = stepProps.length > 0 ? model.actions(g.states[e.from]!) : [];
      choice = 0;
    }
    const a = actions[choice++];
    const from = g.states[e.from]!;
    const to = g.states[e.to]!;
    edgeFailing.push(a === undefined ? [] : stepProps.filter((p) => p.kind === 'always-step' && !p.holds(from, a, to)).map((p) => p.name));
  }
  const edges = g.edges.map((e, i) => ({ ...e, failing: edgeFailing[i]!, count: 1 }));
  const nodes = g.nodes.map((n, i) => ({ id: n.id, depth: n.depth, label: label(g.states[n.id]!), initial: n.initial, terminal: n.terminal, ...nodeFailing[i]!, count: 1, parentEdge: -1 }));
  const full = withParents({ model: g.model, nodes, edges, states: nodes.length, transitions: edges.length, projection: null });
  if (!proj) return { ok: true, graph: full };
  const q = quotientGraph(g, (s) => proj.key(s));
  if (q.nodes.length > options.maxNodes) return { ok: false, reason: 'max-nodes', limit: options.maxNodes, reachedAtLeast: q.nodes.length };
  const index = new Map(q.nodes.map((n, i) => [n.key, i]));
  const classOf = g.nodes.map((n) => index.get(proj.key(g.states[n.id]!))!);
  const member = q.nodes.map(() => -1);
  const counts = q.nodes.map((): Record<string, number> => ({}));
  const depth = q.nodes.map(() => Infinity);
  full.nodes.forEach((n) => {
    const k = classOf[n.id]!;
    if (member[k]! < 0) member[k] = n.id;
    depth[k] = Math.min(depth[k]!, n.depth);
    for (const p of [...n.failing, ...n.witnesses]) counts[k]![p] = (counts[k]![p] ?? 0) + 1;
  });
  const edgeFail = new Map<string, Set<string>>();
  full.edges.forEach((e) => {
    const id = `${classOf[e.from]} ${classOf[e.to]} ${e.rule}`;
    const set = edgeFail.get(id) ?? new Set<string>();
    e.failing.forEach((p) => set.add(p));
    edgeFail.set(id, set);
  });
  const qNodes = q.nodes.map((n, i) => {
    const failing = Object.keys(counts[i]!).filter((p) => full.nodes.some((m) => classOf[m.id] === i && m.failing.includes(p)));
    const witnesses = Object.keys(counts[i]!).filter((p) => !failing.includes(p));
    return { id: i, depth: depth[i]!, label: proj.label(g.states[member[i]!]!), initial: n.initial, terminal: n.terminal === n.count, failing, witnesses, count: n.count, parentEdge: -1, failingCount: counts[i]! };
  });
  const qEdges = q.edges.map((e) => {
    const from = index.get(e.from)!;
    const to = index.get(e.to)!;
    return { from, to, rule: e.rule, label: e.rule, failing: [...(edgeFail.get(`${from} ${to} ${e.rule}`) ?? [])], count: e.count };
  });
  const quotient = withParents({ model: g.model, nodes: qNodes, edges: qEdges, states: g.nodes.length, transitions: g.edges.length, projection: proj.name });
  return { ok: true, graph: { ...quotient, underlying: { graph: full, classOf } } };
}

/** Recomputes BFS parents over the drawn graph (from its initial nodes), so shortest paths can be drawn. */
function withParents(graph: StateGraph): StateGraph {
  const parent = graph.nodes.map(() => -1);
  const seen = graph.nodes.map((n) => n.initial);
  let frontier = graph.nodes.filter((n) => n.initial).map((n) => n.id);
  const out = graph.nodes.map((): number[] => []);
  graph.edges.forEach((e, i) => out[e.from]!.push(i));
  while (frontier.length > 0) {
    const next: number[] = [];
    for (const n of frontier)
      for (const i of out[n]!) {
        const to = graph.edges[i]!.to;
        if (seen[to]) continue;
        seen[to] = true;
        parent[to] = i;
        next.push(to);
      }
    frontier = next;
  }
  return { ...graph, nodes: graph.nodes.map((n) => ({ ...n, parentEdge: parent[n.id]! })) };
}

/** Edge indices of a shortest path from an initial node to `target`. */
export function shortestPathTo(graph: StateGraph, target: number): number[] {
  const path: number[] = [];
  let n = graph.nodes[target];
  while (n !== undefined && n.parentEdge >= 0 && path.length <= graph.nodes.length) {
    path.unshift(n.parentEdge);
    n = graph.nodes[graph.edges[n.parentEdge]!.from];
  }
  return path;
}

/**
 * The shortest path to a node failing (or witnessing) `property`, or to the target of a transition
 * violating it (`always-step`): the node and the edge indices, or null when nothing fails.
 */
export function counterexamplePath(graph: StateGraph, property: string): { readonly node: number; readonly edges: readonly number[] } | null {
  if (graph.underlying !== undefined) {
    // the classes along the real shortest counterexample, not a shortest path between classes
    const { graph: full, classOf } = graph.underlying;
    const path = counterexamplePath(full, property);
    if (path === null) return null;
    const edges = path.edges.map((i) => {
      const e = full.edges[i]!;
      return graph.edges.findIndex((q) => q.from === classOf[e.from] && q.to === classOf[e.to] && q.rule === e.rule);
    });
    return { node: classOf[path.node]!, edges };
  }
  let best: { node: number; edges: number[] } | null = null;
  for (const n of graph.nodes) {
    if (!n.failing.includes(property) && !n.witnesses.includes(property)) continue;
    const edges = shortestPathTo(graph, n.id);
    if (best === null || edges.length < best.edges.length) best = { node: n.id, edges };
  }
  graph.edges.forEach((e, i) => {
    if (!e.failing.includes(property)) return;
    const edges = [...shortestPathTo(graph, e.from), i];
    if (best === null || edges.length < best.edges.length) best = { node: e.to, edges };
  });
  return best;
}
