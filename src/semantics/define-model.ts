/**
 * What a model module under `models/` exports (as its default export): a program, the scenario's
 * event inputs, model-level database invariants, and the semantics it was written for.
 * Expected verdicts live beside it in `manifest.json` (see `manifest.ts`).
 */
import type { ProgramSource } from './program.ts';
import type { DbInvariant } from './properties.ts';
import type { SemanticsName } from './semantics.ts';
import { fieldOf, hashOf, valueEquals, type Value } from './values.ts';

export interface ModelDefinition {
  /** e.g. `paper/running-example` (its folder under models/). */
  readonly name: string;
  readonly title: string;
  readonly description: string;
  /** Where it comes from: `paper Fig. 1`, `pattern P1 (aws/aws-sdk-js#3253)`, … */
  readonly source: string;
  readonly program: ProgramSource;
  /** The events delivered to the environment, in order (the paper's receive(v)). */
  readonly inputs: readonly Value[];
  readonly invariants?: readonly DbInvariant[];
  /** The semantics the program is written for; the first is the default. */
  readonly semantics: readonly [SemanticsName, ...SemanticsName[]];
}

export const defineModel = (m: ModelDefinition): ModelDefinition => m;

/** The running example's `db-consistent`: every stored record at `key` has hash = H(val). */
export function dbConsistent(key: string): DbInvariant {
  return {
    name: 'db-consistent',
    description: `the record stored at '${key}' (if any) has hash = H(val)`,
    holds: (db) => {
      const r = db(key);
      return r === null || valueEquals(fieldOf(r, 'hash'), hashOf(fieldOf(r, 'val')));
    },
  };
}
