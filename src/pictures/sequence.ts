/**
 * A run as a sequence diagram, as data: lanes (caller, platform, the handler's main, one per promise
 * chain, the database) and an ordered list of messages and notes. Mermaid text and the Graphviz SVG
 * are two drawings of this one structure, so they always agree.
 *
 * What is marked as a warning (⚠, drawn red): the response that ends an event while promises are
 * still pending (the termination), a chain of an earlier event running inside a later one, a write
 * that breaks the trace's property, the property's first violation, and at the end of the run every
 * pending chain that still had a write to perform when its environment was destroyed (the lost write).
 */
import type { LoadedTrace } from '../cli/trace-file.ts';
import type { State } from '../semantics/state.ts';
import { showValue } from '../semantics/values.ts';
import { describeStep } from './describe.ts';

export interface Lane {
  readonly id: string;
  readonly label: string;
}

export type SeqItem =
  | { readonly kind: 'message'; readonly from: string; readonly to: string; readonly text: string; readonly arrow: 'sync' | 'async' | 'reply'; readonly warn: boolean }
  | { readonly kind: 'note'; readonly over: readonly string[]; readonly text: string; readonly warn: boolean };

export interface SequenceDiagram {
  readonly title: string;
  readonly lanes: readonly Lane[];
  readonly items: readonly SeqItem[];
}

const CALLER = 'Caller';
const PLATFORM = 'Platform';
const MAIN = 'Main';
const DB = 'DB';
const laneOf = (chain: string) => `chain_${chain.replace(/[^A-Za-z0-9_]/g, '_')}`;

export function sequenceOf(loaded: Pick<LoadedTrace, 'model' | 'states' | 'actions'> & { readonly file?: { readonly property: string | null } }): SequenceDiagram {
  const { model, states, actions } = loaded;
  const prog = model.ctx.program;
  const chainName = (i: number) => prog.chains[i]!.name;
  const propName = loaded.file?.property ?? null;
  const property = model.properties.find((p) => p.name === propName);
  const failsAt = (i: number): boolean => {
    if (property === undefined) return false;
    if (property.kind === 'always') return !property.holds(states[i]!);
    if (property.kind === 'always-step') return i > 0 && !property.holds(states[i - 1]!, actions[i - 1]!, states[i]!);
    if (property.kind === 'sometimes') return property.holds(states[i]!);
    return i === states.length - 1 && !property.holds(states[i]!);
  };
  const firstFailure = states.findIndex((_, i) => failsAt(i));
  const items: SeqItem[] = [];
  const msg = (from: string, to: string, text: string, arrow: 'sync' | 'async' | 'reply' = 'sync', warn = false) => items.push({ kind: 'message', from, to, text, arrow, warn });
  const note = (over: readonly string[], text: string, warn = false) => items.push({ kind: 'note', over, text, warn });
  const usedChains = new Set<number>();
  const announced = new Set<string>();

  actions.forEach((action, k) => {
    const before: State = states[k]!;
    const after: State = states[k + 1]!;
    const step = describeStep(prog, k + 1, before, action, after);
    const n = `${k + 1}`;
    switch (action.rule) {
      case 'fig4/start-event':
      case 'fig7/start-event':
        msg(CALLER, PLATFORM, `${n} ${step.command}`);
        msg(PLATFORM, MAIN, `Start Event e${after.log.length} (E = e${after.log.length})`, 'async');
        break;
      case 'fig4/local':
      case 'fig4/start-async': {
        const c = prog.main[action.pc]!;
        if (c.k === 'start') {
          usedChains.add(c.chain);
          msg(MAIN, laneOf(chainName(c.chain)), `${n} start ${chainName(c.chain)}@e${before.frame?.event ?? '?'}`, 'async');
          for (const p of step.issued) msg(laneOf(chainName(p.chain)), opTarget(p.chain, p.at), opText(p.chain, p.at, p.payload), 'async');
        } else msg(MAIN, MAIN, `${n} ${step.command}`);
        break;
      }
      case 'fig4/end-async': {
        const lane = laneOf(chainName(action.chain));
        usedChains.add(action.chain);
        const foreign = typeof before.env === 'number' && before.env !== action.event;
        const r = step.resolved;
        const st = r ? prog.chains[r.chain]!.steps[r.at] : undefined;
        const isWrite = st?.k === 'await' && st.op.k === 'write';
        const breaks = failsAt(k + 1) && !failsAt(k);
        const text = `${n} ${step.command.replace(/ → \w+$/, '')}${foreign ? ` (inside e${before.env})` : ''}`;
        if (isWrite) msg(lane, DB, text, 'sync', breaks || foreign);
        else msg(r ? opTarget(r.chain, r.at) : DB, lane, text, 'reply', foreign);
        const where = `${action.event}/${action.chain}/${String(before.env)}`;
        if (foreign && !announced.has(where)) {
          announced.add(where);
          note([lane], `⚠ code of event e${action.event} runs inside event e${before.env}`, true);
        }
        for (const w of step.dbWrites) note([DB], breaks ? `⚠ stale write: ${w.key} = ${showValue(w.value)} breaks ${property!.name}` : `${w.key} = ${showValue(w.value)}`, breaks);
        for (const p of step.issued) msg(lane, opTarget(p.chain, p.at), opText(p.chain, p.at, p.payload), 'async', false);
        if (step.changed.some((c) => c.startsWith('response = '))) msg(lane, MAIN, `response = ${showValue(after.frame?.response ?? null)}`, 'reply');
        break;
      }
      case 'fig7/respond':
        msg(PLATFORM, CALLER, `${n} ${step.command}`, 'reply');
        break;
      case 'fig5/invalidate-env':
        note([PLATFORM], `${n} Invalidate Env (E = d)`, before.pending.length > 0);
        break;
      case 'fig7/end-event':
        msg(MAIN, PLATFORM, `${n} end()`);
        note([PLATFORM], `End Event: E = ${after.env === 'd' ? 'd' : 'f'}`, false);
        break;
      default: {
        const response = before.frame?.response;
        msg(PLATFORM, CALLER, `${n} respond(${response === undefined ? '' : showValue(response)})`, 'reply');
        const left = after.pending.map((p) => `${chainName(p.chain)}@e${p.event}`);
        note([PLATFORM], `${left.length ? '⚠ ' : ''}End Event: E = ${after.env}${left.length ? ` while still pending: ${left.join(', ')}` : ''}`, left.length > 0);
      }
    }
    if (k + 1 === firstFailure && property !== undefined) note(firstFailure > 0 ? [PLATFORM, DB] : [PLATFORM], `⚠ ${property.name} violated after step ${n}`, true);
  });
  const last = states[states.length - 1]!;
  if (last.env === 'd')
    for (const p of last.pending)
      if (prog.chains[p.chain]!.writesFrom[p.at]) note([laneOf(chainName(p.chain))], `⚠ lost write: ${chainName(p.chain)}@e${p.event} never writes (environment destroyed)`, true);

  /** Database operations talk to the DB lane; timers and allSettled are the chain waiting on itself. */
  function opTarget(chain: number, at: number): string {
    const s = prog.chains[chain]!.steps[at]!;
    return s.k === 'await' && (s.op.k === 'connect' || s.op.k === 'read' || s.op.k === 'write') ? DB : laneOf(chainName(chain));
  }

  function opText(chain: number, at: number, payload: State['pending'][number]['payload']): string {
    const s = prog.chains[chain]!.steps[at]!;
    if (s.k !== 'await') return s.k;
    const op = s.op;
    if (op.k === 'write') return `write ${prog.dbKeys[op.key]} = ${showValue(payload)}`;
    if (op.k === 'read') return `read ${prog.dbKeys[op.key]}`;
    if (op.k === 'allSettled') return `allSettled(${op.chains.map(chainName).join(', ')})`;
    return op.k;
  }

  const lanes: Lane[] = [
    { id: CALLER, label: 'caller' },
    { id: PLATFORM, label: 'platform' },
    { id: MAIN, label: 'environment (main)' },
    ...prog.chains.filter((_, i) => usedChains.has(i)).map((c) => ({ id: laneOf(c.name), label: `chain ${c.name}` })),
    { id: DB, label: 'database' },
  ];
  const title = `${model.name}${propName ? ` — ${propName}` : ''}`;
  return { title, lanes, items };
}
