import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { xmlProblems } from '../viz/xml.ts';
import { runCli, TABLE1, TABLE3 } from './helpers.ts';

describe('afterlife graph', () => {
  it('--format dot starts with digraph and has 31 states under single', async () => {
    const r = await runCli(['graph', 'paper/running-example', '--semantics', 'single']);
    expect(r.code).toBe(0);
    expect(r.out.startsWith('digraph')).toBe(true);
    expect(r.out).toContain('31 nodes, 47 edges');
  });

  it('--format json is a plain node/edge list', async () => {
    const r = await runCli(['graph', 'paper/running-example', '--semantics', 'single', '--format', 'json', '--property', 'no-lost-write']);
    const doc = JSON.parse(r.out);
    expect(doc.nodes).toHaveLength(31);
    expect(doc.edges).toHaveLength(47);
    expect(doc.counterexample.edges).toHaveLength(9);
  });

  it('--format svg is well-formed XML', async () => {
    const r = await runCli(['graph', 'paper/running-example', '--semantics', 'single', '--format', 'svg']);
    expect(r.code).toBe(0);
    expect(xmlProblems(r.out)).toEqual([]);
  });

  it('refuses above --max-nodes with AFL504 and exit 2, hinting at --project', async () => {
    const r = await runCli(['graph', 'paper/running-example', '--semantics', 'reuse', '--max-nodes', '10']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Error [AFL504]');
    expect(r.err).toContain('--project');
  });

  it('--project draws the quotient within the limit', async () => {
    const r = await runCli(['graph', 'paper/running-example', '--semantics', 'reuse', '--max-nodes', '40', '--project', 'env,pending-writes,responded']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('projection: env × pending-writes × responded');
    expect(r.out).toMatch(/\(\d+ states, \d+ violate /);
  });

  it('rejects an unknown projection, format or property with coded errors', async () => {
    expect((await runCli(['graph', 'paper/running-example', '--project', 'colour'])).err).toContain('AFL502');
    expect((await runCli(['graph', 'paper/running-example', '--format', 'png'])).err).toContain('AFL501');
    const r = await runCli(['graph', 'paper/running-example', '--property', 'nope']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('AFL503');
  });
});

describe('afterlife show', () => {
  it('prints the table by default', async () => {
    const r = await runCli(['show', TABLE3]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('record: {hash: H(42), val: 112}');
  });

  it('--format mermaid prints a sequenceDiagram', async () => {
    const r = await runCli(['show', TABLE1, '--format', 'mermaid']);
    expect(r.out.startsWith('sequenceDiagram\n')).toBe(true);
  });

  it('--format svg writes a well-formed SVG with the warnings in red', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'afl-show-')), 'seq.svg');
    const r = await runCli(['show', TABLE3, '--format', 'svg', '--out', out]);
    expect(r.code).toBe(0);
    const svg = readFileSync(out, 'utf8');
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).toContain('#d62728');
    expect(svg).toContain('stale write');
  });

  it('a missing trace file is a coded error', async () => {
    const r = await runCli(['show', '/nonexistent/trace.json']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('AFL301');
  });
});

describe('afterlife promises', () => {
  it('reports the write-vs-response race of the running example', async () => {
    const r = await runCli(['promises', 'paper/running-example']);
    expect(r.code).toBe(0);
    expect(r.out).toContain("race: W[1] write 'record' has no path to the response");
    expect(r.out).toContain('afterlife check paper/running-example --semantics reuse --property no-lost-write');
  });

  it('reports that every chain of the decoupled port reaches end()', async () => {
    const r = await runCli(['promises', 'paper/decoupled-port']);
    expect(r.out).toContain('every chain reaches end(): W, R, ALL');
    expect(r.out).not.toMatch(/^race:/m);
  });

  it('--format svg is well-formed', async () => {
    const r = await runCli(['promises', 'paper/running-example', '--format', 'svg']);
    expect(xmlProblems(r.out)).toEqual([]);
  });
});
