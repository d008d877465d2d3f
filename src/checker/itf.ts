/**
 * ITF — the Informal Trace Format of Apalache and Quint (`*.itf.json`), so our traces open in their
 * tools. A trace is `{"#meta", "vars", "states": [{"#meta": {"index": i}, var: value…}], "loop"?}`;
 * integers are `{"#bigint": "42"}`, lists are JSON arrays, records plain objects, and `#tup`, `#set`,
 * `#map` and `#unserializable` cover the rest. States come from `model.toJSON`; the label of the
 * action that produced state i is kept in that state's `#meta.action`.
 *
 * We write the parser/validator ourselves (no dependency): it returns every problem with a JSON path
 * as a value, and `itfToJSON` decodes back to `toJSON`'s shape so writing and reading round-trip for
 * JSON values whose numbers are integers (other numbers become `#unserializable`).
 */
import type { Model } from './model.ts';

export type ItfValue =
  | boolean
  | string
  | { readonly '#bigint': string }
  | { readonly '#tup': readonly ItfValue[] }
  | { readonly '#set': readonly ItfValue[] }
  | { readonly '#map': readonly (readonly [ItfValue, ItfValue])[] }
  | { readonly '#unserializable': string }
  | readonly ItfValue[]
  | { readonly [field: string]: ItfValue };

export interface ItfStateMeta {
  readonly index: number;
  readonly action?: string;
}

export interface ItfTrace {
  readonly '#meta': Readonly<Record<string, unknown>>;
  readonly vars: readonly string[];
  readonly states: readonly ({ readonly '#meta': ItfStateMeta } & { readonly [variable: string]: ItfValue | ItfStateMeta })[];
  readonly loop?: number;
}

export interface ItfError {
  readonly path: string;
  readonly message: string;
}

const TAGS = ['#bigint', '#tup', '#set', '#map', '#unserializable'] as const;

/**
 * ITF has no null: it is written as the variant Quint uses for an absent option,
 * `{"tag": "None", "value": {"#tup": []}}`, and read back as null.
 */
const ITF_NONE = { tag: 'None', value: { '#tup': [] } } as const;

const isItfNone = (record: Record<string, unknown>) =>
  record['tag'] === 'None' && Object.keys(record).length === 2 && isRecord(record['value']) && Array.isArray((record['value'] as Record<string, unknown>)['#tup']) && ((record['value'] as Record<string, unknown>)['#tup'] as unknown[]).length === 0;

/** Converts a `toJSON` value to ITF. */
export function toItfValue(value: unknown): ItfValue {
  if (value === null) return ITF_NONE as unknown as ItfValue;
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (typeof value === 'bigint') return { '#bigint': value.toString() };
  if (typeof value === 'number') return Number.isInteger(value) ? { '#bigint': BigInt(value).toString() } : { '#unserializable': String(value) };
  if (Array.isArray(value)) return value.map(toItfValue);
  if (value instanceof Set) return { '#set': [...value].map(toItfValue) };
  if (value instanceof Map) return { '#map': [...value].map(([k, v]) => [toItfValue(k), toItfValue(v)] as const) };
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([field, item]) => [field, toItfValue(item)]));
  }
  return { '#unserializable': String(value) };
}

/** An ITF trace of `states` (from a replay); `labels[i]` is the action leading to `states[i + 1]`. */
export function toItf<S>(model: Pick<Model<S, unknown>, 'toJSON' | 'name'>, states: readonly S[], labels: readonly string[] = [], meta: Record<string, unknown> = {}): ItfTrace {
  const views = states.map((state) => model.toJSON(state));
  const vars = [...new Set(views.flatMap((view) => Object.keys(view)))];
  return {
    '#meta': { format: 'ITF', 'format-description': 'https://apalache-mc.org/docs/adr/015adr-trace.html', source: model.name, ...meta },
    vars,
    states: views.map((view, index) => {
      const stateMeta: ItfStateMeta = index === 0 || labels[index - 1] === undefined ? { index } : { index, action: labels[index - 1]! };
      return { '#meta': stateMeta, ...Object.fromEntries(vars.map((name) => [name, toItfValue(view[name])])) };
    }),
  };
}

/** Validates an ITF document (a JSON string or an already parsed value). */
export function parseItf(input: string | unknown): { ok: true; trace: ItfTrace } | { ok: false; errors: readonly ItfError[] } {
  let document: unknown = input;
  if (typeof input === 'string') {
    try {
      document = JSON.parse(input);
    } catch (error) {
      return { ok: false, errors: [{ path: '$', message: `not JSON: ${(error as Error).message}` }] };
    }
  }
  const errors: ItfError[] = [];
  if (!isRecord(document)) return { ok: false, errors: [{ path: '$', message: 'an ITF trace is a JSON object' }] };
  const vars = document['vars'];
  const states = document['states'];
  if (!Array.isArray(vars) || !vars.every((name) => typeof name === 'string')) errors.push({ path: '$.vars', message: 'vars must be a list of variable names' });
  if (document['#meta'] !== undefined && !isRecord(document['#meta'])) errors.push({ path: '$.#meta', message: '#meta must be an object' });
  const loop = document['loop'];
  if (loop !== undefined && !(Number.isInteger(loop) && (loop as number) >= 0)) errors.push({ path: '$.loop', message: 'loop must be a state index' });
  if (!Array.isArray(states)) errors.push({ path: '$.states', message: 'states must be a list' });
  else {
    states.forEach((state: unknown, index) => {
      const path = `$.states[${index}]`;
      if (!isRecord(state)) return errors.push({ path, message: 'a state must be an object' });
      const meta = state['#meta'];
      if (meta !== undefined && (!isRecord(meta) || (meta['index'] !== undefined && meta['index'] !== index))) {
        errors.push({ path: `${path}.#meta`, message: `#meta.index must be ${index}` });
      }
      for (const name of Array.isArray(vars) ? (vars as string[]) : []) {
        if (!(name in state)) errors.push({ path, message: `missing variable '${name}'` });
      }
      for (const [name, value] of Object.entries(state)) {
        if (name === '#meta') continue;
        if (Array.isArray(vars) && !vars.includes(name)) errors.push({ path: `${path}.${name}`, message: `'${name}' is not declared in vars` });
        validateValue(value, `${path}.${name}`, errors);
      }
      return undefined;
    });
  }
  return errors.length === 0 ? { ok: true, trace: document as unknown as ItfTrace } : { ok: false, errors };
}

function validateValue(value: unknown, path: string, errors: ItfError[]): void {
  if (typeof value === 'boolean' || typeof value === 'string') return;
  if (Array.isArray(value)) return value.forEach((item, index) => validateValue(item, `${path}[${index}]`, errors));
  if (!isRecord(value)) return void errors.push({ path, message: `${typeof value === 'number' ? 'a bare number (use {"#bigint": "…"})' : String(value)} is not an ITF value` });
  const tag = TAGS.find((candidate) => candidate in value);
  if (tag === undefined) return Object.entries(value).forEach(([field, item]) => validateValue(item, `${path}.${field}`, errors));
  const content = value[tag];
  if (Object.keys(value).length !== 1) errors.push({ path, message: `${tag} must be the only key of its object` });
  if (tag === '#bigint' && !(typeof content === 'string' && /^-?\d+$/.test(content))) errors.push({ path, message: '#bigint must be a decimal string' });
  if (tag === '#unserializable' && typeof content !== 'string') errors.push({ path, message: '#unserializable must be a string' });
  if ((tag === '#tup' || tag === '#set') && !Array.isArray(content)) errors.push({ path, message: `${tag} must be a list` });
  if (tag === '#tup' || tag === '#set') (Array.isArray(content) ? content : []).forEach((item, index) => validateValue(item, `${path}.${tag}[${index}]`, errors));
  if (tag === '#map') {
    if (!Array.isArray(content) || !content.every((pair) => Array.isArray(pair) && pair.length === 2)) errors.push({ path, message: '#map must be a list of [key, value] pairs' });
    else content.forEach((pair: unknown[], index) => pair.forEach((item, side) => validateValue(item, `${path}.#map[${index}][${side}]`, errors)));
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Decodes an ITF value: `#bigint` → number when safe (else bigint), `#set` → Set, `#map` → Map. */
export function fromItfValue(value: ItfValue): unknown {
  if (typeof value === 'boolean' || typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(fromItfValue);
  const record = value as Record<string, unknown>;
  if ('#bigint' in record) {
    const big = BigInt(record['#bigint'] as string);
    return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
  }
  if ('#tup' in record) return (record['#tup'] as ItfValue[]).map(fromItfValue);
  if ('#set' in record) return new Set((record['#set'] as ItfValue[]).map(fromItfValue));
  if ('#map' in record) return new Map((record['#map'] as [ItfValue, ItfValue][]).map(([k, v]) => [fromItfValue(k), fromItfValue(v)]));
  if ('#unserializable' in record) return record['#unserializable'];
  if (isItfNone(record)) return null;
  return Object.fromEntries(Object.entries(record).map(([field, item]) => [field, fromItfValue(item as ItfValue)]));
}

/** The states of a validated trace as `toJSON`-shaped records, plus each state's action label. */
export function itfToJSON(trace: ItfTrace): { states: Record<string, unknown>[]; labels: (string | undefined)[] } {
  return {
    states: trace.states.map((state) => Object.fromEntries(trace.vars.map((name) => [name, fromItfValue(state[name] as ItfValue)]))),
    labels: trace.states.map((state) => state['#meta']?.action),
  };
}
