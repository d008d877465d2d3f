/**
 * `afterlife report <model>`: a self-contained HTML report (claims table, counterexamples as tables
 * and sequence diagrams, the promise graph, the state graph) that opens offline in any browser. A
 * state graph of more than 80 nodes is unreadable at page width, so the report then draws its
 * quotient under env × pending writes × responded instead (`afterlife graph` draws the full one).
 */
import type { Command } from 'commander';
import { EXIT } from '../exit-codes.ts';
import { CliFailure, type CliIO } from '../io.ts';
import { emit, loadServerless } from '../command-helpers.ts';
import { DEFAULT_PROJECTION } from '../../pictures/projection.ts';
import { buildReport } from '../../pictures/report.ts';
import { chooseProperty, DEFAULT_MAX_NODES, stateGraphOf } from './graph.ts';

/** Above this many states the report draws the quotient graph. */
export const REPORT_MAX_NODES = 80;

export function registerReport(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command('report')
    .description('write a self-contained HTML report: claims, counterexamples, promise graph, state graph')
    .argument('<model>', 'model folder, module, or name under models/')
    .option('--semantics <s>', "semantics of the counterexamples and state graph (default: the model's first)")
    .option('--literal', 'the rules exactly as the paper writes them (default: repaired)')
    .option('--property <p>', 'property to highlight in the state graph')
    .option('--out <file>', 'output file', 'report.html')
    .action(async (modelArg: string, flags: { semantics?: string; literal?: boolean; property?: string; out?: string }) => {
      const { loaded, model } = await loadServerless(modelArg, flags.semantics, flags.literal);
      let graph;
      try {
        graph = stateGraphOf(model, REPORT_MAX_NODES, undefined);
      } catch (e) {
        if (!(e instanceof CliFailure) || e.errors[0]?.code !== 'AFL504') throw e;
        graph = stateGraphOf(model, DEFAULT_MAX_NODES, DEFAULT_PROJECTION.join(','));
      }
      const property = chooseProperty(model, graph, flags.property);
      const html = await buildReport({ definition: loaded.definition, modelArg, model, stateGraph: graph, property });
      emit(io, flags.out ?? 'report.html', html);
      setExit(EXIT.ok);
    });
}
