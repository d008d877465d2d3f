/**
 * Canonical encoding of a serverless state into the checker's `EncodeSink` (state identity).
 *
 * Fixed field order, arrays length-prefixed, values tagged; records are already field-sorted, and
 * Pr is kept sorted by the reducers, so equal states encode identically and different ones
 * differently. Hot path: no allocation.
 */
import type { EncodeSink } from '../checker/model.ts';
import type { State } from './state.ts';
import type { Value } from './values.ts';

const T_UNSET = 0, T_NULL = 1, T_FALSE = 2, T_TRUE = 3, T_INT = 4, T_NUM = 5, T_STR = 6, T_HASH = 7, T_REC = 8;

export function encodeValue(v: Value | undefined, sink: EncodeSink): void {
  if (v === undefined) return sink.int(T_UNSET);
  if (v === null) return sink.int(T_NULL);
  switch (typeof v) {
    case 'boolean':
      return sink.int(v ? T_TRUE : T_FALSE);
    case 'number':
      if (Number.isInteger(v) && Math.abs(v) < 2 ** 31) {
        sink.int(T_INT);
        return sink.int(v);
      }
      sink.int(T_NUM);
      return sink.str(String(v));
    case 'string':
      sink.int(T_STR);
      return sink.str(v);
  }
  if (v.$ === 'H') {
    sink.int(T_HASH);
    return encodeValue(v.of, sink);
  }
  sink.int(T_REC);
  sink.int(v.fields.length);
  for (const [k, x] of v.fields) {
    sink.str(k);
    encodeValue(x, sink);
  }
}

function encodeValues(vs: readonly (Value | undefined)[], sink: EncodeSink): void {
  sink.int(vs.length);
  for (const v of vs) encodeValue(v, sink);
}

export function encodeState(s: State, sink: EncodeSink): void {
  sink.int(s.env === 'f' ? -1 : s.env === 'd' ? -2 : s.env);
  sink.int(s.nextInput);
  encodeValues(s.globals, sink);
  encodeValues(s.db, sink);
  const f = s.frame;
  if (f === null) sink.int(-1);
  else {
    sink.int(f.event);
    sink.int(f.pc);
    sink.int(f.responded);
    sink.int(f.endCalled ? 1 : 0);
    sink.int(f.returnChain);
    encodeValue(f.response, sink);
    encodeValues(f.scope, sink);
    sink.int(f.settled.length);
    for (const st of f.settled) {
      if (st === undefined) sink.int(0);
      else if (!st.ok) sink.int(1);
      else {
        sink.int(2);
        encodeValue(st.value, sink);
      }
    }
  }
  sink.int(s.pending.length);
  for (const p of s.pending) {
    sink.int(p.event);
    sink.int(p.chain);
    sink.int(p.at);
    encodeValue(p.payload, sink);
    if (p.scope === null) sink.int(-1);
    else encodeValues(p.scope, sink);
  }
  sink.int(s.log.length);
  for (const e of s.log) {
    sink.int(e.ended ? 1 : 0);
    encodeValues(e.responses, sink);
    // input is determined by the event's index in the scenario: no need to encode it
  }
}
