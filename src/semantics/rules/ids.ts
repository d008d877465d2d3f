/**
 * Rule identifiers, shared by the code and `spec/` (a test fails when the two sets differ).
 *
 * An id is `<paper figure>/<rule>`: the figure that introduces the rule in the form used. A semantics
 * is a choice of one rule per role (see `semantics.ts`); rules the paper leaves unchanged between
 * figures keep their Fig. 4 id.
 */
export const RULE_IDS = [
  'fig4/start-event',
  'fig4/end-event',
  'fig4/local',
  'fig4/start-async',
  'fig4/end-async',
  'fig5/end-event',
  'fig5/invalidate-env',
  'fig6/end-event',
  'fig7/start-event',
  'fig7/respond',
  'fig7/end-event',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export type StartEventRule = 'fig4/start-event' | 'fig7/start-event';
export type EndEventRule = 'fig4/end-event' | 'fig5/end-event' | 'fig6/end-event' | 'fig7/end-event';
