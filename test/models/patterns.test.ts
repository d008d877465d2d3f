/**
 * Hand-written replays of the bad interleaving of each real-world pattern (P1–P4), and of the fixed
 * siblings' good behaviour. Each step is chosen by its label (`model.formatAction`) among the actions
 * enabled in the current state — a step that is not enabled fails the test — and states along the way
 * are checked (E, Pr, database, globals, properties).
 */
import { describe, expect, it } from 'vitest';
import type { ModelDefinition } from '../../src/semantics/define-model.ts';
import { buildModel, type ServerlessModel } from '../../src/semantics/model.ts';
import type { SemanticsName, Variant } from '../../src/semantics/semantics.ts';
import type { State } from '../../src/semantics/state.ts';
import { record, valueEquals, type Value } from '../../src/semantics/values.ts';
import p1 from '../../models/patterns/p1-fire-and-forget/model.ts';
import p1Awaited from '../../models/patterns/p1-fire-and-forget-awaited/model.ts';
import p2 from '../../models/patterns/p2-respond-early/model.ts';
import p3 from '../../models/patterns/p3-freeze-thaw-leak/model.ts';
import p4 from '../../models/patterns/p4-buffered-logger/model.ts';
import p4Decoupled from '../../models/patterns/p4-buffered-logger-decoupled/model.ts';

function build(def: ModelDefinition, semantics: SemanticsName, variant: Variant = 'repaired'): ServerlessModel {
  const r = buildModel(def, { semantics, variant });
  if (!r.ok) throw new Error(r.errors.map((e) => e.message).join('\n'));
  return r.value;
}

const labels = (m: ServerlessModel, s: State) => m.actions(s).map((a) => m.formatAction(a));

/** Takes the enabled action labelled exactly `label` (fails, listing the enabled ones, otherwise). */
function step(m: ServerlessModel, s: State, label: string): State {
  const a = m.actions(s).find((x) => m.formatAction(x) === label);
  expect(a, `'${label}' is not enabled in ${m.formatState(s)}; enabled: ${labels(m, s).join(' | ')}`).toBeDefined();
  return m.next(s, a!);
}

function run(m: ServerlessModel, labelsToTake: readonly string[], from: State = m.initialStates()[0]!): State {
  return labelsToTake.reduce((s, l) => step(m, s, l), from);
}

/** Whether a state (or state property) holds; `always-step` properties are not asked here. */
function holds(m: ServerlessModel, name: string, s: State): boolean {
  const p = m.properties.find((x) => x.name === name);
  if (p === undefined || p.kind === 'always-step') throw new Error(`no state property '${name}'`);
  return p.holds(s);
}

const db = (m: ServerlessModel, s: State, key: string): Value => s.db[m.ctx.program.dbKeys.indexOf(key)] ?? null;
const global = (m: ServerlessModel, s: State, name: string): Value => s.globals[m.ctx.program.globalNames.indexOf(name)] ?? null;
const pr = (m: ServerlessModel, s: State) => m.toJSON(s).Pr;

describe('P1 fire-and-forget (aws/aws-sdk-js#3253)', () => {
  const event1 = ['fig4/start-event', 'fig4/local main[0] const msg = …', 'fig4/start-async main[1] start SEND', 'fig4/local main[2] return'];

  it('reuse: the response frees the environment with the send pending; scale-down loses it', () => {
    const m = build(p1, 'reuse');
    const responded = run(m, [...event1, 'fig5/end-event']);
    expect(responded.env).toBe('f');
    expect(responded.log[0]!.responses).toEqual([record({ statusCode: 200 })]);
    expect(pr(m, responded)).toEqual(['SEND@e1:write']);
    expect(holds(m, 'residual-execution', responded)).toBe(true);
    expect(holds(m, 'no-lost-write', responded)).toBe(true);

    const destroyed = step(m, responded, 'fig5/invalidate-env');
    expect(destroyed.env).toBe('d');
    expect(holds(m, 'no-lost-write', destroyed)).toBe(false);
    expect(labels(m, destroyed)).toEqual([]); // repaired: a destroyed environment makes no progress
    expect(db(m, destroyed, 'queue')).toBeNull(); // the message never arrives, and no error is reported
  });

  it('reuse: the frozen send of upload 1 completes inside upload 2', () => {
    const m = build(p1, 'reuse');
    const s = run(m, [...event1, 'fig5/end-event', 'fig4/start-event']);
    expect(holds(m, 'cross-event-interference', s)).toBe(true);
    expect(holds(m, 'no-foreign-promises', s)).toBe(false);
    const t = step(m, s, 'fig4/end-async SEND@e1');
    expect(db(m, t, 'queue')).toEqual(record({ upload: 'a.jpg' }));
  });

  it('literal rules: the send even lands in a destroyed environment (gap 2)', () => {
    const m = build(p1, 'reuse', 'literal');
    const s = run(m, [...event1, 'fig5/end-event', 'fig5/invalidate-env', 'fig4/end-async SEND@e1']);
    expect(s.env).toBe('d');
    expect(db(m, s, 'queue')).toEqual(record({ upload: 'a.jpg' }));
  });

  it('fixed (awaited): the response waits for the send, nothing is left pending at scale-down', () => {
    const m = build(p1Awaited, 'reuse');
    const sent = run(m, ['fig4/start-event', 'fig4/local main[0] const msg = …', 'fig4/start-async main[1] start SEND']);
    expect(labels(m, sent)).toEqual(['fig4/end-async SEND@e1', 'fig4/end-async SEND@e1 reject']); // main is blocked in await
    const done = run(m, ['fig4/end-async SEND@e1', 'fig4/local main[2] await SEND', 'fig4/local main[3] return', 'fig5/end-event', 'fig5/invalidate-env'], sent);
    expect(done.env).toBe('d');
    expect(done.pending).toEqual([]);
    expect(holds(m, 'no-lost-write', done)).toBe(true);
    expect(db(m, done, 'queue')).toEqual(record({ upload: 'a.jpg' }));
  });
});

describe('P2 respond early (cloudflare/workerd#3557)', () => {
  it('single: the event ends at respond; the started background write is cut off', () => {
    const m = build(p2, 'single');
    const responded = run(m, ['fig4/start-event', 'fig4/local main[0] respond']);
    // The response is termination: End Event is enabled at once, main's remaining commands race it.
    expect(labels(m, responded)).toEqual(['fig4/end-event', 'fig4/start-async main[1] start PROCESS']);
    const cut = run(m, ['fig4/start-async main[1] start PROCESS', 'fig4/end-event'], responded);
    expect(cut.env).toBe('d');
    expect(pr(m, cut)).toEqual(['PROCESS@e1:timer']);
    expect(holds(m, 'no-lost-write', cut)).toBe(false);
    expect(labels(m, cut)).toEqual([]);
    expect(db(m, cut, 'thumbnail')).toBeNull();
  });

  it('reuse: the work of request 1 runs inside request 2, and main\'s continuation is dropped', () => {
    const m = build(p2, 'reuse');
    const s = run(m, [
      'fig4/start-event', 'fig4/local main[0] respond', 'fig4/start-async main[1] start PROCESS', 'fig5/end-event',
      'fig4/start-event', 'fig4/end-async PROCESS@e1', 'fig4/end-async PROCESS@e1',
    ]);
    expect(s.env).toBe(2);
    expect(db(m, s, 'thumbnail')).toEqual(record({ of: 'img-1' }));
    expect(global(m, s, 'processed')).toBe(0); // request 1's `processed += 1` after its await never runs
  });

  it('wait-all: the event cannot end until main has returned, so the work and main\'s continuation complete', () => {
    const m = build(p2, 'wait-all');
    const responded = run(m, ['fig4/start-event', 'fig4/local main[0] respond']);
    expect(responded.pending).toEqual([]);
    // Pr is empty, but main has not returned: an unfinished async handler is itself pending.
    expect(m.actions(responded).map((a) => a.rule)).not.toContain('fig6/end-event');
    const done = run(m, [
      'fig4/start-event', 'fig4/local main[0] respond', 'fig4/start-async main[1] start PROCESS', 'fig4/end-async PROCESS@e1',
      'fig4/end-async PROCESS@e1', 'fig4/local main[2] await PROCESS', 'fig4/local main[3] processed = …', 'fig6/end-event',
    ]);
    expect(done.env).toBe('f');
    expect(global(m, done, 'processed')).toBe(1);
    expect(done.db[0]).toEqual(record({ of: 'img-1' }));
  });
});

describe('P3 freeze/thaw leak (aws/aws-lambda-base-images#153)', () => {
  it('reuse: request 1\'s timer fires inside request 2 and logs under request 2\'s id', () => {
    const m = build(p3, 'reuse');
    const e2 = run(m, [
      'fig4/start-event', 'fig4/local main[0] requestId = …', 'fig4/start-async main[1] start AUDIT', 'fig4/local main[2] return', 'fig5/end-event',
      'fig4/start-event', 'fig4/local main[0] requestId = …',
    ]);
    expect(global(m, e2, 'requestId')).toBe('req-2');
    expect(pr(m, e2)).toEqual(['AUDIT@e1:timer']);
    expect(holds(m, 'cross-event-interference', e2)).toBe(true);

    const issued = step(m, e2, 'fig4/end-async AUDIT@e1'); // the timer fires: the write is issued now
    expect(pr(m, issued)).toEqual(['AUDIT@e1:write']);
    expect(issued.pending[0]!.payload).toEqual(record({ requestId: 'req-2', writtenBy: 'req-1' }));
    expect(holds(m, 'log-attributed-to-writer', issued)).toBe(true);

    const written = step(m, issued, 'fig4/end-async AUDIT@e1');
    expect(db(m, written, 'auditLog')).toEqual(record({ requestId: 'req-2', writtenBy: 'req-1' }));
    expect(holds(m, 'log-attributed-to-writer', written)).toBe(false);
  });

  it('single: the one request\'s line is attributed correctly', () => {
    const m = build(p3, 'single');
    const s = run(m, ['fig4/start-event', 'fig4/local main[0] requestId = …', 'fig4/start-async main[1] start AUDIT', 'fig4/end-async AUDIT@e1', 'fig4/end-async AUDIT@e1']);
    expect(db(m, s, 'auditLog')).toEqual(record({ requestId: 'req-1', writtenBy: 'req-1' }));
    expect(holds(m, 'log-attributed-to-writer', s)).toBe(true);
  });
});

describe('P4 buffered logger (pinojs/pino#488)', () => {
  const event1 = ['fig4/start-event', 'fig4/local main[0] buffer = …', 'fig4/start-async main[1] start FLUSH', 'fig4/local main[2] return', 'fig5/end-event'];

  it('reuse: the flush is frozen at the response and lost at scale-down', () => {
    const m = build(p4, 'reuse');
    const s = run(m, [...event1, 'fig5/invalidate-env']);
    expect(pr(m, s)).toEqual(['FLUSH@e1:write']);
    expect(holds(m, 'no-lost-write', s)).toBe(false);
    expect(db(m, s, 'logSink')).toBeNull();
  });

  it('reuse: request 1\'s line is still buffered and ships with request 2\'s batch', () => {
    const m = build(p4, 'reuse');
    const s = run(m, [...event1, 'fig4/start-event', 'fig4/local main[0] buffer = …', 'fig4/start-async main[1] start FLUSH']);
    expect(global(m, s, 'buffer')).toBe('r1;r2;');
    const shipped = step(m, s, 'fig4/end-async FLUSH@e2');
    expect(db(m, shipped, 'logSink')).toEqual(record({ lines: 'r1;r2;', own: 'r2;' }));
    expect(holds(m, 'batch-matches-request', shipped)).toBe(false);
  });

  it('reuse: request 1\'s late clear wipes request 2\'s line before it is flushed', () => {
    const m = build(p4, 'reuse');
    const s = run(m, [...event1, 'fig4/start-event', 'fig4/local main[0] buffer = …', 'fig4/end-async FLUSH@e1']);
    expect(global(m, s, 'buffer')).toBe(''); // 'r2;' is gone
    const shipped = run(m, ['fig4/start-async main[1] start FLUSH', 'fig4/end-async FLUSH@e2'], s);
    expect(db(m, shipped, 'logSink')).toEqual(record({ lines: '', own: 'r2;' }));
    expect(holds(m, 'batch-matches-request', shipped)).toBe(false);
  });

  it('decoupled port: request 2 cannot start before request 1\'s flush settled and end() ran', () => {
    const m = build(p4Decoupled, 'decoupled');
    const responded = run(m, ['fig7/start-event', 'fig4/local main[0] buffer = …', 'fig4/start-async main[1] start FLUSH', 'fig4/start-async main[2] start DONE', 'fig4/local main[3] return', 'fig7/respond']);
    expect(responded.log[0]!.responses).toEqual([record({ statusCode: 200 })]); // the response is not delayed by the flush
    expect(labels(m, responded)).toEqual(['fig4/end-async FLUSH@e1']); // no End Event, no second Respond
    const ended = run(m, ['fig4/end-async FLUSH@e1', 'fig4/end-async DONE@e1', 'fig7/end-event'], responded);
    expect(ended.env).toBe('f');
    expect(global(m, ended, 'buffer')).toBe('');
    const e2 = run(m, ['fig7/start-event', 'fig4/local main[0] buffer = …', 'fig4/start-async main[1] start FLUSH', 'fig4/end-async FLUSH@e2'], ended);
    expect(valueEquals(db(m, e2, 'logSink'), record({ lines: 'r2;', own: 'r2;' }))).toBe(true);
    expect(holds(m, 'batch-matches-request', e2)).toBe(true);
    expect(holds(m, 'no-foreign-promises', e2)).toBe(true);
  });
});
