/**
 * One trace step in the paper's vocabulary, computed from the states before and after it: what ran
 * (`val = event.val`, `W@e1: write record`), which variables changed, and the promises and database
 * afterwards. The table, the sequence diagrams and the report all read steps through this module, so
 * they describe a run the same way.
 */
import type { Action } from '../semantics/actions.ts';
import type { CExpr, CompiledProgram, CSync } from '../semantics/compiled.ts';
import { showEnv, showPromise } from '../semantics/format.ts';
import { findPending, type PendingPromise, type State } from '../semantics/state.ts';
import { showValue, valueEquals, type Value } from '../semantics/values.ts';

export function showExpr(e: CExpr, prog: CompiledProgram): string {
  switch (e.k) {
    case 'lit':
      return showValue(e.value);
    case 'global':
      return prog.globalNames[e.slot]!;
    case 'local':
      return prog.localNames[e.slot]!;
    case 'input':
      return 'event';
    case 'result':
      return 'result';
    case 'field':
      return `${showExpr(e.of, prog)}.${e.name}`;
    case 'hash':
      return `H(${showExpr(e.of, prog)})`;
    case 'record':
      return `{${e.fields.map(([k, v]) => `${k}: ${showExpr(v, prog)}`).join(', ')}}`;
    case 'add':
      return `${showExpr(e.left, prog)} + ${showExpr(e.right, prog)}`;
  }
}

export function showSync(c: CSync, prog: CompiledProgram): string {
  switch (c.k) {
    case 'assign-global':
      return `${prog.globalNames[c.slot]} = ${showExpr(c.value, prog)}`;
    case 'assign-local':
      return `const ${prog.localNames[c.slot]} = ${showExpr(c.value, prog)}`;
    case 'respond':
      return `respond(${showExpr(c.value, prog)})`;
    case 'end':
      return 'end()';
  }
}

/** The program text of main[pc]. */
export function mainCommandText(prog: CompiledProgram, pc: number): string {
  const c = prog.main[pc]!;
  switch (c.k) {
    case 'start':
      return `start ${prog.chains[c.chain]!.name}`;
    case 'await':
      return `await ${prog.chains[c.chain]!.name}`;
    case 'returnChain':
      return `return ${prog.chains[c.chain]!.name}`;
    case 'return':
      return `return ${showExpr(c.value, prog)}`;
    default:
      return showSync(c, prog);
  }
}

export interface StepView {
  readonly index: number;
  readonly rule: string;
  readonly action: Action;
  /** What ran, e.g. `val = event.val`, `W@e1: connect resolves`. */
  readonly command: string;
  /** `name = value` for every variable (M, E, response) that changed. */
  readonly changed: readonly string[];
  /** The promise a `fig4/end-async` step resolved (before the step). */
  readonly resolved: PendingPromise | null;
  /** Promises added by this step. */
  readonly issued: readonly PendingPromise[];
  /** Database keys whose value changed, with the new value. */
  readonly dbWrites: readonly { readonly key: string; readonly value: Value }[];
  /** Pr and DB after the step, paper-style. */
  readonly pending: string;
  readonly db: string;
}

export function showPending(s: State, prog: CompiledProgram): string {
  return s.pending.length === 0 ? '∅' : s.pending.map((p) => showPromise(p, prog)).join(', ');
}

export function showDb(s: State, prog: CompiledProgram): string {
  return prog.dbKeys.map((k, i) => `${k}: ${showValue(s.db[i] ?? null)}`).join(', ');
}

export function describeStep(prog: CompiledProgram, index: number, before: State, action: Action, after: State): StepView {
  let command: string = action.rule;
  let resolved: PendingPromise | null = null;
  switch (action.rule) {
    case 'fig4/start-event':
    case 'fig7/start-event':
      command = `receive(${showValue(after.log[after.log.length - 1]?.input ?? null)})`;
      break;
    case 'fig4/local':
    case 'fig4/start-async':
      command = mainCommandText(prog, action.pc);
      break;
    case 'fig4/end-async': {
      const i = findPending(before.pending, action.event, action.chain);
      resolved = i >= 0 ? before.pending[i]! : null;
      const step = resolved ? prog.chains[resolved.chain]!.steps[resolved.at] : undefined;
      const op = step?.k === 'await' ? step.op : undefined;
      const what = op === undefined ? 'resolves' : op.k === 'write' ? `write ${prog.dbKeys[op.key]} = ${showValue(resolved!.payload)}` : op.k === 'read' ? `read ${prog.dbKeys[op.key]}` : op.k;
      const next = after.pending.find((q) => q.event === action.event && q.chain === action.chain);
      const nextStep = next ? prog.chains[next.chain]!.steps[next.at] : undefined;
      const then = nextStep?.k === 'await' ? ` → ${nextStep.op.k}` : '';
      command = `${prog.chains[action.chain]!.name}@e${action.event}: ${what}${action.outcome === 'reject' ? ' rejects' : ''}${then}`;
      break;
    }
    case 'fig7/respond':
      command = `respond(${before.frame?.response === undefined ? '?' : showValue(before.frame.response)})`;
      break;
    case 'fig5/invalidate-env':
      command = 'invalidate environment';
      break;
    default:
      command = `respond(${before.frame?.response === undefined ? '' : showValue(before.frame.response)})${after.env === 'd' ? ', end' : ''}`;
      if (action.rule === 'fig7/end-event') command = 'end()';
  }
  const changed: string[] = [];
  if (before.env !== after.env) changed.push(`E = ${showEnv(after.env)}`);
  prog.globalNames.forEach((n, i) => {
    if (!valueEquals(before.globals[i] ?? null, after.globals[i] ?? null)) changed.push(`${n} = ${showValue(after.globals[i] ?? null)}`);
  });
  const fb = before.frame;
  const fa = after.frame;
  if (fa && (!fb || fb.event !== fa.event)) changed.push(`input = ${showValue(fa.scope[0] ?? null)}`);
  if (fa) {
    prog.localNames.forEach((n, i) => {
      const v = fa.scope[i + 1];
      const old = fb && fb.event === fa.event ? fb.scope[i + 1] : undefined;
      if (v !== undefined && (old === undefined || !valueEquals(old, v))) changed.push(`${n} = ${showValue(v)}`);
    });
    const ob = fb && fb.event === fa.event ? fb.response : undefined;
    if (fa.response !== undefined && (ob === undefined || !valueEquals(ob, fa.response))) changed.push(`response = ${showValue(fa.response)}`);
  }
  const key = (p: PendingPromise) => `${p.event}/${p.chain}/${p.at}`;
  const had = new Set(before.pending.map(key));
  const issued = after.pending.filter((p) => !had.has(key(p)));
  const dbWrites = prog.dbKeys.flatMap((k, i) => (valueEquals(before.db[i] ?? null, after.db[i] ?? null) ? [] : [{ key: k, value: after.db[i] ?? null }]));
  return { index, rule: action.rule, action, command, changed, resolved, issued, dbWrites, pending: showPending(after, prog), db: showDb(after, prog) };
}

/** Every step of a replayed run. */
export function describeRun(prog: CompiledProgram, states: readonly State[], actions: readonly Action[]): StepView[] {
  return actions.map((a, i) => describeStep(prog, i + 1, states[i]!, a, states[i + 1]!));
}
