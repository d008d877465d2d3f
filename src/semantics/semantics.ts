/**
 * The four semantics of the paper as tables of rules, and the literal/repaired switch.
 *
 * A semantics picks one rule per role; the reducers in `rules/` consult `repaired` only where the
 * digest's gaps are closed, so "literal vs repaired" is a switch, not a copy of the code:
 * - gap 1 (Fig. 7): repaired Respond fires at most once per event, and repaired End Event also needs
 *   the event to have responded (an `end()` before the response waits for it; if no response ever
 *   comes, the event is stuck, which `no-stuck-event` reports);
 * - gap 2 (Fig. 4): repaired End Asynchronous Task needs E to be an event id: a frozen (`f`) or
 *   destroyed (`d`) environment makes no progress;
 * - gap 3: every promise records its creating event in both variants (a history variable; no rule
 *   reads it), so Theorem 5.2 can be stated;
 * - gap 4 (timeouts, billing) is prose in the paper and not modelled (see paper-notes.md).
 */
import type { EndEventRule, RuleId, StartEventRule } from './rules/ids.ts';

export const SEMANTICS_NAMES = ['single', 'reuse', 'wait-all', 'decoupled'] as const;
export type SemanticsName = (typeof SEMANTICS_NAMES)[number];

export interface SemanticsDef {
  readonly name: SemanticsName;
  readonly figure: string;
  readonly summary: string;
  readonly startEvent: StartEventRule;
  readonly endEvent: EndEventRule;
  /** Decoupled only: Respond is its own rule and end() its own command. */
  readonly hasRespondRule: boolean;
  readonly hasInvalidate: boolean;
  /** Where End Event leaves the environment. */
  readonly afterEnd: 'f' | 'd';
}

export const SEMANTICS: Readonly<Record<SemanticsName, SemanticsDef>> = {
  single: {
    name: 'single',
    figure: 'Fig. 4',
    summary: 'single execution: the response is termination; the environment is then done',
    startEvent: 'fig4/start-event',
    endEvent: 'fig4/end-event',
    hasRespondRule: false,
    hasInvalidate: false,
    afterEnd: 'd',
  },
  reuse: {
    name: 'reuse',
    figure: 'Fig. 5',
    summary: 'function reuse: the response frees the environment for the next event; it may be invalidated when free',
    startEvent: 'fig4/start-event',
    endEvent: 'fig5/end-event',
    hasRespondRule: false,
    hasInvalidate: true,
    afterEnd: 'f',
  },
  'wait-all': {
    name: 'wait-all',
    figure: 'Fig. 6',
    summary: 'approach 1, wait for all: the response is sent only once no promise is pending',
    startEvent: 'fig4/start-event',
    endEvent: 'fig6/end-event',
    hasRespondRule: false,
    hasInvalidate: true,
    afterEnd: 'f',
  },
  decoupled: {
    name: 'decoupled',
    figure: 'Fig. 7',
    summary: 'approach 2, decoupled: respond, then an explicit end() allowed only when nothing is pending',
    startEvent: 'fig7/start-event',
    endEvent: 'fig7/end-event',
    hasRespondRule: true,
    hasInvalidate: true,
    afterEnd: 'f',
  },
};

export type Variant = 'literal' | 'repaired';

/** The rule ids a semantics uses (for spec cross-checks and coverage tests). */
export function rulesOf(s: SemanticsDef): readonly RuleId[] {
  const rules: RuleId[] = [s.startEvent, s.endEvent, 'fig4/local', 'fig4/start-async', 'fig4/end-async'];
  if (s.hasRespondRule) rules.push('fig7/respond');
  if (s.hasInvalidate) rules.push('fig5/invalidate-env');
  return rules;
}

export function isSemanticsName(x: string): x is SemanticsName {
  return (SEMANTICS_NAMES as readonly string[]).includes(x);
}
