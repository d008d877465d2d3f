/**
 * Graph → DOT text and graph → JSON: the generic half of the state-graph pictures.
 *
 * Follows TLC's `-dump dot,colorize,actionlabels` conventions: one node per state, initial states
 * filled, edges labelled with the rule id. Added: states violating the highlighted property in red,
 * the shortest path to the nearest one drawn bold, each quotient node annotated with how many states
 * it stands for, and a legend. Labels are escaped once here (`dotString`), so nothing a model prints
 * can break the DOT syntax. JSON is a plain node/edge list (TLC users ask for it: tlaplus#639).
 */
import { counterexamplePath, type StateGraph } from './state-graph.ts';

/** A DOT double-quoted string; `\n` in the input becomes a centred line break. */
export function dotString(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}

/** A DOT string whose lines are left-aligned (`\l`). */
export function dotLeft(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\l')}\\l"`;
}

/** Escapes text for an HTML-like DOT label or for SVG/HTML. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface DotOptions {
  /** Property whose violating states are red and whose nearest violation's path is bold. */
  readonly property?: string;
  readonly title?: string;
  readonly legend?: boolean;
}

export const RED = '#d62728';
const INITIAL_FILL = '#cfe2ff';

export function graphToDot(graph: StateGraph, opts: DotOptions = {}): string {
  const prop = opts.property;
  const path = prop === undefined ? null : counterexamplePath(graph, prop);
  const boldEdges = new Set(path?.edges ?? []);
  const boldNodes = new Set<number>(path ? [path.node, ...path.edges.flatMap((i) => [graph.edges[i]!.from, graph.edges[i]!.to])] : []);
  const lines: string[] = [];
  lines.push('digraph states {');
  const title = opts.title ?? `${graph.model}${graph.projection ? ` — projection: ${graph.projection}` : ''}`;
  lines.push(`  graph [label=${dotString(`${title}\n${graph.nodes.length} nodes, ${graph.edges.length} edges (${graph.states} states, ${graph.transitions} transitions)`)}, labelloc=t, fontname="Helvetica", fontsize=12, rankdir=TB, nodesep=0.25, ranksep=0.35];`);
  lines.push('  node [shape=box, style="rounded", fontname="Helvetica", fontsize=9, margin="0.08,0.04"];');
  lines.push('  edge [fontname="Helvetica", fontsize=8, color="#555555", fontcolor="#333333"];');
  for (const n of graph.nodes) {
    const bad = prop !== undefined && (n.failing.includes(prop) || n.witnesses.includes(prop));
    const attrs: string[] = [];
    const some = prop === undefined ? 0 : (n.failingCount?.[prop] ?? 0);
    const label = graph.projection ? `${n.label}\n(${n.count} state${n.count === 1 ? '' : 's'}${some > 0 ? `, ${some} ${n.failing.includes(prop!) ? 'violate' : 'witness'} ${prop}` : ''})` : n.label;
    attrs.push(`label=${dotLeft(label)}`);
    const styles = ['rounded'];
    if (n.initial) styles.push('filled');
    if (bad) {
      attrs.push(`color="${RED}"`, `fontcolor="${RED}"`);
      // a class only some of whose states violate: red outline, no fill
      if (!n.initial && (graph.projection === null || some === n.count)) {
        styles.push('filled');
        attrs.push('fillcolor="#fde0e0"');
      }
    }
    if (n.initial) attrs.push(`fillcolor="${INITIAL_FILL}"`);
    if (boldNodes.has(n.id)) {
      styles.push('bold');
      attrs.push('penwidth=2.5');
    }
    if (n.terminal) attrs.push('peripheries=2');
    attrs.push(`style=${dotString(styles.join(','))}`);
    attrs.push(`tooltip=${dotString(`state ${n.id}, depth ${n.depth}${n.failing.length ? `; violates: ${n.failing.join(', ')}` : ''}`)}`);
    lines.push(`  s${n.id} [${attrs.join(', ')}];`);
  }
  graph.edges.forEach((e, i) => {
    const attrs = [`label=${dotString(graph.projection && e.count > 1 ? `${e.rule} ×${e.count}` : e.rule)}`, `tooltip=${dotString(e.label)}`];
    if (boldEdges.has(i)) attrs.push('penwidth=2.5', 'color="#000000"', 'style=bold');
    if (prop !== undefined && e.failing.includes(prop)) attrs.push(`color="${RED}"`, `fontcolor="${RED}"`);
    lines.push(`  s${e.from} -> s${e.to} [${attrs.join(', ')}];`);
  });
  if (opts.legend !== false) lines.push(...legend(prop, path !== null));
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

function legend(prop: string | undefined, found: boolean): string[] {
  const rows = [
    `<TR><TD BGCOLOR="${INITIAL_FILL}" BORDER="1">  </TD><TD ALIGN="LEFT">initial state</TD></TR>`,
    '<TR><TD BORDER="1">  </TD><TD ALIGN="LEFT">state (double border: terminal, no rule enabled)</TD></TR>',
  ];
  if (prop !== undefined) {
    rows.push(`<TR><TD BGCOLOR="#fde0e0" BORDER="1">  </TD><TD ALIGN="LEFT"><FONT COLOR="${RED}">violates ${escapeXml(prop)}</FONT></TD></TR>`);
    rows.push(`<TR><TD><B>━━</B></TD><TD ALIGN="LEFT">${found ? 'shortest counterexample path' : `no state violates ${escapeXml(prop)}`}</TD></TR>`);
  }
  rows.push('<TR><TD>→</TD><TD ALIGN="LEFT">transition, labelled with its rule id</TD></TR>');
  return [
    '  subgraph cluster_legend {',
    '    label="legend"; fontname="Helvetica"; fontsize=10; style="dashed"; color="#999999";',
    `    legend [shape=plaintext, fontsize=9, label=<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2">${rows.join('')}</TABLE>>];`,
    '  }',
  ];
}

/** The graph as a plain node/edge list. */
export function graphToJSON(graph: StateGraph, property?: string): string {
  const path = property === undefined ? null : counterexamplePath(graph, property);
  const doc = {
    model: graph.model,
    projection: graph.projection,
    property: property ?? null,
    states: graph.states,
    transitions: graph.transitions,
    counterexample: path ? { node: path.node, edges: path.edges } : null,
    nodes: graph.nodes.map((n) => ({ id: n.id, depth: n.depth, label: n.label, initial: n.initial, terminal: n.terminal, failing: n.failing, witnesses: n.witnesses, count: n.count })),
    edges: graph.edges.map((e) => ({ from: e.from, to: e.to, rule: e.rule, label: e.label, failing: e.failing, count: e.count })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
