/**
 * Drawings of a promise graph: a text listing (nodes, edges, verdicts and the races with the command
 * that confirms or refutes each) and DOT in the style of the paper's Fig. 2 (main's commands on the
 * left, one column per chain, the response and end() at the bottom; racing writes in red).
 */
import { dotString, RED } from '../viz/dot.ts';
import { END, RESPONSE, type PromiseGraph } from './promise-graph.ts';

export interface DrawContext {
  /** Model argument and semantics to put in the suggested check command. */
  readonly model: string;
  readonly semantics: string;
}

export function checkCommand(ctx: DrawContext): string {
  return `afterlife check ${ctx.model} --semantics ${ctx.semantics} --property no-lost-write`;
}

/** One-paragraph verdict lines (also used by the report). */
export function verdictLines(g: PromiseGraph, ctx: DrawContext): string[] {
  const lines: string[] = [];
  for (const r of g.races) lines.push(`race: ${r.message}`);
  if (g.usesEnd) {
    if (g.chainsNotReachingEnd.length === 0) lines.push(`every chain reaches end(): ${g.chainsReachingEnd.join(', ')}`);
    else lines.push(`chains with no path to end(): ${g.chainsNotReachingEnd.join(', ')}`);
  }
  if (g.races.length === 0) lines.push(`no potential race: every write has a path to ${g.usesEnd ? 'end()' : 'the response'}`);
  lines.push(`${g.races.length > 0 ? 'confirm or refute' : 'cross-check'} with: ${checkCommand(ctx)}`);
  return lines;
}

export function promiseGraphText(g: PromiseGraph, ctx: DrawContext): string {
  const racing = new Set(g.races.map((r) => r.node));
  const w = Math.max(...g.nodes.map((n) => n.id.length));
  const out = [`promise graph of ${g.program} (paper Fig. 2 style)`, 'nodes:'];
  for (const n of g.nodes) out.push(`  ${n.id.padEnd(w)}  ${n.kind === 'promise' || n.kind === 'main' ? n.label.slice(n.id.length + 1) : n.label}${racing.has(n.id) ? '   ⚠ race' : ''}`);
  out.push('edges:');
  const fw = Math.max(...g.edges.map((e) => `${e.from} -> ${e.to}`.length));
  for (const e of g.edges) out.push(`  ${`${e.from} -> ${e.to}`.padEnd(fw)}  (${e.why})`);
  out.push('', ...verdictLines(g, ctx));
  return `${out.join('\n')}\n`;
}

const nodeId = (id: string) => dotString(id);

export function promiseGraphToDot(g: PromiseGraph): string {
  const racing = new Set(g.races.map((r) => r.node));
  const out = ['digraph promises {'];
  out.push(`  graph [label=${dotString(`promise graph: ${g.program}${g.races.length ? `\n${g.races.length} potential race${g.races.length > 1 ? 's' : ''} (red)` : ''}`)}, labelloc=t, fontname="Helvetica", fontsize=12, rankdir=TB, nodesep=0.4, ranksep=0.4];`);
  out.push('  node [fontname="Helvetica", fontsize=10, shape=box, style="rounded"];');
  out.push('  edge [fontname="Helvetica", fontsize=8, color="#555555"];');
  const main = g.nodes.filter((n) => n.kind === 'main');
  out.push('  subgraph cluster_main { label="main"; style=dashed; color="#999999"; fontname="Helvetica"; fontsize=10;');
  for (const n of main) out.push(`    ${nodeId(n.id)} [label=${dotString(n.label)}, style="rounded,filled", fillcolor="#eef2f7"];`);
  out.push('  }');
  const chains = [...new Set(g.nodes.flatMap((n) => (n.chain ? [n.chain] : [])))];
  for (const c of chains) {
    out.push(`  subgraph ${dotString(`cluster_${c}`)} { label=${dotString(`chain ${c}`)}; style=dashed; color="#999999"; fontname="Helvetica"; fontsize=10;`);
    for (const n of g.nodes.filter((x) => x.chain === c)) {
      const race = racing.has(n.id);
      out.push(`    ${nodeId(n.id)} [label=${dotString(n.label + (race ? '\n⚠ no path to ' + (g.usesEnd ? 'end()' : 'response') : ''))}${race ? `, color="${RED}", fontcolor="${RED}", style="rounded,filled,bold", fillcolor="#fde0e0", penwidth=2` : ''}];`);
    }
    out.push('  }');
  }
  out.push(`  ${nodeId(RESPONSE)} [label="response", shape=doublecircle, style=filled, fillcolor="#d4edda", fontsize=10];`);
  if (g.usesEnd) out.push(`  ${nodeId(END)} [label="end()", shape=doubleoctagon, style=filled, fillcolor="#d4edda", fontsize=10];`);
  for (const e of g.edges) {
    const style = e.why === 'program order' ? ', style=dashed' : e.why === 'chain order' ? '' : ', penwidth=1.5';
    out.push(`  ${nodeId(e.from)} -> ${nodeId(e.to)} [tooltip=${dotString(e.why)}${e.why !== 'chain order' && e.why !== 'program order' ? `, label=${dotString(e.why)}` : ''}${style}];`);
  }
  out.push('}');
  return `${out.join('\n')}\n`;
}
