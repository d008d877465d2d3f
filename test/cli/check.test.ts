/**
 * `afterlife check` end to end, in-process: the acceptance runs, exit codes, coded errors
 * for bad input, byte-identical output for identical inputs, and random runs that print a seed whose
 * rerun reproduces the same counterexample.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const tmp = mkdtempSync(join(tmpdir(), 'afterlife-check-'));

describe('afterlife check', () => {
  it('running example under reuse: exit 12 with a Table-3-like trace', async () => {
    const r = await runCli('check', 'models/paper/running-example', '--semantics', 'reuse', '--out', join(tmp, 't.json'));
    expect(r.code).toBe(12);
    expect(r.out).toMatch(/✗ db-consistent \(always\): VIOLATED/);
    expect(r.out).toContain('W@e1: write record = {hash: H(42), val: 112}');
    expect(r.out).toMatch(/Result: 2 properties violated \(no-lost-write, db-consistent\) — exit 12/);
    const saved = JSON.parse(readFileSync(join(tmp, 't.json'), 'utf8'));
    expect(saved.format).toBe('afterlife-trace/1');
  });

  it('running example under wait-all and the Fig. 8 port under decoupled: exit 0 with their coverage', async () => {
    const a = await runCli('check', 'models/paper/running-example', '--semantics', 'wait-all', '--no-save');
    expect(a.code).toBe(0);
    expect(a.out).toContain('Explored 92 distinct states');
    expect(a.out).toContain('the whole reachable state space');
    const b = await runCli('check', 'models/paper/decoupled-port', '--semantics', 'decoupled', '--no-save');
    expect(b.code).toBe(0);
    expect(b.out).toContain('Explored 152 distinct states');
  });

  it('bounds are reported as bounds', async () => {
    const r = await runCli('check', 'paper/running-example', '--semantics', 'wait-all', '--max-depth', '5', '--no-save');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/stopped by max-depth: results hold only within these bounds/);
    expect(r.out).toContain('holds within the bounds');
  });

  it('a missing model, a bad flag and an unknown property exit 2 with a coded message and hint', async () => {
    const cases: [string[], string][] = [
      [['check', 'models/nope'], 'AFL401'],
      [['check', 'paper/running-example', '--semantics', 'frob'], 'AFL201'],
      [['check', 'paper/running-example', '--max-states', '-3'], 'AFL202'],
      [['check', 'paper/running-example', '--property', 'no-such'], 'AFL503'],
      [['check', 'paper/running-example', '--mode', 'sideways'], 'AFL2'],
      [['check', 'paper/decoupled-port', '--semantics', 'reuse'], 'AFL104'],
      [['frobnicate'], 'AFL200'],
    ];
    for (const [argv, code] of cases) {
      const r = await runCli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err, argv.join(' ')).toContain(`[${code}`);
      expect(r.err).toMatch(/hint/);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });

  it('the same inputs give byte-identical output', async () => {
    const args = ['check', 'paper/running-example', '--semantics', 'reuse', '--no-save'];
    const [a, b] = [await runCli(...args), await runCli(...args)];
    expect(a.out).toBe(b.out);
    const j = ['check', 'paper/running-example', '--semantics', 'single', '--json', '--no-save'];
    expect((await runCli(...j)).out).toBe((await runCli(...j)).out);
  });

  it('random mode prints its seed and the rerun command reproduces the counterexample exactly', async () => {
    const first = await runCli('check', 'paper/running-example', '--semantics', 'reuse', '--mode', 'random', '--runs', '200', '--no-save');
    expect(first.code).toBe(12);
    const rerun = /Rerun: npx afterlife (.*)/.exec(first.out)![1]!.split(' ');
    expect(rerun).toContain('--seed');
    const second = await runCli(...rerun, '--no-save');
    expect(second.out).toBe(first.out);
  });

  it('--json is machine-readable and names the paths of the violations', async () => {
    const r = await runCli('check', 'paper/running-example', '--semantics', 'single', '--json', '--no-save');
    const j = JSON.parse(r.out);
    expect(j.exitCode).toBe(12);
    expect(j.verdicts.find((v: { property: string }) => v.property === 'no-lost-write').status).toBe('violated');
  });
});

describe('afterlife claims and traces', () => {
  it('claims: every model matches its manifest (exit 0), and prints the claims table', async () => {
    const r = await runCli('claims');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/All verdicts match the manifests \(\d+ models\)/);
    expect(r.out).toMatch(/broken-promise\s+Theorem 4\.6/);
  });

  it('traces: the distinct ways Table 3 corrupts the database', async () => {
    const r = await runCli('traces', 'paper/running-example', '--semantics', 'reuse', '--property', 'db-consistent');
    expect(r.code).toBe(12);
    expect(r.out).toMatch(/db-consistent \(always\): \d+ violating states, 3 distinct shapes/);
    expect(r.out).toContain('start-event → end-event → start-event → end-async W@e1 → end-async W@e1');
  });
});
