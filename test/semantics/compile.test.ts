/**
 * Malformed programs are rejected before any exploration (`buildModel` returns coded errors, never a
 * model), each error with its code, a location naming the model and the offending element path, and
 * a hint; several errors in one program are all reported.
 */
import { describe, expect, it } from 'vitest';
import { formatUserError, type UserError } from '../../src/errors.ts';
import {
  allSettled, andThen, awaitChain, connect, defineProgram, end, g, input, lit, local, read, rec, result, returnChain, returnValue, setGlobal, setLocal, start, write,
} from '../../src/semantics/builder.ts';
import { defineModel } from '../../src/semantics/define-model.ts';
import { buildModel } from '../../src/semantics/model.ts';
import type { ChainStep, MainCommand, ProgramSource } from '../../src/semantics/program.ts';
import type { SemanticsName } from '../../src/semantics/semantics.ts';
import { record } from '../../src/semantics/values.ts';

const NAME = 'test/malformed';

/** A valid base program; each case overrides a part of it. */
function program(over: Partial<ProgramSource>): ProgramSource {
  return defineProgram({
    name: NAME,
    globals: { val: 0 },
    db: { record: null },
    chains: { W: [connect(), write('record', rec({ val: g('val') }))] },
    main: [setGlobal('val', input), start('W'), returnValue(lit(1))],
    ...over,
  });
}

function errorsOf(p: ProgramSource, semantics: SemanticsName = 'reuse'): readonly UserError[] {
  const r = buildModel(defineModel({ name: NAME, title: NAME, description: '', source: 'test', program: p, inputs: [record({ v: 1 })], semantics: [semantics] }), { semantics, variant: 'repaired' });
  if (r.ok) throw new Error('the malformed program was accepted');
  return r.errors;
}

const main = (...commands: MainCommand[]) => ({ main: commands });
const chains = (c: Record<string, ChainStep[]>) => ({ chains: c });

interface Case {
  readonly what: string;
  readonly code: string;
  /** The element path after `<model>: `. */
  readonly path: string;
  readonly program: Partial<ProgramSource>;
  readonly semantics?: SemanticsName;
}

const CASES: readonly Case[] = [
  { what: 'assignment to an unknown global', code: 'AFL101', path: 'main[0].target', program: main(setGlobal('vall', lit(1)), returnValue(lit(1))) },
  { what: 'an unknown global read in a write', code: 'AFL101', path: 'chains.W[1].op.value.fields.val', program: chains({ W: [connect(), write('record', rec({ val: g('vall') }))] }) },
  { what: 'an unknown local', code: 'AFL101', path: 'main[0].value', program: main(returnValue(local('nope'))) },
  { what: 'start of an unknown chain', code: 'AFL102', path: 'main[0].chain', program: main(start('Q'), returnValue(lit(1))) },
  { what: 'allSettled of an unknown chain', code: 'AFL102', path: 'chains.ALL[0].op.chains[1]', program: { ...chains({ W: [connect()], ALL: [allSettled('W', 'Q')] }), ...main(start('W'), start('ALL'), returnValue(lit(1))) } },
  { what: "'result' in a chain's first step", code: 'AFL103', path: 'chains.W[0].op.value', program: chains({ W: [write('record', result)] }) },
  { what: "'result' in main", code: 'AFL103', path: 'main[0].value', program: main(returnValue(result)) },
  { what: 'end() in main under reuse', code: 'AFL104', path: 'main[0]', program: main(end(), returnValue(lit(1))) },
  { what: 'end() in a callback under wait-all', code: 'AFL104', path: 'chains.W[1].body[0]', program: chains({ W: [connect(), andThen({ do: [end()] })] }), semantics: 'wait-all' },
  { what: 'a chain that does not start with an await', code: 'AFL105', path: 'chains.W', program: chains({ W: [andThen({}), connect()] }) },
  { what: 'an empty chain', code: 'AFL105', path: 'chains.W', program: chains({ W: [] }) },
  { what: 'a local read before it is assigned', code: 'AFL106', path: 'main[0].value', program: { locals: ['x'], ...main(returnValue(local('x'))) } },
  { what: 'a local assigned twice', code: 'AFL106', path: 'main[1]', program: { locals: ['x'], ...main(setLocal('x', lit(1)), setLocal('x', lit(2)), returnValue(local('x'))) } },
  { what: 'a chain reading a local assigned after it starts', code: 'AFL106', path: 'chains.W[1].op.value', program: { locals: ['x'], ...chains({ W: [connect(), write('record', local('x'))] }), ...main(start('W'), setLocal('x', lit(1)), returnValue(lit(1))) } },
  { what: 'a chain started twice', code: 'AFL107', path: 'main[1]', program: main(start('W'), start('W'), returnValue(lit(1))) },
  { what: 'await before start', code: 'AFL107', path: 'main[0]', program: main(awaitChain('W'), start('W'), returnValue(lit(1))) },
  { what: 'return of a chain never started', code: 'AFL107', path: 'main[0]', program: main(returnChain('W')) },
  { what: 'allSettled of a chain started later', code: 'AFL107', path: 'chains.ALL[0].op.chains[0]', program: { ...chains({ W: [connect()], ALL: [allSettled('W')] }), ...main(start('ALL'), start('W'), returnValue(lit(1))) } },
  { what: 'a read of an unknown database key', code: 'AFL108', path: 'chains.W[0].op.key', program: chains({ W: [read('recrod')] }) },
  { what: 'a write to an unknown database key', code: 'AFL108', path: 'chains.W[1].op.key', program: chains({ W: [connect(), write('nokey', lit(1))] }) },
  { what: 'a local declared twice', code: 'AFL109', path: 'locals[1]', program: { locals: ['x', 'x'] } },
  { what: 'a name both global and local', code: 'AFL109', path: 'locals', program: { locals: ['val'] } },
  { what: 'a command after return', code: 'AFL111', path: 'main[1]', program: main(returnValue(lit(1)), setGlobal('val', lit(2))) },
  { what: 'a command after return chain', code: 'AFL111', path: 'main[2]', program: main(start('W'), returnChain('W'), returnValue(lit(2))) },
];

describe('malformed programs are rejected with a code, the model and the element path', () => {
  it('the base program is valid', () => {
    expect(buildModel(defineModel({ name: NAME, title: NAME, description: '', source: 'test', program: program({}), inputs: [record({ v: 1 })], semantics: ['reuse'] }), { semantics: 'reuse', variant: 'repaired' }).ok).toBe(true);
  });
  for (const c of CASES)
    it(`${c.code}: ${c.what}`, () => {
      const errors = errorsOf(program(c.program), c.semantics);
      expect(errors.map((e) => `${e.code} ${e.location}`)).toContain(`${c.code} ${NAME}: ${c.path}`);
      const e = errors.find((x) => x.code === c.code && x.location === `${NAME}: ${c.path}`)!;
      expect(e.message.length).toBeGreaterThan(0);
      expect(e.hint?.length ?? 0).toBeGreaterThan(0);
      const printed = formatUserError(e);
      expect(printed).toContain(`[${c.code}]`);
      expect(printed).toContain(NAME);
      expect(printed).toContain(c.path);
    });

  it('every code is exercised', () => {
    expect(new Set(CASES.map((c) => c.code))).toEqual(new Set(['AFL101', 'AFL102', 'AFL103', 'AFL104', 'AFL105', 'AFL106', 'AFL107', 'AFL108', 'AFL109', 'AFL111']));
  });
});

describe('several errors in one program are all reported', () => {
  it('one error per malformed element, in one result', () => {
    const errors = errorsOf(
      program({
        locals: ['x', 'x'],
        chains: { W: [write('nokey', result)], R: [andThen({})] },
        main: [setGlobal('vall', lit(1)), start('Q'), end(), returnValue(lit(1)), start('W')],
      }),
    );
    const got = errors.map((e) => `${e.code} ${e.location}`);
    for (const expected of [
      `AFL109 ${NAME}: locals[1]`,
      `AFL101 ${NAME}: main[0].target`,
      `AFL102 ${NAME}: main[1].chain`,
      `AFL104 ${NAME}: main[2]`,
      `AFL111 ${NAME}: main[4]`,
      `AFL108 ${NAME}: chains.W[0].op.key`,
      `AFL103 ${NAME}: chains.W[0].op.value`,
      `AFL105 ${NAME}: chains.R`,
    ])
      expect(got).toContain(expected);
  });

  it('end() is accepted under decoupled, the other errors are still reported', () => {
    const errors = errorsOf(program({ main: [end(), returnValue(lit(1)), start('W')] }), 'decoupled');
    expect(errors.map((e) => e.code)).toEqual(['AFL111']);
  });
});
