/**
 * The paper's claims and the checker's safety properties, as data the explorer evaluates.
 *
 * Each property names the claim it stands for (`claim`). Lemma 4.5 and Lemma 4.7 are existence claims
 * ("residual execution is possible"), so they are `sometimes` properties: a witness run proves them.
 * Lemma 4.2, Lemma 4.4 and Theorem 4.6 speak about steps, so they are `always-step` properties.
 * Whether a claim is *expected* to hold under a given semantics is not decided here: each model's
 * manifest records the verdicts, and `afterlife claims` computes them.
 */
import type { Property } from '../checker/model.ts';
import type { Action } from './actions.ts';
import type { RuleContext } from './rules/context.ts';
import { isEvent, type State } from './state.ts';
import type { Value } from './values.ts';

export type ServerlessProperty = Property<State, Action>;

/** A model-level invariant over the database (e.g. the running example's `db-consistent`). */
export interface DbInvariant {
  readonly name: string;
  readonly description: string;
  holds(db: (key: string) => Value): boolean;
}

/**
 * The paper's lemmas and theorems are claims about particular semantics (Theorem 4.3 is *meant* to
 * fail under reuse); the other properties are what a user checking a handler cares about. Tools show
 * the latter first and `check` selects only them by default.
 */
export const isPaperClaim = (p: { readonly claim?: string | undefined }): boolean => p.claim !== undefined && /^(Lemma|Theorem)/.test(p.claim);

/** User-level properties first, then the paper's claims; stable otherwise. */
export const userPropertiesFirst = <P extends { readonly claim?: string | undefined }>(ps: readonly P[]): P[] =>
  [...ps.filter((p) => !isPaperClaim(p)), ...ps.filter((p) => isPaperClaim(p))];

const isComputation = (a: Action) => a.rule === 'fig4/local' || a.rule === 'fig4/start-async' || a.rule === 'fig4/end-async';

export function serverlessProperties(ctx: RuleContext, invariants: readonly DbInvariant[]): ServerlessProperty[] {
  const chains = ctx.program.chains;
  const willWrite = (s: State) => s.pending.some((p) => chains[p.chain]!.writesFrom[p.at]);
  const base: ServerlessProperty[] = [
    {
      kind: 'always',
      name: 'one-event-at-a-time',
      claim: 'Lemma 4.1',
      description: 'an environment processes one event at a time: at most one started event has not ended, and it is E',
      holds: (s) => {
        let open = 0;
        s.log.forEach((e, i) => {
          if (!e.ended) open += s.env === i + 1 ? 1 : 2;
        });
        return open <= 1;
      },
    },
    {
      kind: 'always-step',
      name: 'done-is-final',
      claim: 'Lemma 4.2',
      description: 'a done environment never processes again: no step leaves E = d',
      holds: (from, _a, to) => from.env !== 'd' || to.env === 'd',
    },
    {
      kind: 'always',
      name: 'at-most-one-event',
      claim: 'Theorem 4.3',
      description: 'each environment processes at most one event (a claim of the single-execution semantics)',
      holds: (s) => s.log.length <= 1,
    },
    {
      kind: 'always-step',
      name: 'no-computation-off-event',
      claim: 'Lemma 4.4',
      description: 'no computation (Local, Start/End Asynchronous Task) while no event is being processed (E = f or d)',
      holds: (from, a) => !isComputation(a) || isEvent(from.env),
    },
    {
      kind: 'sometimes',
      name: 'residual-execution',
      claim: 'Lemma 4.5',
      description: 'witness: no event is being processed (E = f or d) while a promise is still pending',
      holds: (s) => !isEvent(s.env) && s.pending.length > 0,
    },
    {
      kind: 'always-step',
      name: 'broken-promise',
      claim: 'Theorem 4.6',
      description: 'a promise left pending when its event ended is never resolved afterwards',
      holds: (_from, a) => a.rule !== 'fig4/end-async' || !_from.log[a.event - 1]!.ended,
    },
    {
      kind: 'sometimes',
      name: 'cross-event-interference',
      claim: 'Lemma 4.7',
      description: 'witness: while processing event e, Pr holds a promise created during an earlier event',
      holds: (s) => isEvent(s.env) && s.pending.some((p) => p.event !== s.env),
    },
    {
      kind: 'always',
      name: 'resolved-before-end',
      claim: 'Theorem 5.1',
      description: 'every promise started during an event is resolved before that event ends (or the event never ends)',
      holds: (s) => s.pending.every((p) => !s.log[p.event - 1]!.ended),
    },
    {
      kind: 'always',
      name: 'no-foreign-promises',
      claim: 'Theorem 5.2',
      description: 'every promise pending while processing event e was created during e',
      holds: (s) => !isEvent(s.env) || s.pending.every((p) => p.event === s.env),
    },
    {
      kind: 'always',
      name: 'no-lost-write',
      description: 'the environment is never destroyed (E = d) while a promise chain that still has a database write to perform is pending',
      holds: (s) => s.env !== 'd' || !willWrite(s),
    },
    {
      kind: 'always',
      name: 'respond-at-most-once',
      claim: 'digest gap 1',
      description: 'no event sends more than one response',
      holds: (s) => s.log.every((e) => e.responses.length <= 1),
    },
    {
      kind: 'always',
      name: 'responded-before-end',
      claim: 'digest gap 1',
      description: 'every event that ended has sent a response',
      holds: (s) => s.log.every((e) => !e.ended || e.responses.length > 0),
    },
    {
      kind: 'eventually',
      name: 'no-stuck-event',
      description: 'at quiescence (no rule enabled) no event is still being processed (deadlock freedom)',
      holds: (s) => !isEvent(s.env),
    },
  ];
  const dbView = (s: State) => (key: string) => {
    const i = ctx.program.dbKeys.indexOf(key);
    return i < 0 ? null : (s.db[i] ?? null);
  };
  for (const inv of invariants) base.push({ kind: 'always', name: inv.name, description: inv.description, holds: (s) => inv.holds(dbView(s)) });
  return base;
}
