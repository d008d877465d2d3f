/**
 * `afterlife graph <model>`: the explicit state graph (or its quotient under `--project`) as DOT,
 * SVG (Graphviz WASM) or JSON. States violating the chosen property are red and the shortest path to
 * one is bold; the default property is the first `always` property some state violates, else
 * `no-lost-write`. Above `--max-nodes` it refuses with AFL504 rather than draw an unreadable picture.
 */
import type { Command } from 'commander';
import { parseCount } from '../common-options.ts';
import { EXIT } from '../exit-codes.ts';
import { CliFailure, type CliIO } from '../io.ts';
import { emit, loadServerless, parseFormat } from '../command-helpers.ts';
import { parseProjection, stateLabel } from '../../pictures/projection.ts';
import { graphToDot, graphToJSON } from '../../viz/dot.ts';
import { renderSvg } from '../../viz/render.ts';
import { buildStateGraph, type StateGraph } from '../../viz/state-graph.ts';
import type { ServerlessModel } from '../../semantics/model.ts';
import { userPropertiesFirst } from '../../semantics/properties.ts';

export const DEFAULT_MAX_NODES = 500;

interface GraphFlags {
  semantics?: string;
  literal?: boolean;
  format?: string;
  out?: string;
  maxNodes?: string;
  project?: string;
  property?: string;
}

/** Builds the (possibly projected) graph of a model; refusals and bad flags become CliFailures. */
export function stateGraphOf(model: ServerlessModel, maxNodes: number, project: string | undefined): StateGraph {
  const prog = model.ctx.program;
  let projection;
  if (project !== undefined) {
    const parsed = parseProjection(project, prog);
    if (!parsed.ok) throw new CliFailure(parsed.errors);
    projection = parsed.projection;
  }
  const built = buildStateGraph(model, { maxNodes, label: (s) => stateLabel(s, prog), ...(projection ? { projection } : {}) });
  if (!built.ok) {
    const what = built.reason === 'max-states' ? `more than ${built.limit} states to explore` : `at least ${built.reachedAtLeast} nodes, more than --max-nodes ${built.limit}`;
    throw new CliFailure([{ code: 'AFL504', location: model.name, message: `the state graph is too large to draw: ${what}`, hint: `draw a quotient with --project env,pending-writes,responded, or raise --max-nodes` }]);
  }
  return built.graph;
}

/** The property to highlight: the given one, else the first violated `always` property, else `no-lost-write`. */
export function chooseProperty(model: ServerlessModel, graph: StateGraph, given: string | undefined): string {
  const names = model.properties.map((p) => p.name);
  if (given !== undefined) {
    if (!names.includes(given)) throw new CliFailure([{ code: 'AFL503', location: '--property', message: `unknown property '${given}'`, hint: `one of: ${names.join(', ')}` }]);
    return given;
  }
  const first = userPropertiesFirst(model.properties).find((p) => p.kind === 'always' && graph.nodes.some((n) => n.failing.includes(p.name)));
  return first?.name ?? 'no-lost-write';
}

export function registerGraph(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command('graph')
    .description('draw the state graph of a model (DOT, SVG or JSON); red: states violating the property, bold: shortest path to one')
    .argument('<model>', 'model folder, module, or name under models/')
    .option('--semantics <s>', 'single | reuse | wait-all | decoupled (default: the model\'s first)')
    .option('--literal', 'the rules exactly as the paper writes them (default: repaired)')
    .option('--format <f>', 'dot | svg | json', 'dot')
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--max-nodes <n>', `refuse to draw more nodes than this (default ${DEFAULT_MAX_NODES})`)
    .option('--project <components>', 'draw the quotient graph under a projection, e.g. env,pending-writes,responded')
    .option('--property <p>', 'property to highlight (default: first violated always property, else no-lost-write)')
    .action(async (modelArg: string, flags: GraphFlags) => {
      const format = parseFormat(flags.format, ['dot', 'svg', 'json'] as const, 'dot');
      const maxNodes = parseCount(flags.maxNodes, '--max-nodes', { min: 1 }) ?? DEFAULT_MAX_NODES;
      const { model } = await loadServerless(modelArg, flags.semantics, flags.literal);
      const graph = stateGraphOf(model, maxNodes, flags.project);
      const property = chooseProperty(model, graph, flags.property);
      if (format === 'json') emit(io, flags.out, graphToJSON(graph, property));
      else {
        const dot = graphToDot(graph, { property, title: `${model.name}${graph.projection ? ` — projection: ${graph.projection}` : ''}` });
        emit(io, flags.out, format === 'dot' ? dot : await renderSvg(dot));
      }
      setExit(EXIT.ok);
    });
}
