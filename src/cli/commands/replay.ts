/**
 * `afterlife replay <trace-file>`: re-executes a saved trace against the current semantics and checks
 * that it still shows what it recorded. Exit 0: it replays step for step and the recorded verdict
 * still holds (a violation is still a violation at the last step, a witness still a witness);
 * 1: it replays but no longer shows the recorded verdict (the semantics changed); 2: the file is
 * malformed or the replay diverges (the error names the first differing step and the likely cause).
 */
import type { Command } from 'commander';
import { toItf } from '../../checker/index.ts';
import { formatTraceTable } from '../../pictures/table.ts';
import { parseFormat } from '../command-helpers.ts';
import { EXIT } from '../exit-codes.ts';
import { CliFailure, type CliIO } from '../io.ts';
import { loadTraceFile, type LoadedTrace } from '../trace-file.ts';

/** Whether the replayed run still shows the recorded verdict of the recorded property. */
export function recordedVerdictHolds(t: LoadedTrace): { ok: boolean; message: string } {
  const { file, model, states, actions } = t;
  if (file.property === null) return { ok: true, message: 'replayed (no property recorded)' };
  const p = model.properties.find((x) => x.name === file.property);
  if (!p) return { ok: false, message: `the model has no property '${file.property}' any more` };
  const last = states[states.length - 1]!;
  let shows: boolean;
  if (p.kind === 'always-step') shows = actions.length > 0 && !p.holds(states[states.length - 2]!, actions[actions.length - 1]!, last);
  else if (p.kind === 'sometimes') shows = p.holds(last);
  else if (p.kind === 'eventually') shows = model.actions(last).length === 0 && !p.holds(last);
  else shows = !p.holds(last);
  const what = file.verdict === 'witnessed' ? 'witnesses' : 'violates';
  return shows ? { ok: true, message: `replayed ${actions.length} steps: the trace still ${what} ${p.name}` } : { ok: false, message: `replayed ${actions.length} steps, but the trace no longer ${what} ${p.name}: the semantics changed since it was recorded` };
}

export function registerReplay(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command('replay')
    .description('replay a saved trace and check it still shows its recorded verdict')
    .argument('<trace-file>', 'a trace written by `afterlife check` (JSON), e.g. traces/table3-reuse-db-consistent.json')
    .option('--format <format>', 'table | json | itf', 'table')
    .addHelpText('after', '\nExit codes: 0 replays and still shows its verdict, 1 replays but no longer shows it, 2 malformed or diverging trace.')
    .action(async (file: string, flags: { format?: string }) => {
      const format = parseFormat(flags.format, ['table', 'json', 'itf'] as const, 'table');
      const loaded = await loadTraceFile(file);
      if (!loaded.ok) throw new CliFailure(loaded.errors);
      const t = loaded.value;
      const verdict = recordedVerdictHolds(t);
      if (format === 'table') io.out(formatTraceTable(t));
      else if (format === 'json') io.out(`${JSON.stringify({ ...t.file, replay: verdict }, null, 2)}\n`);
      else io.out(`${JSON.stringify(toItf(t.model, t.states, t.actions.map((a) => t.model.formatAction(a)), { model: t.file.model, semantics: t.file.semantics, variant: t.file.variant, property: t.file.property }), null, 2)}\n`);
      io.err(`${verdict.ok ? '✓' : '✗'} ${verdict.message}\n`);
      setExit(verdict.ok ? EXIT.ok : 1);
    });
}
