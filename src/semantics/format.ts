/**
 * Human-readable and JSON views of states and actions, in the paper's vocabulary (E, M, Pr, DB).
 */
import type { Action } from './actions.ts';
import type { CompiledProgram } from './compiled.ts';
import type { Env, PendingPromise, State } from './state.ts';
import { showValue, valueToJSON, type Value } from './values.ts';

export const showEnv = (e: Env): string => (typeof e === 'number' ? `e${e}` : e);

/** `W@e1:write` — chain W, created by event 1, waiting on its write. */
export function showPromise(p: Pick<PendingPromise, 'event' | 'chain' | 'at'>, prog: CompiledProgram): string {
  const chain = prog.chains[p.chain]!;
  const step = chain.steps[p.at]!;
  return `${chain.name}@e${p.event}:${step.k === 'await' ? step.op.k : step.k}`;
}

export function formatAction(a: Action, prog: CompiledProgram): string {
  switch (a.rule) {
    case 'fig4/local':
    case 'fig4/start-async':
      return `${a.rule} main[${a.pc}] ${showMainCommand(prog, a.pc)}`;
    case 'fig4/end-async': {
      return `${a.rule} ${prog.chains[a.chain]!.name}@e${a.event}${a.outcome === 'reject' ? ' reject' : ''}`;
    }
    default:
      return a.rule;
  }
}

export function showMainCommand(prog: CompiledProgram, pc: number): string {
  const c = prog.main[pc]!;
  switch (c.k) {
    case 'assign-global':
      return `${prog.globalNames[c.slot]} = …`;
    case 'assign-local':
      return `const ${prog.localNames[c.slot]} = …`;
    case 'start':
    case 'await':
    case 'returnChain':
      return `${c.k === 'returnChain' ? 'return' : c.k} ${prog.chains[c.chain]!.name}`;
    default:
      return c.k === 'end' ? 'end()' : c.k;
  }
}

export function formatState(s: State, prog: CompiledProgram): string {
  const parts = [`E=${showEnv(s.env)}`];
  const pr = s.pending.map((p) => showPromise(p, prog));
  parts.push(`Pr={${pr.join(', ')}}`);
  if (s.frame) {
    const r = s.frame.response === undefined ? '' : ` resp=${showValue(s.frame.response)}`;
    parts.push(`pc=${s.frame.pc}${r}${s.frame.responded ? ` sent=${s.frame.responded}` : ''}${s.frame.endCalled ? ' end()' : ''}`);
  }
  parts.push(`M{${prog.globalNames.map((n, i) => `${n}=${showValue(s.globals[i] ?? null)}`).join(', ')}}`);
  parts.push(`DB{${prog.dbKeys.map((k, i) => `${k}=${showValue(s.db[i] ?? null)}`).join(', ')}}`);
  return parts.join(' ');
}

/** JSON view with named variables; deterministic key order. */
export function stateToJSON(s: State, prog: CompiledProgram): Record<string, unknown> {
  const M: Record<string, unknown> = {};
  prog.globalNames.forEach((n, i) => (M[n] = valueToJSON(s.globals[i] ?? null)));
  if (s.frame) {
    M.input = valueToJSON(s.frame.scope[0] ?? null);
    prog.localNames.forEach((n, i) => {
      const v = s.frame!.scope[i + 1];
      if (v !== undefined) M[n] = valueToJSON(v);
    });
    M.response = s.frame.response === undefined ? '<unset>' : valueToJSON(s.frame.response);
  }
  const DB: Record<string, unknown> = {};
  prog.dbKeys.forEach((k, i) => (DB[k] = valueToJSON(s.db[i] ?? null)));
  return {
    E: showEnv(s.env),
    M,
    Pr: s.pending.map((p) => showPromise(p, prog)),
    DB,
    main: s.frame ? { event: `e${s.frame.event}`, pc: s.frame.pc, responded: s.frame.responded, endCalled: s.frame.endCalled } : null,
    events: s.log.map((e, i) => ({ event: `e${i + 1}`, input: valueToJSON(e.input), responses: e.responses.map((r: Value) => valueToJSON(r)), ended: e.ended })),
    nextInput: s.nextInput,
  };
}
