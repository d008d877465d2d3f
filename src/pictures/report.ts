/**
 * `afterlife report`: one self-contained HTML file per model — no network, no scripts: inline CSS,
 * inline SVG drawn by Graphviz (WASM), Mermaid text only as copyable source in a <details>.
 *
 * Sections: the claims table (every semantics × variant, exhaustive), one counterexample per
 * violated property of the chosen semantics (paper-style table + sequence diagram; properties with the
 * same shortest run share it), the promise graph with its races, and the state graph (or a quotient,
 * when the caller had to project it).
 */
import { isPaperClaim } from '../semantics/properties.ts';
import { replay } from '../checker/trace.ts';
import type { ModelDefinition } from '../semantics/define-model.ts';
import type { ServerlessModel } from '../semantics/model.ts';
import { escapeXml, graphToDot } from '../viz/dot.ts';
import { graphvizVersion, renderSvg } from '../viz/render.ts';
import type { StateGraph } from '../viz/state-graph.ts';
import { computeClaims, verdictCell, type ClaimsTable } from './claims.ts';
import { toMermaid } from './mermaid.ts';
import { promiseGraph } from './promise-graph.ts';
import { promiseGraphToDot, verdictLines } from './promise-graph-draw.ts';
import { sequenceToDot } from './sequence-dot.ts';
import { sequenceOf } from './sequence.ts';
import { formatTraceTable } from './table.ts';

export interface ReportInput {
  readonly definition: ModelDefinition;
  /** The model argument as the user gave it (for suggested commands). */
  readonly modelArg: string;
  /** The semantics whose counterexamples and state graph are shown. */
  readonly model: ServerlessModel;
  readonly stateGraph: StateGraph;
  readonly property: string;
}

const CSS = `body{font-family:system-ui,-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;margin:2rem auto;max-width:1200px;padding:0 1rem;color:#222}
h1{font-size:1.6rem}h2{margin-top:2.5rem;border-bottom:1px solid #ddd;padding-bottom:.3rem}h3{margin-top:1.5rem}
table.claims{border-collapse:collapse;font-size:.85rem}table.claims td,table.claims th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}
td.violated{background:#fde0e0;color:#a00}td.holds{background:#e3f4e6}td.witnessed{background:#e0ecff}td.other{background:#f4f4f4}
pre{background:#f7f7f9;border:1px solid #e1e1e8;padding:.6rem;overflow:auto;font-size:.78rem;line-height:1.35}
.figure{overflow:auto;border:1px solid #eee;padding:.5rem;margin:.5rem 0}.figure svg{max-width:100%;height:auto}
.race{color:#a00;font-weight:600}.muted{color:#666;font-size:.85rem}code{background:#f2f2f2;padding:0 .2rem}`;

export async function buildReport(input: ReportInput): Promise<string> {
  const { definition: def, model } = input;
  const claims = computeClaims(def);
  const parts: string[] = [];
  parts.push(`<h1>${escapeXml(def.title)}</h1>`);
  parts.push(`<p>${escapeXml(def.description)}</p><p class="muted">model <code>${escapeXml(def.name)}</code> · source: ${escapeXml(def.source)} · pictures by Graphviz ${escapeXml(await graphvizVersion())} (WASM), rendered offline</p>`);
  parts.push('<h2 id="claims">Claims</h2>', claimsHtml(claims));
  parts.push(`<h2 id="counterexamples">Counterexamples under ${escapeXml(model.name)}</h2>`, ...(await counterexamplesHtml(claims, model)));
  const pg = promiseGraph(model.ctx.program);
  parts.push('<h2 id="promises">Promise graph (paper Fig. 2)</h2>');
  parts.push(`<ul>${verdictLines(pg, { model: input.modelArg, semantics: model.options.semantics }).map((l) => `<li${l.startsWith('race') ? ' class="race"' : ''}>${escapeXml(l)}</li>`).join('')}</ul>`);
  parts.push(`<div class="figure">${await renderSvg(promiseGraphToDot(pg))}</div>`);
  const g = input.stateGraph;
  parts.push(`<h2 id="states">State graph${g.projection ? ` (projection: ${escapeXml(g.projection)})` : ''}</h2>`);
  parts.push(`<p class="muted">${g.states} states, ${g.transitions} transitions${g.projection ? `, drawn as ${g.nodes.length} classes (each labelled with how many states it stands for; the full graph: <code>afterlife graph ${escapeXml(input.modelArg)} --semantics ${model.options.semantics}${model.options.variant === 'literal' ? ' --literal' : ''} --format svg</code>)` : ''}; red: states violating <code>${escapeXml(input.property)}</code>; bold: the shortest path to one.</p>`);
  parts.push(`<div class="figure">${await renderSvg(graphToDot(g, { property: input.property }))}</div>`);
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>afterlife report: ${escapeXml(def.name)}</title><style>${CSS}</style></head><body>\n${parts.join('\n')}\n</body></html>\n`;
}

function claimsHtml(c: ClaimsTable): string {
  const head = `<tr><th>property</th><th>claim</th>${c.columns.map((col) => `<th>${escapeXml(col.semantics)}<br><span class="muted">${col.variant}, ${col.distinct} states${col.exhausted ? '' : ' (bounded)'}</span></th>`).join('')}</tr>`;
  const rows = c.properties.map((p) => {
    const cells = c.columns.map((col) => {
      const v = col.verdicts.find((x) => x.property === p.name);
      const cls = v?.status === 'violated' ? 'violated' : v?.status === 'holds' ? 'holds' : v?.status === 'witnessed' ? 'witnessed' : 'other';
      return `<td class="${cls}">${escapeXml(verdictCell(v))}</td>`;
    });
    return `<tr><td><code>${escapeXml(p.name)}</code> <span class="muted">${p.kind}</span></td><td>${escapeXml(p.claim ?? '')}</td>${cells.join('')}</tr>`;
  });
  return `<table class="claims">${head}${rows.join('')}</table><p class="muted">violated (n) / witnessed (n): a shortest run of n steps exists; holds / no-witness: exhaustive search found none.</p>`;
}

async function counterexamplesHtml(claims: ClaimsTable, model: ServerlessModel): Promise<string[]> {
  const col = claims.columns.find((c) => c.semantics === model.options.semantics && c.variant === model.options.variant);
  // the user-level properties (lost writes, database invariants) first, the paper's claims after
  const claimRank = (name: string) => (isPaperClaim(model.properties.find((p) => p.name === name) ?? {}) ? 1 : 0);
  const violated = (col?.verdicts ?? []).filter((v) => v.status === 'violated').sort((a, b) => claimRank(a.property) - claimRank(b.property));
  if (violated.length === 0) return ['<p>No property is violated under this semantics.</p>'];
  // group properties that share the same shortest run
  const groups = new Map<string, { properties: string[]; choices: number[]; init: number }>();
  for (const v of violated) {
    if (v.status !== 'violated') continue;
    const choices = v.trace.steps.map((s) => s.choice);
    const key = `${v.trace.init}:${choices.join('/')}`;
    const g = groups.get(key) ?? { properties: [], choices, init: v.trace.init };
    g.properties.push(v.property);
    groups.set(key, g);
  }
  const out: string[] = [];
  for (const g of groups.values()) {
    const r = replay(model, { init: g.init, choices: g.choices });
    if (!r.ok) continue;
    const run = { model, states: r.states, actions: r.trace.steps.map((s) => s.action), file: { property: g.properties[0]!, verdict: 'violated' } };
    const seq = sequenceOf(run);
    out.push(`<h3>${g.properties.map((p) => `<code>${escapeXml(p)}</code>`).join(', ')} — ${g.choices.length} steps</h3>`);
    out.push(`<pre>${escapeXml(formatTraceTable(run))}</pre>`);
    out.push(`<div class="figure">${await renderSvg(sequenceToDot(seq))}</div>`);
    out.push(`<details><summary>Mermaid source (paste into a GitHub comment)</summary><pre>${escapeXml(toMermaid(seq))}</pre></details>`);
  }
  return out;
}
