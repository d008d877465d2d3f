/**
 * Rule coverage and rule premises.
 *
 * Coverage: every rule of every semantics (`rulesOf`) fires in at least one explored transition of
 * some model under `models/`, in both variants — and no rule outside the semantics ever fires.
 * Premises: each difference between the literal and the repaired rules (digest gaps 1 and 2) and each
 * "Pr = ∅" premise of Figs. 6 and 7 is shown on a concrete state (enabled in one, disabled in the
 * other), and, where the premise is a simple condition on the state, checked on every reachable state
 * of every model.
 */
import { describe, expect, it } from 'vitest';
import runningExample from '../../models/paper/running-example/model.ts';
import decoupledPort from '../../models/paper/decoupled-port/model.ts';
import { defineProgram, end, g, lit, returnValue, setGlobal } from '../../src/semantics/builder.ts';
import { defineModel } from '../../src/semantics/define-model.ts';
import { buildModel, type ServerlessModel } from '../../src/semantics/model.ts';
import type { RuleId } from '../../src/semantics/rules/ids.ts';
import { rulesOf, SEMANTICS, SEMANTICS_NAMES, type SemanticsName, type Variant } from '../../src/semantics/semantics.ts';
import { isEvent, type State } from '../../src/semantics/state.ts';
import { record } from '../../src/semantics/values.ts';
import { reachable } from '../properties/helpers.ts';
import { discoverModels } from './discover-models.ts';
import { EVENT_PROLOGUE, model, run } from './replay-helpers.ts';

const VARIANTS: readonly Variant[] = ['literal', 'repaired'];
const discovered = await discoverModels();

/** Every (model, semantics, variant) that compiles, with its reachable states. */
const spaces = SEMANTICS_NAMES.flatMap((semantics) =>
  VARIANTS.flatMap((variant) =>
    discovered.flatMap(({ def }) => {
      if (def === undefined) return [];
      const r = buildModel(def, { semantics, variant });
      return r.ok ? [{ semantics, variant, m: r.value, states: reachable(r.value).map((x) => x.state) }] : [];
    }),
  ),
);
const spacesOf = (semantics: SemanticsName, variant: Variant) => spaces.filter((x) => x.semantics === semantics && x.variant === variant);
const rulesEnabled = (m: ServerlessModel, s: State): RuleId[] => m.actions(s).map((a) => a.rule);

describe('coverage: every rule of every semantics fires in some explored transition', () => {
  for (const semantics of SEMANTICS_NAMES)
    for (const variant of VARIANTS)
      it(`${semantics} (${variant})`, () => {
        const fired = new Set<string>();
        for (const { m, states } of spacesOf(semantics, variant)) for (const s of states) for (const a of m.actions(s)) fired.add(m.ruleOf(a));
        expect([...fired].sort()).toEqual([...rulesOf(SEMANTICS[semantics])].sort());
      });
});

describe('premises on every reachable state of every model', () => {
  for (const semantics of SEMANTICS_NAMES)
    for (const variant of VARIANTS)
      it(`${semantics} (${variant})`, () => {
        const sem = SEMANTICS[semantics];
        for (const { m, states } of spacesOf(semantics, variant)) {
          for (const s of states) {
            const rules = rulesEnabled(m, s);
            const where = `${m.name}: ${m.formatState(s)}`;
            // fig5/invalidate-env: exactly when E = f (in the semantics that have it).
            expect(rules.includes('fig5/invalidate-env'), where).toBe(sem.hasInvalidate && s.env === 'f');
            // [gap 2] repaired End Asynchronous Task only while an event is being processed.
            if (variant === 'repaired' && !isEvent(s.env)) expect(rules, where).not.toContain('fig4/end-async');
            // Figs. 6 and 7: Pr = ∅ for End Event; Fig. 7 also for Start Event.
            if (s.pending.length > 0) {
              expect(rules, where).not.toContain('fig6/end-event');
              expect(rules, where).not.toContain('fig7/end-event');
              expect(rules, where).not.toContain('fig7/start-event');
            }
            // [gap 1] repaired Respond at most once; repaired End on end() only after a response.
            if (variant === 'repaired' && s.frame !== null && s.frame.responded > 0) expect(rules, where).not.toContain('fig7/respond');
            if (variant === 'repaired' && s.frame !== null && s.frame.responded === 0) expect(rules, where).not.toContain('fig7/end-event');
          }
        }
      });
});

// ------------------------------------------------------------------------------------------------
// Concrete states where the literal and the repaired rules differ

/** The decoupled port up to its first Respond: W pending, R resolved twice, response sent once. */
const PORT_TO_FIRST_RESPONSE = [
  ...EVENT_PROLOGUE('fig7/start-event'),
  'fig4/start-async main[4]', // start ALL
  'fig4/local main[5]', // return R
  'fig4/end-async R@e1',
  'fig4/end-async R@e1',
  'fig7/respond',
];

/** Table 1's run (paper): R answers while W's connect is pending; End Event as given. */
const table1 = (endEvent: string) => [...EVENT_PROLOGUE('fig4/start-event'), 'fig4/local main[4]', 'fig4/end-async R@e1', 'fig4/end-async R@e1', endEvent];

const last = <T>(xs: readonly T[]): T => xs[xs.length - 1]!;

describe('[gap 1] fig7/respond: repaired at most once per event, literal again and again', () => {
  for (const variant of VARIANTS)
    it(variant, () => {
      const m = model(decoupledPort, 'decoupled', variant);
      const before = run(m, PORT_TO_FIRST_RESPONSE.slice(0, -1));
      expect(rulesEnabled(m, last(before))).toContain('fig7/respond');
      const after = last(run(m, PORT_TO_FIRST_RESPONSE));
      expect(after.frame!.responded).toBe(1);
      expect(rulesEnabled(m, after).includes('fig7/respond')).toBe(variant === 'literal');
    });
});

describe('[gap 2] fig4/end-async: repaired not at E = f or d, literal still resolves', () => {
  for (const [semantics, endEvent, env] of [
    ['single', 'fig4/end-event', 'd'],
    ['reuse', 'fig5/end-event', 'f'],
  ] as const)
    for (const variant of VARIANTS)
      it(`${semantics}, after Table 1's End Event (E = ${env}), ${variant}`, () => {
        const m = model(runningExample, semantics, variant);
        const s = last(run(m, table1(endEvent)));
        expect(s.env).toBe(env);
        expect(s.pending).toHaveLength(1); // W's connect
        expect(m.actions(s).map((a) => m.formatAction(a)).includes('fig4/end-async W@e1')).toBe(variant === 'literal');
      });
});

describe('fig7/start-event needs Pr = ∅', () => {
  // Under decoupled E = f with Pr ≠ ∅ is unreachable (End Event needs Pr = ∅): the state is made by
  // hand from a reachable one — event 1 over, W's connect still pending.
  for (const variant of VARIANTS)
    it(variant, () => {
      const m = model(decoupledPort, 'decoupled', variant);
      const withW = last(run(m, EVENT_PROLOGUE('fig7/start-event').slice(0, 4))); // W started
      expect(withW.pending).toHaveLength(1);
      const freeWithPending: State = { ...withW, env: 'f', frame: null, log: [{ ...withW.log[0]!, ended: true }] };
      expect(rulesEnabled(m, freeWithPending)).not.toContain('fig7/start-event');
      expect(rulesEnabled(m, { ...freeWithPending, pending: [] })).toContain('fig7/start-event');
      // Fig. 4's Start Event (reuse) has no such premise.
      const reuse = model(runningExample, 'reuse', variant);
      expect(rulesEnabled(reuse, freeWithPending)).toContain('fig4/start-event');
    });
});

describe('fig6/end-event needs Pr = ∅', () => {
  for (const variant of VARIANTS)
    it(variant, () => {
      const m = model(runningExample, 'wait-all', variant);
      const responded = last(run(m, table1('fig4/end-async R@e1').slice(0, -1)));
      expect(responded.frame!.response).toBeDefined();
      expect(responded.pending).toHaveLength(1);
      expect(rulesEnabled(m, responded)).not.toContain('fig6/end-event');
      const written = last(run(m, [...table1('fig4/end-async R@e1').slice(0, -1), 'fig4/end-async W@e1', 'fig4/end-async W@e1']));
      expect(written.pending).toHaveLength(0);
      expect(rulesEnabled(m, written)).toContain('fig6/end-event');
    });
});

describe('fig5/invalidate-env only when E = f', () => {
  for (const variant of VARIANTS)
    it(variant, () => {
      const m = model(runningExample, 'reuse', variant);
      const states = run(m, [...table1('fig5/end-event'), 'fig5/invalidate-env']);
      for (const s of states) expect(rulesEnabled(m, s).includes('fig5/invalidate-env'), m.formatState(s)).toBe(s.env === 'f');
      expect(last(states).env).toBe('d');
    });
});

describe('[gap 1] fig7/end-event: repaired needs a response, literal ends without one', () => {
  const endFirst = defineModel({
    name: 'test/end-before-response',
    title: 'end() before the response',
    description: 'main calls end(), then assigns a global and returns',
    source: 'test',
    program: defineProgram({ name: 'test/end-before-response', globals: { x: 0 }, main: [end(), setGlobal('x', lit(1)), returnValue(g('x'))] }),
    inputs: [record({ v: 1 })],
    semantics: ['decoupled'],
  });
  for (const variant of VARIANTS)
    it(variant, () => {
      const m = model(endFirst, 'decoupled', variant);
      const afterEnd = last(run(m, ['fig7/start-event', 'fig4/local main[0]']));
      expect(afterEnd.frame!.endCalled).toBe(true);
      expect(afterEnd.frame!.response).toBeUndefined();
      // Nobody ends while main has not returned (its activation is pending: "Pr = ∅" includes main).
      expect(rulesEnabled(m, afterEnd)).not.toContain('fig7/end-event');
      // Main has answered: literal ends without sending the response; repaired waits for Respond.
      const answered = last(run(m, ['fig7/start-event', 'fig4/local main[0]', 'fig4/local main[1]', 'fig4/local main[2]']));
      expect(answered.frame!.response).toBe(1);
      expect(rulesEnabled(m, answered).includes('fig7/end-event')).toBe(variant === 'literal');
      const sent = last(run(m, ['fig7/start-event', 'fig4/local main[0]', 'fig4/local main[1]', 'fig4/local main[2]', 'fig7/respond']));
      expect(rulesEnabled(m, sent)).toContain('fig7/end-event');
    });
});
