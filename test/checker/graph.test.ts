import { describe, expect, it } from 'vitest';
import { buildStateGraph, quotientGraph, type StateGraph } from '../../src/checker/graph.ts';
import { mutex, type MutexState } from '../fixtures/mutex.ts';
import { twoPhaseCommit, type TwoPhaseState } from '../fixtures/two-phase-commit.ts';

function graphOf<S>(result: ReturnType<typeof buildStateGraph<S, unknown>>): StateGraph<S> {
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.graph;
}

describe('explicit state graph', () => {
  const graph = graphOf<TwoPhaseState>(buildStateGraph(twoPhaseCommit(3)));
  it('two-phase commit: 288 nodes, one initial, an edge per transition', () => {
    expect(graph.nodes).toHaveLength(288);
    expect(graph.nodes.filter((n) => n.initial)).toHaveLength(1);
    expect(graph.edges).toHaveLength(1145);
    expect(graph.complete).toBe(true);
    expect(graph.nodes.map((n) => n.id)).toEqual(graph.nodes.map((_, i) => i));
    expect(graph.edges.every((e) => e.from < 288 && e.to < 288 && e.label.startsWith(e.rule))).toBe(true);
    expect(Math.max(...graph.nodes.map((n) => n.depth))).toBe(10);
  });
  it('marks terminal states and the always-properties failing there', () => {
    const buggy = graphOf<MutexState>(buildStateGraph(mutex()));
    expect(buggy.nodes.filter((n) => n.terminal)).toHaveLength(3);
    expect(buggy.nodes.filter((n) => n.failing.includes('mutual-exclusion')).length).toBeGreaterThan(0);
    expect(buggy.nodes.every((n) => !n.failing.includes('counter-bounded'))).toBe(true);
    const selected = graphOf<MutexState>(buildStateGraph(mutex(), { properties: ['counter-bounded'] }));
    expect(selected.nodes.every((n) => n.failing.length === 0)).toBe(true);
  });
  it('refuses, as a value, to exceed maxNodes', () => {
    expect(buildStateGraph(twoPhaseCommit(3), { maxNodes: 100 })).toMatchObject({ ok: false, reason: 'too-many-nodes', maxNodes: 100, reachedAtLeast: 101 });
  });
  it('a depth bound cuts nodes and makes the graph incomplete', () => {
    const cut = graphOf<TwoPhaseState>(buildStateGraph(twoPhaseCommit(3), { maxDepth: 2 }));
    expect(cut.complete).toBe(false);
    expect(cut.nodes.some((n) => n.cut)).toBe(true);
    expect(cut.nodes.every((n) => n.depth <= 2)).toBe(true);
  });
  it('bad options come back as values', () => {
    expect(buildStateGraph(mutex(), { properties: ['nope'] })).toMatchObject({ ok: false, reason: 'bad-options' });
  });
});

describe('quotient graph', () => {
  const graph = graphOf<TwoPhaseState>(buildStateGraph(twoPhaseCommit(3)));
  it('collapses states under a projection and counts them', () => {
    const quotient = quotientGraph(graph, (state) => state.tm);
    expect(quotient.nodes.map((n) => n.key)).toEqual(['init', 'aborted', 'committed']);
    expect(quotient.nodes.reduce((sum, n) => sum + n.count, 0)).toBe(288);
    expect(quotient.nodes[0]!.initial).toBe(true);
    expect(quotient.edges.reduce((sum, e) => sum + e.count, 0)).toBe(graph.edges.length);
    expect(quotient.edges.find((e) => e.from === 'init' && e.to === 'committed')).toMatchObject({ rule: 'TMCommit' });
    expect(quotient.edges.some((e) => e.from === 'committed' && e.to === 'init')).toBe(false);
  });
});
