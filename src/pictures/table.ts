/**
 * The paper-style table of a run (as in the paper's Tables 1–3): one row per step with the rule that
 * fired, the command it ran, the variables it changed, the unresolved promises and the database
 * afterwards. `formatTraceTable` is the one function `check` (to print counterexamples) and `show`
 * use; columns are padded to align, values are shown paper-style (`{hash: H(42), val: 112}`).
 */
import type { LoadedTrace } from '../cli/trace-file.ts';
import type { CompiledProgram } from '../semantics/compiled.ts';
import type { State } from '../semantics/state.ts';
import type { Action } from '../semantics/actions.ts';
import { describeRun, showDb, showPending } from './describe.ts';

export const TABLE_HEADER = ['step', 'rule', 'command', 'changed', 'unresolved promises (Pr)', 'DB'] as const;

/** Rows of the table (strings, header excluded); row 0 is the initial state. */
export function traceTableRows(prog: CompiledProgram, states: readonly State[], actions: readonly Action[]): string[][] {
  const rows: string[][] = [['0', '(initial)', '', '', showPending(states[0]!, prog), showDb(states[0]!, prog)]];
  for (const s of describeRun(prog, states, actions)) rows.push([String(s.index), s.rule, s.command, s.changed.join(', '), s.pending, s.db]);
  return rows;
}

/** Pads columns to align; the last column is not padded (no trailing spaces). */
export function alignColumns(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...(r[c] ?? '')].length)));
  const line = (r: readonly string[]) => r.map((cell, c) => (c === r.length - 1 ? cell : cell + ' '.repeat(widths[c]! - [...cell].length))).join('  ').trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(rows[0]!), rule, ...rows.slice(1).map(line)].join('\n') + '\n';
}

/** The paper-style table of a loaded trace, with a one-line heading naming model, semantics and property. */
export function formatTraceTable(loaded: Pick<LoadedTrace, 'model' | 'states' | 'actions'> & { readonly file?: Pick<LoadedTrace['file'], 'property' | 'verdict'> }): string {
  const prog = loaded.model.ctx.program;
  const heading = `${loaded.model.name}${loaded.file?.property ? ` — ${loaded.file.property}${loaded.file.verdict ? ` ${loaded.file.verdict}` : ''}` : ''} (${loaded.actions.length} steps)`;
  return `${heading}\n${alignColumns([[...TABLE_HEADER], ...traceTableRows(prog, loaded.states, loaded.actions)])}`;
}
