/**
 * Parsing of the flags several commands share (`--semantics`, `--literal`, numbers), each failure a
 * coded user error naming the flag (AFL201 unknown semantics, AFL202 not a number).
 */
import type { UserError } from '../errors.ts';
import { SEMANTICS_NAMES, isSemanticsName, type SemanticsName, type Variant } from '../semantics/semantics.ts';
import { CliFailure } from './io.ts';

export function parseSemantics(value: string | undefined, fallback: SemanticsName): SemanticsName {
  if (value === undefined) return fallback;
  if (!isSemanticsName(value))
    throw new CliFailure([{ code: 'AFL201', location: '--semantics', message: `unknown semantics '${value}'`, hint: `one of: ${SEMANTICS_NAMES.join(', ')}` }]);
  return value;
}

export const variantOf = (literal: boolean | undefined): Variant => (literal ? 'literal' : 'repaired');

export function parseCount(value: string | undefined, flag: string, opts: { min?: number } = {}): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.replace(/_/g, ''));
  const min = opts.min ?? 0;
  if (!Number.isInteger(n) || n < min) {
    const e: UserError = { code: 'AFL202', location: flag, message: `'${value}' is not a whole number >= ${min}`, hint: `e.g. ${flag} 1000` };
    throw new CliFailure([e]);
  }
  return n;
}
