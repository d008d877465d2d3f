/**
 * What the commands share: resolving a model
 * argument and semantics flags to a `ServerlessModel`, checking a `--format` value, and writing the
 * result to `--out` or stdout. Every failure is a `CliFailure` carrying coded user errors (exit 2).
 * Picture codes: AFL501 unknown format · AFL502 bad projection · AFL503 unknown property ·
 * AFL504 graph too large · AFL505 cannot write the output file.
 */
import { writeFileSync } from 'node:fs';
import { parseSemantics, variantOf } from './common-options.ts';
import { CliFailure, type CliIO } from './io.ts';
import { loadModel, type LoadedModel } from './load-model.ts';
import { buildModel, type ServerlessModel } from '../semantics/model.ts';

export async function loadServerless(arg: string, semantics: string | undefined, literal: boolean | undefined): Promise<{ loaded: LoadedModel; model: ServerlessModel }> {
  const loaded = await loadModel(arg);
  if (!loaded.ok) throw new CliFailure(loaded.errors);
  const def = loaded.value.definition;
  const built = buildModel(def, { semantics: parseSemantics(semantics, def.semantics[0]), variant: variantOf(literal) });
  if (!built.ok) throw new CliFailure(built.errors);
  return { loaded: loaded.value, model: built.value };
}

export function parseFormat<F extends string>(value: string | undefined, allowed: readonly F[], fallback: F): F {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as F;
  throw new CliFailure([{ code: 'AFL501', location: '--format', message: `unknown format '${value}'`, hint: `one of: ${allowed.join(', ')}` }]);
}

/** Writes to `out` (reporting the path on stderr) or to stdout. */
export function emit(io: CliIO, out: string | undefined, text: string): void {
  if (out === undefined) {
    io.out(text.endsWith('\n') ? text : `${text}\n`);
    return;
  }
  try {
    writeFileSync(out, text);
  } catch (e) {
    throw new CliFailure([{ code: 'AFL505', location: out, message: `cannot write: ${e instanceof Error ? e.message : String(e)}`, hint: 'check that the folder exists and is writable' }]);
  }
  io.err(`wrote ${out}\n`);
}
