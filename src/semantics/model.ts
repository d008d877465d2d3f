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
    shapeOf: (a) => (a.rule === 'fig4/end-async' ? `end-async ${prog.chains[a.chain]!.name}${a.outcome === 'reject' ? ' reject' : ''}` : a.rule === 'fig4/local' || a.rule === 'fig4/start-async' ? `${a.rule}@${a.pc}` : a.rule),
    formatState: (s) => formatState(s, prog),
    toJSON: (s) => stateToJSON(s, prog),
  };
  return ok(model);
}
