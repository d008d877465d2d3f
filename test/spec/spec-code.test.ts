/**
 * Correspondence between `spec/` (the semantics as a document) and `src/semantics/` (the code).
 *
 * Fails when: the `id:` lines of spec/rules/*.md differ from RULE_IDS (both differences reported); a
 * rule file's name does not match its id (so a rule without a file, or a file without a rule, shows);
 * an `implemented by:` reference names a missing file or a function not defined in it; a rule file's
 * `semantics:` line disagrees with `rulesOf`; a rule id is used by no semantics; the `name:`/`kind:`/
 * `claim:` entries of spec/properties.md differ from the properties `buildModel` produces. The
 * comparison functions are pure, and the last block shows they do report differences on doctored input.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import decoupledPort from '../../models/paper/decoupled-port/model.ts';
import runningExample from '../../models/paper/running-example/model.ts';
import { buildModel } from '../../src/semantics/model.ts';
import { RULE_IDS } from '../../src/semantics/rules/ids.ts';
import { rulesOf, SEMANTICS, SEMANTICS_NAMES, type SemanticsName } from '../../src/semantics/semantics.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const RULES_DIR = join(ROOT, 'spec/rules');

// ---------------------------------------------------------------------------------------------------
// Pure helpers (exercised on doctored input at the end of the file)

export interface SetDiff {
  /** In `expected`, not in `actual`. */
  readonly missing: string[];
  /** In `actual`, not in `expected`. */
  readonly extra: string[];
}

export function diffSets(expected: Iterable<string>, actual: Iterable<string>): SetDiff {
  const e = new Set(expected);
  const a = new Set(actual);
  return { missing: [...e].filter((x) => !a.has(x)).sort(), extra: [...a].filter((x) => !e.has(x)).sort() };
}

/** Duplicates in a list (a spec with two files claiming the same id, or two property entries). */
export function duplicates(xs: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const x of xs) (seen.has(x) ? dup : seen).add(x);
  return [...dup].sort();
}

/** Values of every `key: value` line (line start, exact key) in a markdown text. */
export function fieldLines(text: string, key: string): string[] {
  const re = new RegExp(`^${key}:[ \\t]*(.*)$`, 'gm');
  return [...text.matchAll(re)].map((m) => m[1]!.trim());
}

export interface CodeRef {
  readonly file: string;
  readonly fn: string;
}

/** The `path#function` references of the `implemented by:` block (up to the next blank line). */
export function implementedBy(text: string): CodeRef[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^implemented by:/.test(l));
  if (start < 0) return [];
  const block: string[] = [lines[start]!];
  for (let i = start + 1; i < lines.length && lines[i]!.trim() !== ''; i++) block.push(lines[i]!);
  return [...block.join('\n').matchAll(/(src\/[\w./-]+\.ts)#([A-Za-z_$][\w$]*)/g)].map((m) => ({ file: m[1]!, fn: m[2]! }));
}

/** Why a reference does not resolve, or null when it does (`export function NAME` or `function NAME`). */
export function checkRef(ref: CodeRef, root: string = ROOT): string | null {
  const path = join(root, ref.file);
  if (!existsSync(path)) return `${ref.file}#${ref.fn}: no such file`;
  const src = readFileSync(path, 'utf8');
  const re = new RegExp(`^\\s*(?:export\\s+)?function\\s+${ref.fn.replace(/\$/g, '\\$')}\\s*[(<]`, 'm');
  return re.test(src) ? null : `${ref.file}#${ref.fn}: no function '${ref.fn}' in that file`;
}

/** `fig4/start-event` ↔ `fig4-start-event.md`. */
export const ruleFileName = (id: string): string => `${id.replace('/', '-')}.md`;

/** Property entries of spec/properties.md: `name:` followed (in the same entry) by `kind:` and `claim:`. */
export function propertyEntries(text: string): { name: string; kind: string | undefined; claim: string | undefined }[] {
  return text
    .split(/^---$/m)
    .map((chunk) => ({ name: fieldLines(chunk, 'name')[0], kind: fieldLines(chunk, 'kind')[0], claim: fieldLines(chunk, 'claim')[0] }))
    .filter((e): e is { name: string; kind: string | undefined; claim: string | undefined } => e.name !== undefined);
}

// ---------------------------------------------------------------------------------------------------
// The spec as it is on disk

interface RuleSpec {
  readonly file: string;
  readonly ids: string[];
  readonly semantics: string[];
  readonly refs: CodeRef[];
  readonly firstLine: string;
}

function readRuleSpecs(): RuleSpec[] {
  return readdirSync(RULES_DIR)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((file) => {
      const text = readFileSync(join(RULES_DIR, file), 'utf8');
      const sem = fieldLines(text, 'semantics')[0];
      return {
        file,
        ids: fieldLines(text, 'id'),
        semantics: sem === undefined ? [] : sem.split(',').map((s) => s.trim()).filter(Boolean),
        refs: implementedBy(text),
        firstLine: text.split('\n')[0] ?? '',
      };
    });
}

const specs = readRuleSpecs();
const specIds = specs.flatMap((s) => s.ids);

function modelProperties(def: typeof runningExample, semantics: SemanticsName) {
  const built = buildModel(def, { semantics, variant: 'repaired' });
  if (!built.ok) throw new Error(`buildModel failed: ${JSON.stringify(built.errors)}`);
  return built.value.properties;
}

// ---------------------------------------------------------------------------------------------------

describe('spec/rules ↔ RULE_IDS', () => {
  it('the id: lines of spec/rules/*.md are exactly RULE_IDS', () => {
    expect(duplicates(specIds), 'rule ids with more than one spec file').toEqual([]);
    expect(diffSets(RULE_IDS, specIds), 'missing = rule ids without a spec entry; extra = spec ids unknown to the code').toEqual({ missing: [], extra: [] });
  });

  it('there is one file per rule id, named after it, starting with its id line', () => {
    expect(diffSets(RULE_IDS.map(ruleFileName), specs.map((s) => s.file)), 'missing = rule ids without a file; extra = files without a rule id').toEqual({ missing: [], extra: [] });
    for (const s of specs) {
      expect(s.ids, `${s.file}: exactly one id: line`).toHaveLength(1);
      expect(ruleFileName(s.ids[0]!), `${s.file}: file name matches its id`).toBe(s.file);
      expect(s.firstLine, `${s.file}: first line`).toBe(`id: ${s.ids[0]}`);
    }
  });

  it('every implemented-by reference names an existing file and a function defined in it', () => {
    const problems: string[] = [];
    for (const s of specs) {
      if (s.refs.length === 0) problems.push(`${s.file}: no 'implemented by:' references`);
      for (const r of s.refs) {
        const p = checkRef(r);
        if (p) problems.push(`${s.file}: ${p}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("every rule file's semantics: line agrees with rulesOf", () => {
    for (const s of specs) {
      const id = s.ids[0]!;
      const users = SEMANTICS_NAMES.filter((n) => (rulesOf(SEMANTICS[n]) as readonly string[]).includes(id));
      expect(diffSets(users, s.semantics), `${s.file}: semantics using ${id}`).toEqual({ missing: [], extra: [] });
    }
  });

  it('every rule id is used by at least one semantics, and rulesOf names only known ids', () => {
    const used = SEMANTICS_NAMES.flatMap((n) => rulesOf(SEMANTICS[n]));
    expect(diffSets(RULE_IDS, used), 'missing = rule ids no semantics uses; extra = ids rulesOf invents').toEqual({ missing: [], extra: [] });
  });
});

describe('spec/properties.md ↔ serverlessProperties', () => {
  const text = readFileSync(join(ROOT, 'spec/properties.md'), 'utf8');
  const entries = propertyEntries(text);

  it('lists exactly the properties the model builds (running example), once each', () => {
    const props = modelProperties(runningExample, 'reuse');
    expect(duplicates(entries.map((e) => e.name))).toEqual([]);
    expect(diffSets(props.map((p) => p.name), entries.map((e) => e.name)), 'missing = properties without a spec entry; extra = spec entries unknown to the code').toEqual({ missing: [], extra: [] });
  });

  it('the property set does not depend on the semantics or on the paper model', () => {
    const names = (ps: ReturnType<typeof modelProperties>) => ps.map((p) => p.name);
    const reference = names(modelProperties(runningExample, 'reuse'));
    for (const sem of ['single', 'reuse', 'wait-all'] as const) expect(diffSets(reference, names(modelProperties(runningExample, sem)))).toEqual({ missing: [], extra: [] });
    expect(diffSets(reference, names(modelProperties(decoupledPort, 'decoupled')))).toEqual({ missing: [], extra: [] });
  });

  it('each entry states the kind and the claim the code gives the property', () => {
    const byName = new Map(entries.map((e) => [e.name, e]));
    for (const p of modelProperties(runningExample, 'reuse')) {
      const e = byName.get(p.name);
      expect(e, p.name).toBeDefined();
      expect(e!.kind, `${p.name}: kind`).toBe(p.kind);
      expect(e!.claim, `${p.name}: claim`).toBe(p.claim ?? 'none');
    }
  });
});

describe('the correspondence checks can fail', () => {
  it('diffSets reports both directions on a doctored id list', () => {
    const doctored = [...RULE_IDS.filter((id) => id !== 'fig7/respond'), 'fig9/bogus'];
    expect(diffSets(RULE_IDS, doctored)).toEqual({ missing: ['fig7/respond'], extra: ['fig9/bogus'] });
    expect(duplicates([...RULE_IDS, 'fig4/local'])).toEqual(['fig4/local']);
  });

  it('checkRef rejects a missing file and a missing function, and accepts non-exported functions', () => {
    expect(checkRef({ file: 'src/semantics/nope.ts', fn: 'startEvent' })).toMatch(/no such file/);
    expect(checkRef({ file: 'src/semantics/rules/platform.ts', fn: 'startEvnt' })).toMatch(/no function 'startEvnt'/);
    expect(checkRef({ file: 'src/semantics/rules/platform.ts', fn: 'startEvent' })).toBeNull();
    expect(checkRef({ file: 'src/semantics/rules/chains.ts', fn: 'settle' })).toBeNull(); // `function settle`, not exported
    expect(checkRef({ file: 'src/semantics/rules/chains.ts', fn: 'sett' })).not.toBeNull(); // a prefix is not a match
  });

  it('the parsers see ids, references and property entries in doctored text', () => {
    const doc = 'id: fig4/local\nsemantics: single\n\nimplemented by:\n- `src/semantics/a.ts#f` and `src/semantics/b.ts#g`\n\n`src/semantics/c.ts#h` (after the block: ignored)\n';
    expect(fieldLines(doc, 'id')).toEqual(['fig4/local']);
    expect(implementedBy(doc)).toEqual([{ file: 'src/semantics/a.ts', fn: 'f' }, { file: 'src/semantics/b.ts', fn: 'g' }]);
    expect(implementedBy('id: fig4/local\n')).toEqual([]);
    const props = propertyEntries('name: a\nkind: always\nclaim: none\n---\nname: b\nkind: sometimes\n');
    expect(props).toEqual([{ name: 'a', kind: 'always', claim: 'none' }, { name: 'b', kind: 'sometimes', claim: undefined }]);
    expect(diffSets(['a', 'b', 'c'], props.map((p) => p.name))).toEqual({ missing: ['c'], extra: [] });
  });
});
