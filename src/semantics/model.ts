/**
 * The bridge from the serverless semantics to the checker's generic `Model` interface.
 *
 * Compiles the program for the chosen semantics (rejecting malformed programs with coded errors), then
 * exposes initial state, enabled actions, `next` (fast engine by default, immer on request), the
 * canonical encoding and the properties. This is the only place the two halves meet.
 */
import type { Model } from '../checker/model.ts';
import { fail, ok, type Result } from '../errors.ts';
import type { Action } from './actions.ts';
import { compileProgram } from './compile.ts';
import type { ModelDefinition } from './define-model.ts';
import { ActionTable, enabledActions } from './enabled.ts';
import { encodeState } from './encode.ts';
import { formatAction, formatState, stateToJSON } from './format.ts';
import { serverlessProperties } from './properties.ts';
import type { RuleContext } from './rules/context.ts';
import { SEMANTICS, type SemanticsName, type Variant } from './semantics.ts';
import { initialState, type State } from './state.ts';
import { nextFast, nextWithImmer } from './step.ts';

export interface ServerlessOptions {
  readonly semantics: SemanticsName;
  readonly variant: Variant;
  /** `fast` (shallow copy, the default) or `immer` (reference engine). */
  readonly engine?: 'fast' | 'immer';
}

export interface ServerlessModel extends Model<State, Action> {
  readonly definition: ModelDefinition;
  readonly options: Required<ServerlessOptions>;
  readonly ctx: RuleContext;
}

/**
 * The shape of a step for counterexample deduplication: the platform's rules, Local steps that
 * respond or end, and the resolutions of chains that write (with their creating event); other
 * chains' steps and plain Local steps are interleaving noise and left out.
 */
function shapeOf(a: Action, ctx: RuleContext): string {
  switch (a.rule) {
    case 'fig4/end-async': {
      const chain = ctx.program.chains[a.chain]!;
      return chain.writesFrom[0] ? `end-async ${chain.name}@e${a.event}${a.outcome === 'reject' ? ' reject' : ''}` : '';
    }
    case 'fig4/local':
    case 'fig4/start-async': {
      const c = ctx.program.main[a.pc]!;
      return c.k === 'respond' || c.k === 'end' ? `${c.k}()` : '';
    }
    default:
      return a.rule;
  }
}

export function buildModel(def: ModelDefinition, opts: ServerlessOptions): Result<ServerlessModel> {
  const semantics = SEMANTICS[opts.semantics];
  const compiled = compileProgram(def.program, { allowsEnd: semantics.hasRespondRule, semanticsName: semantics.name });
  if (!compiled.ok) return compiled;
  if (def.inputs.length === 0)
    return fail({ code: 'AFL112', location: `${def.name}: inputs`, message: 'the scenario delivers no event', hint: 'give at least one input, e.g. inputs: [record({val: 42})]' });
  const ctx: RuleContext = { program: compiled.value, inputs: def.inputs, semantics, repaired: opts.variant === 'repaired' };
  const table = new ActionTable(ctx);
  const engine = opts.engine ?? 'fast';
  const prog = ctx.program;
  const model: ServerlessModel = {
    name: `${def.name} @ ${opts.semantics} (${opts.variant})`,
    definition: def,
    options: { semantics: opts.semantics, variant: opts.variant, engine },
    ctx,
    initialStates: () => [initialState(prog)],
    actions: (s) => enabledActions(s, ctx, table),
    next: engine === 'fast' ? (s, a) => nextFast(s, a, ctx) : (s, a) => nextWithImmer(s, a, ctx),
    encode: encodeState,
    properties: serverlessProperties(ctx, def.invariants ?? []),
    formatAction: (a) => formatAction(a, prog),
    ruleOf: (a) => a.rule,
    shapeOf: (a) => shapeOf(a, ctx),
    formatState: (s) => formatState(s, prog),
    toJSON: (s) => stateToJSON(s, prog),
  };
  return ok(model);
}
