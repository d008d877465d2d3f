/**
 * A sequence diagram drawn with Graphviz (for SVG, since Mermaid needs a browser and JavaScript).
 *
 * Layout trick: one row of invisible points per diagram item, `rank=same`, chained left to right by
 * invisible edges so the lanes keep their order; each lane's points are joined top to bottom by a
 * dashed, heavy-weight lifeline so they line up in a column. A message is an edge between two points
 * of its row (`constraint=false`); a self-message loops on its point; a note replaces its lane's point
 * by a note-shaped node. Warnings are red.
 */
import { dotString, RED } from '../viz/dot.ts';
import type { SequenceDiagram } from './sequence.ts';

const STYLE = { sync: 'solid', async: 'solid', reply: 'dashed' } as const;
const HEAD = { sync: 'normal', async: 'vee', reply: 'normal' } as const;

export function sequenceToDot(d: SequenceDiagram): string {
  const lanes = d.lanes.map((l) => l.id);
  const col = new Map(lanes.map((l, i) => [l, i]));
  const out: string[] = ['digraph sequence {'];
  out.push(`  graph [label=${dotString(d.title)}, labelloc=t, fontname="Helvetica", fontsize=12, rankdir=TB, nodesep=1.1, ranksep=0.08, splines=true, newrank=true];`);
  out.push('  node [fontname="Helvetica", fontsize=9];');
  out.push('  edge [fontname="Helvetica", fontsize=9];');
  const point = (r: number | 'h' | 'f', c: number) => `n_${r}_${c}`;
  const rows: string[][] = [];
  // header row
  rows.push(d.lanes.map((l, c) => `${point('h', c)} [shape=box, style="rounded,filled", fillcolor="#eef2f7", label=${dotString(l.label)}];`));
  d.items.forEach((it, r) => {
    const cells: string[] = [];
    const noteCol = it.kind === 'note' ? Math.min(...it.over.map((o) => col.get(o) ?? 0)) : -1;
    for (let c = 0; c < lanes.length; c++) {
      if (c === noteCol && it.kind === 'note') {
        const color = it.warn ? `color="${RED}", fontcolor="${RED}", fillcolor="#fde0e0"` : 'color="#888888", fillcolor="#fffbe6"';
        cells.push(`${point(r, c)} [shape=note, style=filled, ${color}, label=${dotString(it.text)}];`);
      } else cells.push(`${point(r, c)} [shape=point, width=0.01, height=0.01, style=invis];`);
    }
    rows.push(cells);
  });
  rows.push(d.lanes.map((l, c) => `${point('f', c)} [shape=box, style="rounded,filled", fillcolor="#eef2f7", label=${dotString(l.label)}];`));
  const rowIds: (number | 'h' | 'f')[] = ['h', ...d.items.map((_, r) => r), 'f'];
  rows.forEach((cells, i) => {
    out.push(`  { rank=same; ${cells.join(' ')} }`);
    const r = rowIds[i]!;
    for (let c = 0; c + 1 < lanes.length; c++) out.push(`  ${point(r, c)} -> ${point(r, c + 1)} [style=invis, minlen=1];`);
  });
  for (let c = 0; c < lanes.length; c++)
    for (let i = 0; i + 1 < rowIds.length; i++) out.push(`  ${point(rowIds[i]!, c)} -> ${point(rowIds[i + 1]!, c)} [style=dashed, color="#bbbbbb", arrowhead=none, weight=1000];`);
  d.items.forEach((it, r) => {
    if (it.kind !== 'message') return;
    const from = col.get(it.from) ?? 0;
    const to = col.get(it.to) ?? 0;
    const color = it.warn ? `color="${RED}", fontcolor="${RED}", penwidth=1.8` : 'color="#333333"';
    if (from === to) out.push(`  ${point(r, from)}:e -> ${point(r, to)}:e [label=${dotString(it.text)}, ${color}, constraint=false, arrowhead=${HEAD[it.arrow]}];`);
    else out.push(`  ${point(r, from)} -> ${point(r, to)} [xlabel=${dotString(it.text)}, ${color}, style=${STYLE[it.arrow]}, arrowhead=${HEAD[it.arrow]}, constraint=false];`);
  });
  out.push('}');
  return `${out.join('\n')}\n`;
}
