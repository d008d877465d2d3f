/**
 * The paper's runs, replayed rule by rule: Table 1 and Table 2 under the single-execution semantics,
 * Table 3 under function reuse; and Table 1's run is not a run of wait-all or decoupled.
 */
import { describe, expect, it } from 'vitest';
import decoupledPort from '../../models/paper/decoupled-port/model.ts';
import runningExample from '../../models/paper/running-example/model.ts';
import { stateToJSON } from '../../src/semantics/format.ts';
import { hashOf, record, valueEquals } from '../../src/semantics/values.ts';
import { EVENT_PROLOGUE, holds, model, run, tryRun } from './replay-helpers.ts';

const TABLE1 = [
  ...EVENT_PROLOGUE('fig4/start-event'),
  'fig4/local main[4]', // return R
  'fig4/end-async R@e1', // R's connect resolves; the read is issued
  'fig4/end-async R@e1', // the read resolves; {stored: S, hash} becomes M(response)
  'fig4/end-event', // respond: the environment is done while W's connect is pending
];

describe('Table 1 (single execution, input 42): the response ends the event while W is pending', () => {
  for (const variant of ['literal', 'repaired'] as const) {
    it(`replays under single (${variant}) and ends with W's connect unresolved`, () => {
      const m = model(runningExample, 'single', variant);
      const states = run(m, TABLE1);
      const before = states[8]!;
      expect(before.env).toBe(1);
      expect(before.frame!.response).toEqual(record({ stored: null, hash: hashOf(42) }));
      const last = states[9]!;
      const j = stateToJSON(last, m.ctx.program);
      expect(j.E).toBe('d');
      expect(j.Pr).toEqual(['W@e1:connect']);
      expect(j.DB).toEqual({ record: null });
      expect(j.events).toEqual([{ event: 'e1', input: { val: 42 }, responses: [{ hash: { H: 42 }, stored: null }], ended: true }]);
      expect(holds(m, 'no-lost-write', last)).toBe(false);
      expect(holds(m, 'resolved-before-end', last)).toBe(false);
      expect(holds(m, 'residual-execution', last)).toBe(true); // Lemma 4.5's witness
    });
  }

  it('repaired: the residual promise is never resolved (Theorem 4.6); literal: it still runs after done', () => {
    const repaired = model(runningExample, 'single', 'repaired');
    const end = run(repaired, TABLE1).at(-1)!;
    expect(repaired.actions(end)).toEqual([]); // frozen and destroyed: nothing can happen
    const literal = model(runningExample, 'single', 'literal');
    const states = run(literal, [...TABLE1, 'fig4/end-async W@e1', 'fig4/end-async W@e1']);
    expect(states.at(-1)!.env).toBe('d');
    expect(valueEquals(states.at(-1)!.db[0]!, record({ val: 42, hash: hashOf(42) }))).toBe(true); // a write by a "dead" environment
  });

  it("is not a run of wait-all: End Event is not enabled while W's promise is pending", () => {
    const m = model(runningExample, 'wait-all');
    const r = tryRun(m, TABLE1.map((l) => (l === 'fig4/end-event' ? 'fig6/end-event' : l)));
    expect(r.blockedAt).toBe(8);
    expect(r.states.at(-1)!.pending.map((p) => p.chain)).toEqual([0]); // W is what it waits for
  });

  it('is not a run of decoupled: the port responds, but end() must wait for W', () => {
    const m = model(decoupledPort, 'decoupled');
    const prefix = [...EVENT_PROLOGUE('fig7/start-event'), 'fig4/start-async main[4]', 'fig4/local main[5]', 'fig4/end-async R@e1', 'fig4/end-async R@e1', 'fig7/respond'];
    const states = run(m, prefix);
    const s = states.at(-1)!;
    expect(s.log[0]!.responses).toHaveLength(1); // the response was sent…
    expect(tryRun(m, [...prefix, 'fig7/end-event']).blockedAt).toBe(prefix.length); // …but the event cannot end
    expect(s.pending.map((p) => m.ctx.program.chains[p.chain]!.name)).toEqual(['W', 'ALL']);
  });
});

describe('Table 2 (single execution, input 42): W writes first, then R runs — no residual execution', () => {
  it('replays under single and ends with nothing pending and a consistent record', () => {
    const m = model(runningExample, 'single');
    const states = run(m, [
      ...EVENT_PROLOGUE('fig4/start-event'),
      'fig4/local main[4]',
      'fig4/end-async W@e1', // connect; the write of {val, hash} is issued
      'fig4/end-async W@e1', // the write lands
      'fig4/end-async R@e1',
      'fig4/end-async R@e1', // R reads the record W wrote
      'fig4/end-event',
    ]);
    const last = states.at(-1)!;
    expect(last.env).toBe('d');
    expect(last.pending).toEqual([]);
    expect(valueEquals(last.db[0]!, record({ val: 42, hash: hashOf(42) }))).toBe(true);
    expect(last.log[0]!.responses[0]).toEqual(record({ stored: record({ val: 42, hash: hashOf(42) }), hash: hashOf(42) }));
    for (const p of ['no-lost-write', 'resolved-before-end', 'db-consistent']) expect(holds(m, p, last)).toBe(true);
    expect(holds(m, 'residual-execution', last)).toBe(false);
  });
});

describe('Table 3 (function reuse, inputs 42 then 112): event 1 writes stale data inside event 2', () => {
  const TABLE3 = [
    ...TABLE1.map((l) => (l === 'fig4/end-event' ? 'fig5/end-event' : l)), // event 1 responds with W pending: E := f
    'fig4/start-event', // event 2 in the same environment
    'fig4/local main[0]', // val = 112
    'fig4/end-async W@e1', // event 1's connect resolves inside event 2: the write {val, hash} is built now
    'fig4/end-async W@e1', // …and lands: {val: 112, hash: H(42)}
    'fig4/local main[1]', // only now does event 2 recompute hash
  ];
  for (const variant of ['literal', 'repaired'] as const) {
    it(`replays under reuse (${variant}) with the paper's three problems`, () => {
      const m = model(runningExample, 'reuse', variant);
      const states = run(m, TABLE3);
      const afterEvent1 = states[9]!;
      expect(afterEvent1.env).toBe('f');
      expect(afterEvent1.pending.map((p) => [p.event, p.chain])).toEqual([[1, 0]]);
      const event2Started = states[10]!;
      expect(event2Started.env).toBe(2);
      expect(holds(m, 'cross-event-interference', event2Started)).toBe(true); // Lemma 4.7: event 1's promise inside event 2
      expect(holds(m, 'no-foreign-promises', event2Started)).toBe(false);
      const writeIssued = states[12]!;
      expect(writeIssued.pending[0]!.payload).toEqual(record({ val: 112, hash: hashOf(42) })); // built from the globals *now*
      const written = states[13]!;
      expect(stateToJSON(written, m.ctx.program).DB).toEqual({ record: { hash: { H: 42 }, val: 112 } });
      expect(holds(m, 'db-consistent', written)).toBe(false); // new value, stale hash
      expect(valueEquals(states[14]!.globals[1]!, hashOf(112))).toBe(true);
    });
  }
});
