/**
 * `afterlife traces <model>`: every distinct way the model breaks, within bounds — one shortest
 * trace per *shape* (the rule sequence with event/promise identities as the model canonicalises
 * them), grouped by property, with how many raw violations each shape stands for.
 */
import type { Command } from 'commander';
import { enumerateCounterexamples, formatPath, replay, pathOfTrace } from '../../checker/index.ts';
import { formatTraceTable } from '../../pictures/table.ts';
import { loadServerless } from '../command-helpers.ts';
import { parseCount } from '../common-options.ts';
import { EXIT } from '../exit-codes.ts';
import { CliFailure, type CliIO } from '../io.ts';
import { saveTrace } from '../save-trace.ts';
import { modelRef } from '../trace-file.ts';
import { selectProperties } from './check.ts';
import { join } from 'node:path';

interface Flags {
  semantics?: string;
  literal?: boolean;
  property?: string[];
  maxDepth?: string;
  maxStates?: string;
  max?: string;
  tables?: boolean;
  outDir?: string;
}

export function registerTraces(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command('traces')
    .description('enumerate the distinct counterexamples of a model, grouped by property and deduplicated by shape')
    .argument('<model>', 'a model folder or module, or a name under models/')
    .option('--semantics <name>', 'single | reuse | wait-all | decoupled')
    .option('--literal', "the paper's rules exactly as written")
    .option('--property <names...>', "properties (default: the safety properties; 'all' adds the paper's claims)")
    .option('--max-depth <n>', 'bound on trace length')
    .option('--max-states <n>', 'bound on distinct states per search')
    .option('--max <n>', 'distinct shapes shown per property', '10')
    .option('--tables', 'print each trace as a paper-style table')
    .option('--out-dir <dir>', 'save every trace (JSON + ITF) in this folder')
    .addHelpText('after', '\nExit codes: 0 no counterexample, 12 some safety counterexample, 13 only eventually ones, 2 bad input.')
    .action(async (modelArg: string, flags: Flags) => {
      const { loaded, model } = await loadServerless(modelArg, flags.semantics, flags.literal);
      const properties = selectProperties(model, flags.property);
      const run = enumerateCounterexamples(model, {
        properties,
        maxPerProperty: parseCount(flags.max, '--max', { min: 1 })!,
        ...(flags.maxDepth !== undefined ? { maxDepth: parseCount(flags.maxDepth, '--max-depth')! } : {}),
        ...(flags.maxStates !== undefined ? { maxStates: parseCount(flags.maxStates, '--max-states', { min: 1 })! } : {}),
      });
      if (!run.ok) throw new CliFailure(run.errors.map((e) => ({ code: e.code, location: `--${String(e.option)}`, message: e.message, hint: e.hint })));
      const report = run.report;
      const ref = modelRef(loaded.file);
      io.out(`afterlife traces ${ref} — semantics ${model.options.semantics} (${model.options.variant})${report.stoppedBy === 'exhausted' ? '' : ` — stopped by ${report.stoppedBy}: within bounds only`}\n`);
      let safety = false;
      let liveness = false;
      for (const p of report.properties) {
        if (p.rawViolations === 0) continue;
        if (p.kind === 'eventually') liveness = true;
        else safety = true;
        io.out(`\n${p.property} (${p.kind}): ${p.rawViolations} violating ${p.kind === 'always-step' ? 'steps' : 'states'}, ${p.distinctShapes} distinct shape${p.distinctShapes === 1 ? '' : 's'}${p.truncated ? ` (showing ${p.shapes.length})` : ''}\n`);
        p.shapes.forEach((g, i) => {
          io.out(`  #${i + 1}  ${g.trace.steps.length} steps, stands for ${g.occurrences}, path ${formatPath({ init: g.trace.init, choices: g.trace.steps.map((s) => s.choice) })}\n      ${compactShape(g.shape)}\n`);
          const r = replay(model, pathOfTrace(g.trace));
          if (!r.ok) throw new Error(`internal: enumerated trace does not replay: ${r.divergence.message}`);
          if (flags.tables) io.out(formatTraceTable({ model, states: r.states, actions: r.trace.steps.map((s) => s.action) }).replace(/^/gm, '      ') + '\n');
          if (flags.outDir) {
            const f = join(flags.outDir, `${model.definition.name.replace(/[^A-Za-z0-9_-]+/g, '-')}.${model.options.semantics}.${model.options.variant}.${p.property}.${i + 1}.json`);
            io.out(`      saved ${saveTrace(f, model, ref, g.trace, r.states, p.property, 'violated', `npx afterlife traces ${ref} --semantics ${model.options.semantics}`).json}\n`);
          }
        });
      }
      if (!safety && !liveness) io.out('\nNo counterexample within the bounds.\n');
      setExit(safety ? EXIT.safetyViolation : liveness ? EXIT.livenessViolation : EXIT.ok);
    });
}

/** Consecutive repeats folded: `fig4/local@0 → fig4/local@1 → …` */
function compactShape(shape: readonly string[]): string {
  return shape.map((s) => s.replace(/^fig\d\//, '')).join(' → ');
}
