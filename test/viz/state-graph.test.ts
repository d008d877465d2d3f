import { describe, expect, it } from 'vitest';
import { check } from '../../src/checker/explore.ts';
import type { Model } from '../../src/checker/model.ts';
import { unwrap } from '../../src/errors.ts';
import { buildModel, type ServerlessModel } from '../../src/semantics/model.ts';
import type { SemanticsName } from '../../src/semantics/semantics.ts';
import { graphToDot, graphToJSON } from '../../src/viz/dot.ts';
import { renderSvg } from '../../src/viz/render.ts';
import { buildStateGraph, counterexamplePath } from '../../src/viz/state-graph.ts';
import { parseProjection } from '../../src/pictures/projection.ts';
import runningExample from '../../models/paper/running-example/model.ts';
import decoupledPort from '../../models/paper/decoupled-port/model.ts';
import { xmlProblems } from './xml.ts';

const model = (def: typeof runningExample, semantics: SemanticsName): ServerlessModel => unwrap(buildModel(def, { semantics, variant: 'repaired' }));

function explorerCounts<S, A>(m: Model<S, A>) {
  const r = check(m, { stopAt: 'exhausted', storage: 'exact' });
  if (!r.ok || r.result.mode === 'random') throw new Error('exhaustive check failed');
  return { distinct: r.result.coverage.distinct, transitions: r.result.coverage.transitions };
}

describe('state graph', () => {
  it.each([
    [runningExample, 'single'],
    [runningExample, 'reuse'],
    [runningExample, 'wait-all'],
    [decoupledPort, 'decoupled'],
  ] as const)('%# has one node per distinct state and one edge per transition', (def, semantics) => {
    const m = model(def, semantics);
    const g = buildStateGraph(m, { maxNodes: 10_000 });
    if (!g.ok) throw new Error('refused');
    const counts = explorerCounts(m);
    expect(g.graph.nodes.length).toBe(counts.distinct);
    expect(g.graph.edges.length).toBe(counts.transitions);
    const dot = graphToDot(g.graph, { property: 'no-lost-write' });
    expect(dot.startsWith('digraph')).toBe(true);
    expect(dot.match(/^ {2}s\d+ \[/gm)!.length).toBe(counts.distinct);
    expect(dot.match(/^ {2}s\d+ -> s\d+ /gm)!.length).toBe(counts.transitions);
    const json = JSON.parse(graphToJSON(g.graph));
    expect(json.nodes).toHaveLength(counts.distinct);
    expect(json.edges).toHaveLength(counts.transitions);
  });

  it('running-example under single: 31 states, the lost write reached in 9 steps, drawn bold and red', () => {
    const g = buildStateGraph(model(runningExample, 'single'), { maxNodes: 500 });
    if (!g.ok) throw new Error('refused');
    expect(g.graph.nodes.filter((n) => n.initial)).toHaveLength(1);
    const path = counterexamplePath(g.graph, 'no-lost-write');
    expect(path?.edges).toHaveLength(9);
    const dot = graphToDot(g.graph, { property: 'no-lost-write' });
    expect(dot).toContain(`s${path!.node} [`);
    expect(dot).toMatch(new RegExp(`s${path!.node} \\[[^\\n]*color="#d62728"`));
    expect(dot.match(/style=bold/g)).toHaveLength(9);
    expect(dot).toContain('cluster_legend');
  });

  it('refuses above maxNodes', () => {
    const g = buildStateGraph(model(runningExample, 'reuse'), { maxNodes: 10 });
    expect(g.ok).toBe(false);
  });

  it('a quotient stands for every state exactly once', () => {
    const m = model(runningExample, 'reuse');
    const p = parseProjection('env,pending-writes,responded', m.ctx.program);
    if (!p.ok) throw new Error('bad projection');
    const g = buildStateGraph(m, { maxNodes: 50, projection: p.projection });
    if (!g.ok) throw new Error('refused');
    expect(g.graph.nodes.length).toBeLessThanOrEqual(50);
    expect(g.graph.nodes.reduce((a, n) => a + n.count, 0)).toBe(g.graph.states);
    expect(g.graph.edges.reduce((a, e) => a + e.count, 0)).toBe(g.graph.transitions);
    expect(graphToDot(g.graph)).toMatch(/\(\d+ states\)/);
    // the bold path follows the classes of the real shortest counterexample
    const path = counterexamplePath(g.graph, 'db-consistent');
    expect(path?.edges).toHaveLength(13);
    expect(path!.edges.every((i) => i >= 0)).toBe(true);
    expect(graphToDot(g.graph, { property: 'db-consistent' })).toMatch(/violate db-consistent/);
  });

  it('renders to well-formed SVG', async () => {
    const g = buildStateGraph(model(runningExample, 'single'), { maxNodes: 500 });
    if (!g.ok) throw new Error('refused');
    const svg = await renderSvg(graphToDot(g.graph, { property: 'no-lost-write' }));
    expect(svg.startsWith('<svg')).toBe(true);
    expect(xmlProblems(svg)).toEqual([]);
  });
});
