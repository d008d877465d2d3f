/**
 * Every golden trace in traces/ replays step for step against the current semantics, reaches the
 * recorded states, and still shows its recorded verdict; its ITF copy parses and carries the same
 * states. A semantics change that alters one of these runs fails here and must be deliberate (the
 * golden trace is then re-recorded and the commit says which rule changed).
 */
import { readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { itfToJSON, parseItf } from '../../src/checker/index.ts';
import { recordedVerdictHolds } from '../../src/cli/commands/replay.ts';
import { loadTraceFile } from '../../src/cli/trace-file.ts';
import { runCli } from './run-cli.ts';

const DIR = join(import.meta.dirname, '../../traces');
const files = readdirSync(DIR).filter((f) => f.endsWith('.json') && !f.endsWith('.itf.json')).sort();

describe('golden traces replay', () => {
  it('there are golden traces for the paper runs and every pattern', () => {
    expect(files).toEqual(expect.arrayContaining(['table1-single-no-lost-write.json', 'table3-reuse-db-consistent.json']));
    for (const p of ['p1', 'p2', 'p3', 'p4']) expect(files.some((f) => f.startsWith(`${p}-`))).toBe(true);
  });

  for (const f of files)
    it(f, async () => {
      const loaded = await loadTraceFile(join(DIR, f));
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
      expect(recordedVerdictHolds(loaded.value).ok).toBe(true);
      const itf = parseItf(readFileSync(join(DIR, f.replace(/\.json$/, '.itf.json')), 'utf8'));
      if (!itf.ok) throw new Error(JSON.stringify(itf.errors));
      const { states } = itfToJSON(itf.trace);
      expect(states).toHaveLength(loaded.value.states.length);
      expect(states.at(-1)).toEqual(loaded.value.model.toJSON(loaded.value.states.at(-1)!));
    });

  it('Table 3 ends with the stale record the paper shows', async () => {
    const t = JSON.parse(readFileSync(join(DIR, 'table3-reuse-db-consistent.json'), 'utf8'));
    expect(t.steps.at(-1).state.DB).toEqual({ record: { hash: { H: 42 }, val: 112 } });
  });
});

describe('replay detects traces that no longer fit the semantics', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'afterlife-'));
  const golden = JSON.parse(readFileSync(join(DIR, 'table3-reuse-db-consistent.json'), 'utf8'));

  it('a choice out of range diverges at its step, exit 2 with a code and the likely cause', async () => {
    const bad = { ...golden, path: golden.path.replace(/\/1$/, '/7') };
    writeFileSync(join(tmp, 'bad.json'), JSON.stringify(bad));
    const r = await runCli('replay', join(tmp, 'bad.json'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Error \[AFL322\] .*step 13/);
    expect(r.err).toMatch(/hint: likely cause: the model or its options changed/);
  });

  it('a trace recorded under other rules diverges by label', async () => {
    const other = { ...golden, semantics: 'wait-all' };
    writeFileSync(join(tmp, 'other.json'), JSON.stringify(other));
    const r = await runCli('replay', join(tmp, 'other.json'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/AFL32[23]/);
  });

  it('a doctored recorded state is reported as a semantics change', async () => {
    const doctored = structuredClone(golden);
    doctored.steps.at(-1).state.DB.record.val = 42;
    writeFileSync(join(tmp, 'doctored.json'), JSON.stringify(doctored));
    const r = await runCli('replay', join(tmp, 'doctored.json'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/AFL324/);
  });

  it('malformed files get coded errors, never a stack trace', async () => {
    writeFileSync(join(tmp, 'junk.json'), '{ not json');
    writeFileSync(join(tmp, 'itf.json'), JSON.stringify({ vars: [], states: [] }));
    for (const [file, code] of [['junk.json', 'AFL301'], ['itf.json', 'AFL302'], ['missing.json', 'AFL301']] as const) {
      const r = await runCli('replay', join(tmp, file));
      expect(r.code).toBe(2);
      expect(r.err).toContain(`[${code}]`);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });
});
