/**
 * Serverless views of a state for the state-graph pictures: a multi-line node label, and the
 * projections a user can ask for with `--project` to draw a quotient graph of a large state space.
 *
 * A projection is a list of named components (`env`, `pending`, `pending-writes`, `responded`,
 * `ended`, `events`, `db`, `main`); two states are drawn as one node iff all selected components agree.
 * Unknown component names are a user error (AFL502) listing the known ones.
 */
import type { UserError } from '../errors.ts';
import type { CompiledProgram } from '../semantics/compiled.ts';
import { showEnv, showPromise } from '../semantics/format.ts';
import type { State } from '../semantics/state.ts';
import { showValue } from '../semantics/values.ts';
import type { Projection } from '../viz/state-graph.ts';

/** The state as a few short lines: E and main, Pr, M, DB. */
export function stateLabel(s: State, prog: CompiledProgram): string {
  const lines: string[] = [];
  const f = s.frame;
  const main = f ? ` pc=${f.pc}/${prog.main.length}${f.responded ? ` sent=${f.responded}` : ''}${f.endCalled ? ' end()' : ''}` : '';
  lines.push(`E=${showEnv(s.env)}${main}`);
  lines.push(`Pr={${s.pending.map((p) => showPromise(p, prog)).join(', ')}}`);
  if (f && f.response !== undefined) lines.push(`response=${showValue(f.response)}`);
  lines.push(`M: ${prog.globalNames.map((n, i) => `${n}=${showValue(s.globals[i] ?? null)}`).join(', ')}`);
  lines.push(`DB: ${prog.dbKeys.map((k, i) => `${k}=${showValue(s.db[i] ?? null)}`).join(', ')}`);
  return lines.join('\n');
}

interface Component {
  readonly describe: string;
  value(s: State, prog: CompiledProgram): string;
}

const responded = (s: State) => (s.frame ? s.frame.responded > 0 : false);

export const COMPONENTS: Readonly<Record<string, Component>> = {
  env: { describe: 'E: free, done, or processing an event', value: (s) => `E=${typeof s.env === 'number' ? 'event' : s.env}` },
  event: { describe: 'E with the event number', value: (s) => `E=${showEnv(s.env)}` },
  pending: { describe: 'number of unresolved promises', value: (s) => `|Pr|=${s.pending.length}` },
  'pending-writes': {
    describe: 'number of pending chains that still have a database write to perform',
    value: (s, p) => `writes pending=${s.pending.filter((x) => p.chains[x.chain]!.writesFrom[x.at]).length}`,
  },
  responded: {
    describe: 'whether the current event has responded (or, where the response is the End Event, has its response ready)',
    value: (s) => `responded=${responded(s) ? 'yes' : s.frame?.response !== undefined ? 'ready' : s.frame ? 'no' : '-'}`,
  },
  ended: { describe: 'number of events that ended', value: (s) => `ended=${s.log.filter((e) => e.ended).length}/${s.log.length}` },
  events: { describe: 'number of events delivered', value: (s) => `events=${s.log.length}` },
  db: { describe: 'the database contents', value: (s, p) => `DB: ${p.dbKeys.map((k, i) => `${k}=${showValue(s.db[i] ?? null)}`).join(', ')}` },
  main: { describe: "main's program counter", value: (s) => `pc=${s.frame ? s.frame.pc : '-'}` },
};

export const DEFAULT_PROJECTION = ['env', 'pending-writes', 'responded'];

/** Parses `env,pending-writes,responded` into a projection, or returns coded errors. */
export function parseProjection(spec: string, prog: CompiledProgram): { ok: true; projection: Projection<State> } | { ok: false; errors: UserError[] } {
  const names = spec.split(',').map((x) => x.trim()).filter((x) => x !== '');
  const unknown = names.filter((n) => !(n in COMPONENTS));
  if (names.length === 0 || unknown.length > 0)
    return {
      ok: false,
      errors: [{ code: 'AFL502', location: '--project', message: names.length === 0 ? 'empty projection' : `unknown projection component${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `'${u}'`).join(', ')}`, hint: `a comma-separated list of: ${Object.entries(COMPONENTS).map(([k, c]) => `${k} (${c.describe})`).join('; ')}` }],
    };
  const parts = names.map((n) => COMPONENTS[n]!);
  const values = (s: State) => parts.map((c) => c.value(s, prog));
  return { ok: true, projection: { name: names.join(' × '), key: (s) => values(s).join('\u0000'), label: (s) => values(s).join('\n') } };
}
