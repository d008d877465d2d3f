/**
 * User-facing errors as values.
 *
 * Anything a user can get wrong (a malformed model, trace, flag or an unsupported construct) is
 * reported as a `UserError`: a stable code (`AFL1xx` models, `AFL2xx` options/flags, `AFL3xx` traces,
 * `AFL4xx` files), a message, a location (file, model element path, or flag) and a hint saying what to
 * do. Functions return `Result<T>`; only internal bugs throw. The CLI prints these and exits 2.
 */

export interface UserError {
  readonly code: string;
  readonly message: string;
  /** Where: `models/x/model.ts`, `paper/running-example: chains.W[1].op`, `--max-depth`, … */
  readonly location?: string;
  readonly hint?: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly UserError[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (...errors: UserError[]): Result<never> => ({ ok: false, errors });

/** Wraps user errors so they can cross an API that must throw (e.g. a model module's top level). */
export class UserInputError extends Error {
  constructor(readonly errors: readonly UserError[]) {
    super(errors.map(formatUserError).join('\n'));
    this.name = 'UserInputError';
  }
}

export function formatUserError(e: UserError): string {
  const where = e.location ? ` at ${e.location}` : '';
  const hint = e.hint ? `\n  hint: ${e.hint}` : '';
  return `Error [${e.code}]${where}: ${e.message}${hint}`;
}

/** Unwraps a result or throws `UserInputError` (for builder-style APIs used at module top level). */
export function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new UserInputError(r.errors);
  return r.value;
}
