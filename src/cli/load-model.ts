/**
 * Resolves a model argument to a `ModelDefinition` (and its manifest, if any).
 *
 * Accepted: a path to a model folder (containing `model.ts`), a path to a model module, or a model
 * name under the package's `models/` folder (`paper/running-example`). Every failure is a coded user
 * error (AFL401 not found, AFL402 not a model, AFL403 the module failed to load) — never a stack trace.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';
import { fail, ok, UserInputError, type Result } from '../errors.ts';
import type { ModelDefinition } from '../semantics/define-model.ts';
import { isSemanticsName } from '../semantics/semantics.ts';

export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const MODELS_ROOT = join(PACKAGE_ROOT, 'models');

export interface LoadedModel {
  readonly definition: ModelDefinition;
  /** The module file it came from. */
  readonly file: string;
  /** The folder holding `manifest.json`, if the model has one. */
  readonly manifestFile: string | null;
}

function candidateFiles(arg: string): string[] {
  const out: string[] = [];
  const asPaths = [resolve(arg), join(MODELS_ROOT, arg), join(PACKAGE_ROOT, arg)];
  for (const p of asPaths) {
    if (existsSync(p) && statSync(p).isDirectory()) {
      for (const f of ['model.ts', 'model.js', 'model.mjs']) if (existsSync(join(p, f))) out.push(join(p, f));
    } else if (existsSync(p) && statSync(p).isFile()) out.push(p);
  }
  return out;
}

export async function loadModel(arg: string): Promise<Result<LoadedModel>> {
  const file = candidateFiles(arg)[0];
  if (file === undefined) {
    const known = listModelNames();
    return fail({
      code: 'AFL401',
      location: arg,
      message: `no model found at '${arg}'`,
      hint: `give a model folder, a model module, or one of: ${known.join(', ')} (see 'afterlife list')`,
    });
  }
  let mod: { default?: unknown };
  try {
    // tsx's scoped loader compiles a .ts model as ESM even outside an ESM package (a plain import()
    // of /tmp/x.ts would be compiled as CommonJS there and fail on our ESM sources).
    mod = (/\.[mc]?ts$/.test(file) ? await tsImport(pathToFileURL(file).href, import.meta.url) : await import(pathToFileURL(file).href)) as { default?: unknown };
  } catch (e) {
    if (e instanceof UserInputError) return { ok: false, errors: e.errors };
    const message = e instanceof Error ? e.message.split('\n').filter(Boolean).slice(0, 3).join(' ') : String(e);
    return fail({ code: 'AFL403', location: relative(process.cwd(), file) || file, message: `the model module failed to load: ${message}`, hint: 'fix the module so that it imports cleanly (try: npx tsx <file>)' });
  }
  let def = mod.default;
  // CommonJS interop (a model outside an ESM package): the module object arrives as `default`.
  if (typeof def === 'object' && def !== null && !('program' in def) && 'default' in def) def = (def as { default: unknown }).default;
  const problem = shapeProblem(def);
  if (problem !== null)
    return fail({ code: 'AFL402', location: relative(process.cwd(), file) || file, message: `not an afterlife model: ${problem}`, hint: 'a model module has `export default defineModel({ name, title, description, source, program, inputs, semantics })`' });
  const manifest = join(dirname(file), 'manifest.json');
  return ok({ definition: def as ModelDefinition, file, manifestFile: existsSync(manifest) ? manifest : null });
}

function shapeProblem(d: unknown): string | null {
  if (typeof d !== 'object' || d === null) return 'it has no default export object';
  const m = d as Record<string, unknown>;
  if (typeof m.name !== 'string') return "missing 'name'";
  if (typeof m.program !== 'object' || m.program === null) return "missing 'program'";
  if (!Array.isArray(m.inputs)) return "missing 'inputs' (an array of event inputs)";
  if (!Array.isArray(m.semantics) || m.semantics.length === 0 || !m.semantics.every((s) => typeof s === 'string' && isSemanticsName(s)))
    return "'semantics' must be a non-empty list of single|reuse|wait-all|decoupled";
  return null;
}

/** Model names under models/ (folders holding a model.ts), sorted. */
export function listModelNames(root = MODELS_ROOT): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (!e.isDirectory()) continue;
      const d = join(dir, e.name);
      if (existsSync(join(d, 'model.ts'))) out.push(relative(root, d).split('\\').join('/'));
      walk(d);
    }
  };
  if (existsSync(root)) walk(root);
  return out;
}
