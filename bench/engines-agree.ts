/**
 * Safety net for hot-path work on `nextFast`: on every reachable state of every model under models/
 * (every semantics it compiles under, literal and repaired) and of the small bench family members,
 * with each state deep-frozen, applies every enabled action with both engines and checks that
 *   - the fast engine never writes into its input (a write into a frozen array throws), and
 *   - both engines reach states with the same canonical key and the same `toJSON` view.
 * `nextFast` copies only what a rule can touch (`rules/footprint.ts`), so a footprint that misses a
 * write would surface here as a TypeError naming the model, state and action.
 *
 * Each line also prints a digest of the model's sorted exact state keys: run it before and after a
 * hot-path change and diff the output to see that the state spaces and encodings did not move.
 *
 * Run: node --import tsx bench/engines-agree.ts      (exit 1 on any disagreement)
 */
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stateKeyOf } from '../src/checker/fingerprint.ts';
import type { ModelDefinition } from '../src/semantics/define-model.ts';
import { buildModel, type ServerlessModel } from '../src/semantics/model.ts';
import { SEMANTICS_NAMES } from '../src/semantics/semantics.ts';
import type { State } from '../src/semantics/state.ts';
import { nextFast, nextWithImmer } from '../src/semantics/step.ts';
import { add, allSettled, andFinally, andThen, awaitChain, catchError, connect, end, field, g, H, input, lit, local, read, rec, respond, result, returnChain, returnValue, setGlobal, setLocal, start, timer, write } from '../src/semantics/builder.ts';
import { record } from '../src/semantics/values.ts';
import { runningExampleFamily } from './family.ts';

/**
 * Programs that exercise every construct the reducers handle (locals captured by chains, rejecting
 * operations, then/catch/finally bodies that assign globals, respond and end, allSettled, timers,
 * main's await/respond/return), so every footprint case runs.
 */
function kitchenSinks(): ModelDefinition[] {
  const chains = {
    A: [connect({ mayFail: true }), write('k1', rec({ v: local('x'), h: H(g('n')) }), { mayFail: true }), andThen({ do: [setGlobal('n', add(g('n'), lit(1)))], value: lit('a') }), catchError({ do: [setGlobal('n', lit(-1))], value: lit('recovered') }), andFinally(setGlobal('m', input))],
    B: [timer({ mayFail: true }), andThen({ do: [respond(rec({ early: g('n') }))] }), read('k1'), andThen({ value: rec({ seen: result, x: local('x') }) })],
    C: [allSettled('A', 'B'), andThen({ do: [setGlobal('m', lit('all'))], value: g('m') }), catchError(), andFinally()],
  };
  const base = { globals: { n: 0, m: null }, locals: ['x'], db: { k1: null } };
  const inputs = [record({ val: 1 }), record({ val: 2 })];
  const make = (name: string, main: Parameters<typeof defineSink>[1], extra: Record<string, unknown> = {}): ModelDefinition =>
    defineSink(name, main, { ...base, chains: { ...chains, ...extra } }, inputs);
  return [
    make('sink/return-chain', [setLocal('x', field(input, 'val')), start('A'), start('B'), start('C'), awaitChain('A'), returnChain('C')]),
    make('sink/respond-return', [setLocal('x', add(field(input, 'val'), g('n'))), start('A'), respond(g('n')), start('B'), start('C'), returnValue(rec({ x: local('x') }))]),
    make('sink/await-reject', [setLocal('x', lit(7)), start('B'), awaitChain('B'), start('A'), start('C'), returnChain('A')]),
    make('sink/end', [setLocal('x', field(input, 'val')), start('A'), start('B'), start('C'), start('E'), respond(lit('ok')), end()], { E: [timer(), andThen({ do: [end()] })] }),
  ];
}

function defineSink(name: string, main: readonly import('../src/semantics/program.ts').MainCommand[], parts: Omit<import('../src/semantics/program.ts').ProgramSource, 'name' | 'main'>, inputs: readonly import('../src/semantics/values.ts').Value[]): ModelDefinition {
  return { name, title: name, description: 'engine agreement fixture', source: 'bench/engines-agree.ts', program: { name, ...parts, main }, inputs, semantics: ['reuse'] };
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<string | symbol, unknown>)[key]);
  }
  return value;
}

function modelDirs(root: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(root).sort()) {
    const dir = join(root, name);
    if (!statSync(dir).isDirectory()) continue;
    if (readdirSync(dir).includes('model.ts')) out.push(dir);
    else out.push(...modelDirs(dir));
  }
  return out;
}

/**
 * Explores `m` completely with exact keys; returns the number of states and transitions checked and a
 * digest of the sorted state keys (equal digests before and after a change: same state space, same
 * canonical encoding).
 */
function agree(m: ServerlessModel, limit: number): { states: number; transitions: number; digest: string } {
  const seen = new Set<string>();
  const queue: State[] = [];
  for (const s of m.initialStates()) {
    seen.add(stateKeyOf(m, s));
    queue.push(deepFreeze(s));
  }
  let transitions = 0;
  for (let head = 0; head < queue.length; head++) {
    const s = queue[head]!;
    const before = stateKeyOf(m, s);
    for (const a of m.actions(s)) {
      const where = () => `${m.name}: state ${m.formatState(s)}, action ${m.formatAction(a)}`;
      let fast: State;
      try {
        fast = nextFast(s, a, m.ctx);
      } catch (error) {
        throw new Error(`${where()}: the fast engine threw (a write outside the rule's footprint?): ${String(error)}`);
      }
      const slow = nextWithImmer(s, a, m.ctx);
      const key = stateKeyOf(m, fast);
      if (key !== stateKeyOf(m, slow)) throw new Error(`${where()}: engines disagree:\n  fast  ${m.formatState(fast)}\n  immer ${m.formatState(slow)}`);
      if (JSON.stringify(m.toJSON(fast)) !== JSON.stringify(m.toJSON(slow))) throw new Error(`${where()}: toJSON views differ`);
      transitions++;
      if (!seen.has(key)) {
        if (seen.size >= limit) throw new Error(`${m.name}: more than ${limit} states`);
        seen.add(key);
        queue.push(deepFreeze(fast));
      }
    }
    if (stateKeyOf(m, s) !== before) throw new Error(`${m.name}: a step mutated its input state`);
  }
  return { states: seen.size, transitions, digest: createHash('sha256').update([...seen].sort().join('\n')).digest('hex').slice(0, 12) };
}

const root = fileURLToPath(new URL('../models', import.meta.url));
const defs: ModelDefinition[] = [];
for (const dir of modelDirs(root)) defs.push((await import(pathToFileURL(join(dir, 'model.ts')).href)).default as ModelDefinition);
for (const [n, k] of [[2, 1], [3, 1], [2, 2]] as const) defs.push(runningExampleFamily(n, k));
defs.push(...kitchenSinks());

let failures = 0;
let total = 0;
for (const def of defs) {
  for (const semantics of SEMANTICS_NAMES) {
    for (const variant of ['literal', 'repaired'] as const) {
      const built = buildModel(def, { semantics, variant });
      if (!built.ok) {
        // e.g. end() under a semantics without it; anything else is a broken fixture
        if (!built.errors.every((e) => e.code === 'AFL104')) {
          failures++;
          console.log(`FAIL ${def.name} @ ${semantics}: ${built.errors.map((e) => `${e.code} ${e.location}: ${e.message}`).join('; ')}`);
        }
        continue;
      }
      try {
        const { states, transitions, digest } = agree(built.value, 500_000);
        total += transitions;
        console.log(`ok   ${built.value.name}: ${states} states, ${transitions} transitions, keys ${digest}`);
      } catch (error) {
        failures++;
        console.log(`FAIL ${(error as Error).message}`);
      }
    }
  }
}
console.log(failures === 0 ? `engines agree on ${total} transitions` : `${failures} model(s) failed`);
process.exitCode = failures === 0 ? 0 : 1;
