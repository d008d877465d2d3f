import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mermaidText, toMermaid } from '../../src/pictures/mermaid.ts';
import { sequenceOf } from '../../src/pictures/sequence.ts';
import { loadFixture, TABLE1, TABLE3 } from './helpers.ts';

const GOLDEN = join(import.meta.dirname, 'golden');
/** UPDATE_GOLDEN=1 npx vitest run test/pictures rewrites the golden files (review the diff!). */
const update = process.env.UPDATE_GOLDEN === '1';

function golden(name: string, actual: string): void {
  const file = join(GOLDEN, name);
  if (update) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/** The subset of Mermaid's sequenceDiagram grammar we emit: every line must be one of these. */
const LINE = /^( {4}(participant [A-Za-z_]\w* as [^;#{}<>]+|[A-Za-z_]\w*(->>|-\)|-->>)[A-Za-z_]\w*: [^;{}<>]+|Note over [A-Za-z_]\w*(,[A-Za-z_]\w*)?: [^;{}<>]+|%% .*)|sequenceDiagram)$/;

function checkSyntax(text: string): void {
  const lines = text.trimEnd().split('\n');
  expect(lines[0]).toBe('sequenceDiagram');
  for (const l of lines) expect(l.replace(/#(35|59|123|125|lt|gt);/g, 'E'), l).toMatch(LINE);
  // every '#' starts one of the entity codes we write
  for (const l of lines.filter((x) => !x.startsWith('    %%'))) expect(l.replace(/#(35|59|123|125|lt|gt);/g, '')).not.toContain('#');
  const declared = new Set(lines.flatMap((l) => /participant (\w+)/.exec(l)?.[1] ?? []));
  for (const l of lines) {
    const m = /^ {4}(\w+)(?:->>|-\)|-->>)(\w+):/.exec(l);
    if (m) expect(declared.has(m[1]!) && declared.has(m[2]!), l).toBe(true);
  }
}

describe('Mermaid sequence diagrams', () => {
  it('escapes the characters Mermaid treats specially', () => {
    expect(mermaidText('{a: 1}; #x <b>')).toBe('#123;a: 1#125;#59; #35;x #lt;b#gt;');
  });

  it('Table 3 (reuse): matches the golden file and marks the stale write', async () => {
    const text = toMermaid(sequenceOf(await loadFixture(TABLE3)));
    checkSyntax(text);
    expect(text).toMatch(/Note over DB: ⚠ stale write: record = #123;hash: H\(42\), val: 112#125; breaks db-consistent/);
    expect(text).toMatch(/chain_W->>DB: ⚠ 13 W@e1: write record/);
    expect(text).toContain('⚠ code of event e1 runs inside event e2');
    expect(text).toMatch(/Platform-->>Caller: 9 respond/);
    golden('table3-reuse-db-consistent.mmd', text);
  });

  it('Table 1 (single): marks the termination with a pending write and the lost write', async () => {
    const text = toMermaid(sequenceOf(await loadFixture(TABLE1)));
    checkSyntax(text);
    expect(text).toContain('Note over Platform: ⚠ End Event: E = d while still pending: W@e1');
    expect(text).toContain('Note over chain_W: ⚠ lost write: W@e1 never writes (environment destroyed)');
    golden('table1-single-no-lost-write.mmd', text);
  });
});
