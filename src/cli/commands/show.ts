/**
 * `afterlife show <trace-file>`: a recorded run as the paper-style table, as Mermaid
 * `sequenceDiagram` text (GitHub renders it), or as an SVG sequence diagram drawn with Graphviz.
 * The trace is replayed on load (`loadTraceFile`), so a stale trace is a coded error, not a picture.
 */
import type { Command } from 'commander';
import { EXIT } from '../exit-codes.ts';
import { CliFailure, type CliIO } from '../io.ts';
import { loadTraceFile } from '../trace-file.ts';
import { emit, parseFormat } from '../command-helpers.ts';
import { toMermaid } from '../../pictures/mermaid.ts';
import { sequenceToDot } from '../../pictures/sequence-dot.ts';
import { sequenceOf } from '../../pictures/sequence.ts';
import { formatTraceTable } from '../../pictures/table.ts';
import { renderSvg } from '../../viz/render.ts';

export function registerShow(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command('show')
    .description('show a trace file as a paper-style table, a Mermaid sequence diagram, or an SVG sequence diagram')
    .argument('<trace-file>', 'a trace written by `afterlife check --out` (afterlife-trace/1 JSON)')
    .option('--format <f>', 'table | mermaid | svg', 'table')
    .option('--out <file>', 'write to a file instead of stdout')
    .action(async (file: string, flags: { format?: string; out?: string }) => {
      const format = parseFormat(flags.format, ['table', 'mermaid', 'svg'] as const, 'table');
      const loaded = await loadTraceFile(file);
      if (!loaded.ok) throw new CliFailure(loaded.errors);
      if (format === 'table') emit(io, flags.out, formatTraceTable(loaded.value));
      else if (format === 'mermaid') emit(io, flags.out, toMermaid(sequenceOf(loaded.value)));
      else emit(io, flags.out, await renderSvg(sequenceToDot(sequenceOf(loaded.value))));
      setExit(EXIT.ok);
    });
}
