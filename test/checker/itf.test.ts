import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { fromItfValue, itfToJSON, parseItf, toItf, toItfValue, type ItfValue } from '../../src/checker/itf.ts';
import { replay } from '../../src/checker/trace.ts';
import { twoPhaseCommit } from '../fixtures/two-phase-commit.ts';

describe('ITF export', () => {
  const model = twoPhaseCommit(2);
  const replayed = replay(model, { init: 0, choices: [1, 0] }); // RMPrepare(0), TMAbort
  if (!replayed.ok) throw new Error('replay');
  const itf = toItf(model, replayed.states, replayed.trace.steps.map((s) => s.label));

  it('has #meta, vars and indexed states with integers as #bigint and action labels', () => {
    expect(itf['#meta']).toMatchObject({ format: 'ITF', source: model.name });
    expect(itf.vars).toEqual(['rmState', 'tmState', 'tmPrepared', 'msgs']);
    expect(itf.states.map((s) => s['#meta'])).toEqual([{ index: 0 }, { index: 1, action: replayed.trace.steps[0]!.label }, { index: 2, action: replayed.trace.steps[1]!.label }]);
    expect(JSON.stringify({ ...itf.states[1], '#meta': undefined })).not.toMatch(/:-?\d/);
    expect(itf.states[1]!['tmPrepared']).toEqual([]);
    expect(itf.states[1]!['msgs']).toEqual({ prepared: [{ '#bigint': '0' }], commit: false, abort: false });
    expect(toItfValue({ n: 42, xs: [1, -2], big: 2n ** 70n, f: 1.5 })).toEqual({
      n: { '#bigint': '42' },
      xs: [{ '#bigint': '1' }, { '#bigint': '-2' }],
      big: { '#bigint': '1180591620717411303424' },
      f: { '#unserializable': '1.5' },
    });
  });
  it('parses back to the toJSON views', () => {
    const parsed = parseItf(JSON.stringify(itf));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(itfToJSON(parsed.trace).states).toEqual(replayed.states.map((s) => model.toJSON(s)));
  });
});

describe('ITF validation', () => {
  const errorsOf = (doc: unknown) => {
    const parsed = parseItf(doc);
    return parsed.ok ? [] : parsed.errors.map((e) => `${e.path}: ${e.message}`);
  };
  it('accepts the ITF value forms', () => {
    const x: ItfValue = { '#tup': [{ '#set': [true] }, { '#map': [['k', { '#bigint': '-3' }]] }, { tag: 'T', value: 'v' }] };
    const doc = { vars: ['x'], states: [{ '#meta': { index: 0 }, x: { '#tup': [{ '#set': [true] }, { '#map': [['k', { '#bigint': '-3' }]] }, { tag: 'T', value: 'v' }] } }], loop: 0 };
    expect(errorsOf(doc)).toEqual([]);
    expect(fromItfValue(x)).toEqual([new Set([true]), new Map([['k', -3]]), { tag: 'T', value: 'v' }]);
  });
  it('reports every problem with a path', () => {
    expect(errorsOf('{')[0]).toMatch(/^\$: not JSON/);
    expect(errorsOf([])).toEqual(['$: an ITF trace is a JSON object']);
    expect(errorsOf({ vars: ['x', 'y'], states: [{ '#meta': { index: 1 }, x: 3, z: { '#bigint': '1.5' } }] })).toEqual([
      '$.states[0].#meta: #meta.index must be 0',
      "$.states[0]: missing variable 'y'",
      '$.states[0].x: a bare number (use {"#bigint": "…"}) is not an ITF value',
      "$.states[0].z: 'z' is not declared in vars",
      '$.states[0].z: #bigint must be a decimal string',
    ]);
    expect(errorsOf({ vars: 'x', states: {} })).toEqual(['$.vars: vars must be a list of variable names', '$.states: states must be a list']);
  });
});

const jsonish = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.integer(), fc.boolean(), fc.string(), fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(fc.string().filter((k) => !k.startsWith('#') && k !== '__proto__'), tie('value'), { maxKeys: 3 })),
})).value;

test.prop([fc.array(fc.dictionary(fc.constantFrom('a', 'b', 'c'), jsonish, { minKeys: 3, maxKeys: 3 }), { minLength: 1, maxLength: 4 })])('ITF round-trips integer JSON', (views) => {
  const itf = toItf({ name: 'anything', toJSON: (view: Record<string, unknown>) => view }, views);
  const parsed = parseItf(JSON.stringify(itf));
  expect(parsed.ok).toBe(true);
  if (parsed.ok) expect(itfToJSON(parsed.trace).states).toEqual(views.map((view) => Object.fromEntries(itf.vars.map((name) => [name, view[name]]))));
});

describe('ITF null', () => {
  it('null round-trips as the None variant (ITF has no null)', async () => {
    const { toItfValue, fromItfValue } = await import('../../src/checker/itf.ts');
    const v = { a: null, b: [null, 1], c: { tag: 'Some', value: 2 } };
    expect(toItfValue(v)).toEqual({ a: { tag: 'None', value: { '#tup': [] } }, b: [{ tag: 'None', value: { '#tup': [] } }, { '#bigint': '1' }], c: { tag: 'Some', value: { '#bigint': '2' } } });
    expect(fromItfValue(toItfValue(v))).toEqual(v);
  });
});
