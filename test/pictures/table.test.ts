import { describe, expect, it } from 'vitest';
import { formatTraceTable } from '../../src/pictures/table.ts';
import { loadFixture, TABLE1, TABLE3 } from './helpers.ts';

describe('formatTraceTable', () => {
  it('prints the Table 3 run paper-style, with the stale write in the DB column', async () => {
    const text = formatTraceTable(await loadFixture(TABLE3));
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toContain('db-consistent violated (13 steps)');
    expect(lines[1]).toMatch(/^step\s+rule\s+command\s+changed\s+unresolved promises \(Pr\)\s+DB$/);
    expect(lines).toHaveLength(3 + 14); // heading, header, rule line, initial + 13 steps
    expect(lines[lines.length - 1]).toMatch(/^13\s+fig4\/end-async\s+W@e1: write record = \{hash: H\(42\), val: 112\}.*record: \{hash: H\(42\), val: 112\}$/);
    expect(text).toContain('val = 112');
    expect(text).toContain('W@e1:connect');
  });

  it('aligns columns: every cell of a column starts at the same offset', async () => {
    const lines = formatTraceTable(await loadFixture(TABLE1)).trimEnd().split('\n').slice(1);
    const header = lines[0]!;
    const starts = ['rule', 'command', 'changed', 'unresolved', 'DB'].map((h) => header.indexOf(h));
    for (const line of lines.slice(2)) for (const s of starts) expect(line[s - 1] === ' ' && line[s - 2] === ' ').toBe(true);
    expect(lines.every((l) => l === l.trimEnd())).toBe(true);
  });
});
