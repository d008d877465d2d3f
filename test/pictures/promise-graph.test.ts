import { describe, expect, it } from 'vitest';
import { unwrap } from '../../src/errors.ts';
import { promiseGraph } from '../../src/pictures/promise-graph.ts';
import { promiseGraphText, promiseGraphToDot } from '../../src/pictures/promise-graph-draw.ts';
import { buildModel } from '../../src/semantics/model.ts';
import { renderSvg } from '../../src/viz/render.ts';
import runningExample from '../../models/paper/running-example/model.ts';
import decoupledPort from '../../models/paper/decoupled-port/model.ts';
import { xmlProblems } from '../viz/xml.ts';

const prog = (def: typeof runningExample, semantics: 'reuse' | 'decoupled') => unwrap(buildModel(def, { semantics, variant: 'repaired' })).ctx.program;

describe('promise graph (paper Fig. 2)', () => {
  it('running example: the write races the response', () => {
    const g = promiseGraph(prog(runningExample, 'reuse'));
    expect(g.usesEnd).toBe(false);
    expect(g.races.map((r) => r.message)).toEqual(["W[1] write 'record' has no path to the response"]);
    expect(g.chainsReachingResponse).toEqual(['R']);
    expect(g.edges).toContainEqual({ from: 'R[1]', to: 'response', why: 'returned' });
    const text = promiseGraphText(g, { model: 'paper/running-example', semantics: 'reuse' });
    expect(text).toContain("race: W[1] write 'record' has no path to the response");
    expect(text).toContain('afterlife check paper/running-example --semantics reuse --property no-lost-write');
  });

  it('decoupled port (Fig. 8): every chain reaches end(), no race', () => {
    const g = promiseGraph(prog(decoupledPort, 'decoupled'));
    expect(g.usesEnd).toBe(true);
    expect(g.races).toEqual([]);
    expect(g.chainsNotReachingEnd).toEqual([]);
    expect(g.chainsReachingEnd).toEqual(['W', 'R', 'ALL']);
    expect(g.edges).toContainEqual({ from: 'W[1]', to: 'ALL[0]', why: 'allSettled' });
    expect(promiseGraphText(g, { model: 'paper/decoupled-port', semantics: 'decoupled' })).toContain('every chain reaches end(): W, R, ALL');
  });

  it('draws DOT with the racing write in red, and it renders to well-formed SVG', async () => {
    const dot = promiseGraphToDot(promiseGraph(prog(runningExample, 'reuse')));
    expect(dot.startsWith('digraph')).toBe(true);
    expect(dot).toMatch(/"W\[1\]" \[[^\n]*color="#d62728"/);
    expect(xmlProblems(await renderSvg(dot))).toEqual([]);
  });
});
