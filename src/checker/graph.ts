/**
 * The explicit state graph (TLC's `-dump dot`, but as pure data: rendering is someone else's job).
 *
 * A BFS stores every distinct state as a node (id = BFS discovery order, so ids are deterministic)
 * and every transition as an edge labelled with its rule and action label. It refuses, as a value,
 * to go beyond `maxNodes`, reporting that more states exist. `quotientGraph` collapses the graph
 * under a user projection `(state) => string` (e.g. "which phase is each function in"), counting the
 * states and transitions each quotient node and edge stands for.
 */
import type { Model } from './model.ts';
import { resolveOptions, type CheckOptions, type OptionError } from './options.ts';
import { Fifo } from './queue.ts';
import { createVisitedSet, NO_PARENT } from './visited-set.ts';

export interface GraphNode {
  readonly id: number;
  readonly depth: number;
  readonly label: string;
  readonly initial: boolean;
  /** No enabled action. */
  readonly terminal: boolean;
  /** Not expanded because it lies at the depth bound. */
  readonly cut: boolean;
  /** Selected `always` properties that fail in this state. */
  readonly failing: readonly string[];
}

export interface GraphEdge {
  readonly from: number;
  readonly to: number;
  readonly rule: string;
  readonly label: string;
}

export interface StateGraph<S> {
  readonly model: string;
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  /** The state of each node, indexed by node id (for projections; not meant for rendering). */
  readonly states: readonly S[];
  /** True iff no node was cut by the depth bound. */
  readonly complete: boolean;
}

export type GraphResult<S> =
  | { readonly ok: true; readonly graph: StateGraph<S> }
  | { readonly ok: false; readonly reason: 'too-many-nodes'; readonly maxNodes: number; readonly reachedAtLeast: number; readonly hint: string }
  | { readonly ok: false; readonly reason: 'bad-options'; readonly errors: readonly OptionError[] };

export interface GraphOptions extends Pick<CheckOptions, 'maxDepth' | 'properties' | 'storage'> {
  /** Refuse to build graphs with more nodes than this (default 10 000). */
  maxNodes?: number;
}

export function buildStateGraph<S, A>(model: Model<S, A>, partial: GraphOptions = {}): GraphResult<S> {
  const resolution = resolveOptions(model, { maxDepth: partial.maxDepth, properties: partial.properties, storage: partial.storage });
  if (!resolution.ok) return { ok: false, reason: 'bad-options', errors: resolution.errors };
  const { maxDepth, properties } = resolution.options;
  const maxNodes = partial.maxNodes ?? 10_000;
  const always = model.properties.filter((p): p is Extract<typeof p, { kind: 'always' }> => p.kind === 'always' && properties.includes(p.name));
  const visited = createVisitedSet<S>(resolution.options.storage, (state, sink) => model.encode(state, sink));
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const states: S[] = [];
  const queue = new Fifo<number>();
  const tooMany = (): GraphResult<S> => ({
    ok: false,
    reason: 'too-many-nodes',
    maxNodes,
    reachedAtLeast: visited.size,
    hint: 'lower --max-depth, raise the node limit, or view a quotient of the graph',
  });
  const addNode = (state: S, parent: number, choice: number, depth: number): number => {
    const added = visited.add(state, parent, choice, depth);
    if (added < 0) return ~added;
    states.push(state);
    queue.push(added);
    const failing = always.filter((p) => !p.holds(state)).map((p) => p.name);
    nodes.push({ id: added, depth, label: model.formatState(state), initial: parent === NO_PARENT, terminal: false, cut: false, failing });
    return added;
  };
  for (const [index, state] of model.initialStates().entries()) {
    addNode(state, NO_PARENT, index, 0);
    if (visited.size > maxNodes) return tooMany();
  }
  let complete = true;
  while (queue.size > 0) {
    const id = queue.pop()!;
    const state = states[id]!;
    const node = nodes[id]!;
    const actions = model.actions(state);
    if (actions.length === 0 || node.depth >= maxDepth) {
      nodes[id] = { ...node, terminal: actions.length === 0, cut: actions.length > 0 };
      if (actions.length > 0) complete = false;
      continue;
    }
    for (const [choice, action] of actions.entries()) {
      const to = addNode(model.next(state, action), id, choice, node.depth + 1);
      if (visited.size > maxNodes) return tooMany();
      edges.push({ from: id, to, rule: model.ruleOf(action), label: model.formatAction(action) });
    }
  }
  return { ok: true, graph: { model: model.name, nodes, edges, states, complete } };
}

export interface QuotientNode {
  readonly key: string;
  /** Number of states projected onto this node. */
  readonly count: number;
  readonly initial: boolean;
  readonly terminal: number;
  /** Properties failing in at least one of its states. */
  readonly failing: readonly string[];
}

export interface QuotientEdge {
  readonly from: string;
  readonly to: string;
  readonly rule: string;
  /** Number of transitions projected onto this edge. */
  readonly count: number;
}

export interface QuotientGraph {
  readonly nodes: readonly QuotientNode[];
  readonly edges: readonly QuotientEdge[];
}

/** Collapses a graph under `project`; nodes and edges keep first-appearance (BFS) order. */
export function quotientGraph<S>(graph: StateGraph<S>, project: (state: S) => string): QuotientGraph {
  const keys = graph.states.map(project);
  const nodes = new Map<string, { key: string; count: number; initial: boolean; terminal: number; failing: Set<string> }>();
  for (const node of graph.nodes) {
    const key = keys[node.id]!;
    const entry = nodes.get(key) ?? { key, count: 0, initial: false, terminal: 0, failing: new Set<string>() };
    entry.count++;
    entry.initial ||= node.initial;
    if (node.terminal) entry.terminal++;
    for (const name of node.failing) entry.failing.add(name);
    nodes.set(key, entry);
  }
  const edges = new Map<string, { from: string; to: string; rule: string; count: number }>();
  for (const edge of graph.edges) {
    const from = keys[edge.from]!;
    const to = keys[edge.to]!;
    const id = JSON.stringify([from, to, edge.rule]);
    const entry = edges.get(id) ?? { from, to, rule: edge.rule, count: 0 };
    entry.count++;
    edges.set(id, entry);
  }
  return {
    nodes: [...nodes.values()].map((node) => ({ ...node, failing: [...node.failing] })),
    edges: [...edges.values()],
  };
}
