/**
 * `afterlife check <model>`: can this handler lose a write under this platform semantics?
 *
 * Exhaustive BFS by default (shortest counterexamples), DFS, or random scheduling with fast-check
 * (shrunk schedules, seed printed). By default it checks the safety properties a user cares about
 * (no-lost-write, the model's database invariants, respond-at-most-once, responded-before-end,
 * no-stuck-event); the paper's lemmas and theorems are checked with `--property all` or by name (and
 * tabulated by `afterlife claims`). Exit codes: 0 no violation within the bounds, 12 safety
 * violation, 13 only a quiescence (eventually) violation, 2 bad input, 255 internal error.
 */
import type { Command } from 'commander';
import { check, type CheckOptions, type CheckResult, type PropertyVerdict } from '../../checker/index.ts';
import type { Action } from '../../semantics/actions.ts';
import type { ServerlessModel } from '../../semantics/model.ts';
import { isPaperClaim } from '../../semantics/properties.ts';
import { loadServerless } from '../command-helpers.ts';
import { coverageLines, verdictBlock } from '../check-report.ts';
import { parseCount } from '../common-options.ts';
import { EXIT } from '../exit-codes.ts';
import { CliFailure, type CliIO } from '../io.ts';
import { checkInWorker } from '../interruptible.ts';
import { progressPrinter } from '../progress.ts';
import { defaultTracePath, saveTrace } from '../save-trace.ts';
import { modelRef } from '../trace-file.ts';

interface CheckFlags {
  semantics?: string;
  literal?: boolean;
  property?: string[];
  mode?: string;
  maxDepth?: string;
  maxStates?: string;
  timeout?: string;
  seed?: string;
  runs?: string;
  exact?: boolean;
  first?: boolean;
  json?: boolean;
  out?: string;
  save?: boolean;
  quiet?: boolean;
}

export function selectProperties(model: ServerlessModel, requested: readonly string[] | undefined): string[] {
  const names = model.properties.map((p) => p.name);
  const wanted = (requested ?? []).flatMap((r) => r.split(',')).map((s) => s.trim()).filter(Boolean);
  if (wanted.length === 0) return model.properties.filter((p) => !isPaperClaim(p)).map((p) => p.name);
  if (wanted.includes('all')) return names;
  const unknown = wanted.filter((w) => !names.includes(w));
  if (unknown.length > 0)
    throw new CliFailure(unknown.map((u) => ({ code: 'AFL503', location: '--property', message: `unknown property '${u}' for ${model.definition.name}`, hint: `one of: ${names.join(', ')}, or 'all'` })));
  return wanted;
}

export function registerCheck(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command('check')
    .description('explore a model under a semantics and report every property violation with its shortest trace')
    .argument('[model]', "a model folder or module, or a name under models/ (see 'afterlife list')", 'paper/running-example')
    .option('--semantics <name>', 'single | reuse | wait-all | decoupled (default: the first the model is written for)')
    .option('--literal', "the paper's rules exactly as written (default: the repaired rules)")
    .option('--property <names...>', "properties to check (comma or space separated); 'all' adds the paper's lemmas and theorems")
    .option('--mode <mode>', 'bfs (shortest counterexamples) | dfs (low memory) | random (fast-check scheduling)', 'bfs')
    .option('--max-depth <n>', 'do not expand states deeper than n steps')
    .option('--max-states <n>', 'stop after n distinct states (random: n steps)')
    .option('--timeout <seconds>', 'stop after this many seconds and report what was covered')
    .option('--seed <seed>', 'random mode: seed, e.g. 0x1a2b (printed on every random run)')
    .option('--runs <n>', 'random mode: number of random schedules', '1000')
    .option('--exact', 'store exact canonical keys instead of 64-bit fingerprints (no collision risk, more memory)')
    .option('--first', 'stop at the first violation')
    .option('--json', 'print the result as JSON on stdout')
    .option('--out <file>', 'save the first counterexample here (default: .afterlife/traces/<model>.<semantics>.<variant>.<property>.json)')
    .option('--no-save', 'do not save counterexample traces')
    .option('--quiet', 'no progress output')
    .addHelpText('after', '\nExit codes: 0 no violation (within the bounds), 12 safety violation, 13 eventually violation, 2 bad input, 255 internal error.\nExamples:\n  afterlife check                                   # the paper\'s running example (Fig. 1) under function reuse\n  afterlife check paper/running-example --semantics single --property no-lost-write\n  afterlife check paper/decoupled-port --semantics decoupled')
    .action(async (modelArg: string, flags: CheckFlags) => setExit(await runCheck(modelArg, flags, io)));
}

async function runCheck(modelArg: string, flags: CheckFlags, io: CliIO): Promise<number> {
  const { loaded, model } = await loadServerless(modelArg, flags.semantics, flags.literal);
  const properties = selectProperties(model, flags.property);
  const mode = flags.mode ?? 'bfs';
  const timeout = flags.timeout === undefined ? undefined : Number(flags.timeout);
  if (timeout !== undefined && !(timeout > 0)) throw new CliFailure([{ code: 'AFL202', location: '--timeout', message: `'${flags.timeout}' is not a positive number of seconds`, hint: 'e.g. --timeout 30' }]);
  const progress = progressPrinter(io, !flags.quiet && !flags.json, flags.maxStates === undefined ? undefined : parseCount(flags.maxStates, '--max-states', { min: 1 }));
  const options: CheckOptions = {
    mode: mode as CheckOptions['mode'],
    properties,
    storage: flags.exact ? 'exact' : 'fingerprint',
    stopAt: flags.first ? 'first-violation' : 'all-decided',
    runs: parseCount(flags.runs, '--runs', { min: 1 })!,
    signal: io.signal,
    ...(flags.maxDepth !== undefined ? { maxDepth: parseCount(flags.maxDepth, '--max-depth')! } : {}),
    ...(flags.maxStates !== undefined ? { maxStates: parseCount(flags.maxStates, '--max-states', { min: 1 })! } : {}),
    ...(timeout !== undefined ? { timeoutMs: timeout * 1000 } : {}),
    ...(flags.seed !== undefined ? { seed: flags.seed } : {}),
    ...(progress.onProgress ? { onProgress: progress.onProgress } : {}),
  };
  const run = io.interruptible ? await checkInWorker(loaded.file, model, options) : check(model, options);
  progress.done();
  if (!run.ok) throw new CliFailure(run.errors.map((e) => ({ code: e.code, location: `--${String(e.option).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, message: e.message, hint: e.hint })));
  const result = run.result;
  if (result.mode !== 'random' && result.error) throw new CliFailure([{ code: result.error.code, location: model.definition.name, message: result.error.message, hint: result.error.hint }]);

  const ref = modelRef(loaded.file);
  const rerun = rerunCommand(ref, model, flags, result.mode === 'random' ? result.seedHex : undefined);
  const saved = new Map<string, string>();
  if (flags.save !== false) {
    let first = true;
    for (const v of result.verdicts)
      if (v.status === 'violated' && 'trace' in v) {
        const file = first && flags.out ? flags.out : defaultTracePath(model, v.property);
        first = false;
        const states = replayStates(model, v);
        saved.set(v.property, saveTrace(file, model, ref, v.trace, states, v.property, v.status, rerun).json);
      }
  }
  const safety = result.verdicts.some((v) => v.status === 'violated' && v.kind !== 'eventually');
  const liveness = result.verdicts.some((v) => v.status === 'violated' && v.kind === 'eventually');
  const code = safety ? EXIT.safetyViolation : liveness ? EXIT.livenessViolation : EXIT.ok;

  const elapsed = result.coverage.elapsedMs;
  if (!flags.quiet) io.err(`checked in ${elapsed.toFixed(1)} ms${result.mode !== 'random' ? ` (${Math.round(result.coverage.distinct / Math.max(elapsed / 1000, 1e-6)).toLocaleString('en-US')} states/s)` : ''}\n`);
  if (flags.json) {
    io.out(`${JSON.stringify(jsonResult(model, ref, result, saved, code, rerun), null, 2)}\n`);
    return code;
  }
  io.out(`afterlife check ${ref} — semantics ${model.options.semantics} (${model.options.variant}), mode ${result.mode}\n`);
  for (const l of coverageLines(result)) io.out(`${l}\n`);
  io.out('\n');
  const order = (v: PropertyVerdict<Action>) => (v.status === 'violated' ? 0 : v.status === 'witnessed' ? 1 : 2);
  for (const v of [...result.verdicts].sort((a, b) => order(a) - order(b))) io.out(`${verdictBlock(model, v, saved.get(v.property))}\n`);
  const violated = result.verdicts.filter((v) => v.status === 'violated').map((v) => v.property);
  io.out(violated.length ? `Result: ${violated.length} propert${violated.length === 1 ? 'y' : 'ies'} violated (${violated.join(', ')}) — exit ${code}\n` : `Result: no violation${result.mode !== 'random' && result.coverage.exhausted ? '' : ' within the bounds'} — exit 0\n`);
  io.out(`Rerun: ${rerun}\n`);
  return code;
}

function replayStates(model: ServerlessModel, v: PropertyVerdict<Action> & { trace: { init: number; steps: readonly { action: Action }[] } }) {
  let s = model.initialStates()[v.trace.init]!;
  const states = [s];
  for (const step of v.trace.steps) states.push((s = model.next(s, step.action)));
  return states;
}

export function rerunCommand(ref: string, model: ServerlessModel, flags: CheckFlags, seedHex: string | undefined): string {
  const parts = ['npx afterlife check', ref, '--semantics', model.options.semantics];
  if (flags.literal) parts.push('--literal');
  if (flags.property?.length) parts.push('--property', flags.property.join(','));
  if (flags.mode && flags.mode !== 'bfs') parts.push('--mode', flags.mode);
  if (flags.maxDepth) parts.push('--max-depth', flags.maxDepth);
  if (flags.maxStates) parts.push('--max-states', flags.maxStates);
  if (flags.timeout) parts.push('--timeout', flags.timeout);
  if (seedHex) parts.push('--seed', seedHex);
  if (flags.mode === 'random' && flags.runs && flags.runs !== '1000') parts.push('--runs', flags.runs);
  if (flags.exact) parts.push('--exact');
  if (flags.first) parts.push('--first');
  return parts.join(' ');
}

function jsonResult(model: ServerlessModel, ref: string, result: CheckResult<Action>, saved: Map<string, string>, exitCode: number, rerun: string) {
  // elapsed time is left out: stdout must be byte-identical for the same inputs (timing goes to stderr)
  const { elapsedMs: _elapsed, ...coverage } = result.coverage;
  return {
    model: ref,
    semantics: model.options.semantics,
    variant: model.options.variant,
    mode: result.mode,
    ...(result.mode === 'random' ? { seed: result.seedHex } : {}),
    coverage,
    verdicts: result.verdicts.map((v) => ({
      property: v.property,
      kind: v.kind,
      status: v.status,
      ...('trace' in v ? { path: v.trace.steps.map((s) => s.choice).join('/'), steps: v.trace.steps.map((s) => s.label), ...(saved.has(v.property) ? { savedTo: saved.get(v.property) } : {}) } : {}),
    })),
    exitCode,
    rerun,
  };
}
