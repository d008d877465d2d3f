/**
 * How `check` prints a result: coverage first (what was explored, whether the space was exhausted),
 * then one block per property — violations and witnesses with their shortest trace as a paper-style
 * table — then the verdict line and the exact command that reproduces the run. Only deterministic
 * content goes to stdout (no timings), so the same inputs give byte-identical output.
 */
import { formatPath, replay, pathOfTrace, type CheckResult, type PropertyVerdict } from '../checker/index.ts';
import type { Action } from '../semantics/actions.ts';
import type { ServerlessModel } from '../semantics/model.ts';
import { formatTraceTable } from '../pictures/table.ts';

export function coverageLines(result: CheckResult<Action>): string[] {
  if (result.mode === 'random') {
    const c = result.coverage;
    return [`Random scheduling: ${c.runs} runs, ${c.steps} steps, max depth ${c.maxDepthReached}, seed ${result.seedHex} (stopped: ${c.stoppedBy}).`];
  }
  const c = result.coverage;
  const why = c.stoppedBy === 'interrupted' ? 'interrupted (Ctrl-C)' : `stopped by ${c.stoppedBy}`;
  const scope = c.exhausted ? 'the whole reachable state space' : `${why}: results hold only within these bounds`;
  const lines = [`Explored ${c.distinct} distinct states (${c.generated} generated, ${c.transitions} transitions), depth ${c.maxDepthReached}, ${c.terminalStates} terminal — ${scope}.`];
  if (c.frontierCut > 0) lines.push(`${c.frontierCut} states at the depth bound were not expanded.`);
  if (c.collisionProbability !== undefined && c.collisionProbability > 0)
    lines.push(`Fingerprint collision probability (TLC estimate n·(m−n)/2^64): ${c.collisionProbability.toExponential(1)}.`);
  return lines;
}

const DESCRIBE: Record<string, string> = {
  violated: 'VIOLATED',
  witnessed: 'witnessed',
  holds: 'holds',
  'holds-within-bounds': 'holds within the bounds',
  'not-violated-in-samples': 'not violated in the sampled runs (no proof)',
  'no-witness': 'no witness: unreachable',
  'no-witness-within-bounds': 'no witness within the bounds',
  'no-witness-in-samples': 'no witness in the sampled runs (proves nothing)',
};

export function verdictBlock(model: ServerlessModel, v: PropertyVerdict<Action>, saved: string | undefined): string {
  const property = model.properties.find((p) => p.name === v.property)!;
  const mark = v.status === 'violated' ? '✗' : v.status === 'witnessed' || v.status === 'holds' ? '✓' : '·';
  const claim = property.claim ? ` [${property.claim}]` : '';
  let out = `${mark} ${v.property} (${property.kind})${claim}: ${DESCRIBE[v.status] ?? v.status}\n    ${property.description}\n`;
  if ('trace' in v) {
    const r = replay(model, pathOfTrace(v.trace));
    if (!r.ok) throw new Error(`internal: found trace does not replay: ${r.divergence.message}`);
    const what = v.status === 'violated' ? 'Counterexample' : 'Witness';
    out += `  ${what}: ${v.trace.steps.length} steps, path ${formatPath({ init: v.trace.init, choices: v.trace.steps.map((s) => s.choice) }) || '(initial state)'}\n`;
    out += indent(formatTraceTable({ model, states: r.states, actions: r.trace.steps.map((s) => s.action) }).split('\n').slice(1).join('\n'), '    ');
    if (saved) out += `  Saved: ${saved} (and .itf.json); replay with: npx afterlife replay ${saved}\n`;
  } else if (v.note) out += `    note: ${v.note}\n`;
  return out;
}

const indent = (text: string, pad: string) => text.split('\n').map((l) => (l ? pad + l : l)).join('\n').replace(/\n*$/, '\n');
