/**
 * `afterlife promises <model>`: the static promise graph of the handler (paper Fig. 2) and the
 * potential races it shows — writes with no path to the response (or to end()) — each with the
 * `afterlife check` command that confirms or refutes it. Exit 0 either way: a potential race is a
 * finding to check, not a verdict.
 */
import type { Command } from 'commander';
import { EXIT } from '../exit-codes.ts';
import type { CliIO } from '../io.ts';
import { emit, loadServerless, parseFormat } from '../command-helpers.ts';
import { promiseGraph } from '../../pictures/promise-graph.ts';
import { promiseGraphText, promiseGraphToDot } from '../../pictures/promise-graph-draw.ts';
import { renderSvg } from '../../viz/render.ts';

export function registerPromises(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command('promises')
    .description('draw the promise graph of a model (paper Fig. 2) and list writes that race the response or end()')
    .argument('<model>', 'model folder, module, or name under models/')
    .option('--semantics <s>', "semantics to compile for (default: the model's first)")
    .option('--format <f>', 'text | dot | svg', 'text')
    .option('--out <file>', 'write to a file instead of stdout')
    .action(async (modelArg: string, flags: { semantics?: string; format?: string; out?: string }) => {
      const format = parseFormat(flags.format, ['text', 'dot', 'svg'] as const, 'text');
      const { model } = await loadServerless(modelArg, flags.semantics, false);
      const graph = promiseGraph(model.ctx.program);
      if (format === 'text') emit(io, flags.out, promiseGraphText(graph, { model: modelArg, semantics: model.options.semantics }));
      else {
        const dot = promiseGraphToDot(graph);
        emit(io, flags.out, format === 'dot' ? dot : await renderSvg(dot));
      }
      setExit(EXIT.ok);
    });
}
