import { digestFields } from './value-digest.ts';

/**
 * The value domain of serverless programs: JSON-like scalars, records, and an uninterpreted hash.
 *
 * Values are immutable plain data so states stay cheap to copy and compare. `H(v)` is the paper's
 * uninterpreted hash: two hash terms are equal iff their arguments are equal, which is all the
 * running example needs (`db-consistent` asks whether a stored record has hash = H(val)). Records keep
 * their fields sorted by name so that equal records are structurally identical (canonical identity).
 */

export type Value = null | boolean | number | string | HashValue | RecordValue;

export interface HashValue {
  readonly $: 'H';
  readonly of: Value;
}

export interface RecordValue {
  readonly $: 'rec';
  /** Sorted by field name, no duplicates. */
  readonly fields: readonly (readonly [string, Value])[];
  /** Content digest (two 32-bit lanes, see value-digest.ts), a function of `fields`; never compared. */
  readonly da: number;
  readonly db: number;
}

export function hashOf(v: Value): HashValue {
  return { $: 'H', of: v };
}

export function record(fields: Readonly<Record<string, Value>>): RecordValue {
  const sorted = Object.keys(fields)
    .sort()
    .map((k) => [k, fields[k] as Value] as const);
  return recordOfSorted(sorted);
}

/** A record from fields already sorted by name without duplicates (the only way records are built). */
export function recordOfSorted(fields: readonly (readonly [string, Value])[]): RecordValue {
  const [da, db] = digestFields(fields);
  return { $: 'rec', fields, da, db };
}

export function isHash(v: Value): v is HashValue {
  return typeof v === 'object' && v !== null && v.$ === 'H';
}

export function isRecord(v: Value): v is RecordValue {
  return typeof v === 'object' && v !== null && v.$ === 'rec';
}

/** Field of a record; `null` (JavaScript's undefined) when absent or not a record. */
export function fieldOf(v: Value, name: string): Value {
  if (!isRecord(v)) return null;
  for (const [k, x] of v.fields) if (k === name) return x;
  return null;
}

export function valueEquals(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a.$ === 'H' && b.$ === 'H') return valueEquals(a.of, b.of);
  if (a.$ === 'rec' && b.$ === 'rec') {
    if (a.fields.length !== b.fields.length) return false;
    for (let i = 0; i < a.fields.length; i++) {
      const fa = a.fields[i]!;
      const fb = b.fields[i]!;
      if (fa[0] !== fb[0] || !valueEquals(fa[1], fb[1])) return false;
    }
    return true;
  }
  return false;
}

/** Paper-style rendering: `42`, `"x"`, `H(42)`, `{hash: H(42), val: 112}`, `undefined` for null. */
export function showValue(v: Value): string {
  if (v === null) return 'undefined';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v !== 'object') return String(v);
  if (v.$ === 'H') return `H(${showValue(v.of)})`;
  return `{${v.fields.map(([k, x]) => `${k}: ${showValue(x)}`).join(', ')}}`;
}

/** JSON view (hash as `{"H": v}`); used by JSON traces and ITF export. */
export function valueToJSON(v: Value): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (v.$ === 'H') return { H: valueToJSON(v.of) };
  return Object.fromEntries(v.fields.map(([k, x]) => [k, valueToJSON(x)]));
}

/** Inverse of `valueToJSON` for plain JSON inputs (objects become records; `{H: x}` a hash). */
export function valueFromJSON(j: unknown): Value | undefined {
  if (j === null || typeof j === 'boolean' || typeof j === 'string') return j;
  if (typeof j === 'number') return Number.isFinite(j) ? j : undefined;
  if (typeof j !== 'object' || Array.isArray(j)) return undefined;
  const entries = Object.entries(j as Record<string, unknown>);
  if (entries.length === 1 && entries[0]![0] === 'H') {
    const inner = valueFromJSON(entries[0]![1]);
    return inner === undefined ? undefined : hashOf(inner);
  }
  const fields: Record<string, Value> = {};
  for (const [k, x] of entries) {
    const v = valueFromJSON(x);
    if (v === undefined) return undefined;
    fields[k] = v;
  }
  return record(fields);
}
