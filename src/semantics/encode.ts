/**
 * Canonical encoding of a serverless state into the checker's `EncodeSink` (state identity).
 *
 * Fixed field order, arrays length-prefixed, values tagged; records are already field-sorted, and
 * Pr is kept sorted by the reducers, so equal states encode identically and different ones
 * differently. Hot path: no allocation. In fingerprint mode a record is written as its content digest
 * (computed once when the record was built, see value-digest.ts); exact sinks get the full structure.
 */
import type { EncodeSink } from '../checker/model.ts';
import type { State } from './state.ts';
import type { Value } from './values.ts';

const T_UNSET = 0, T_NULL = 1, T_FALSE = 2, T_TRUE = 3, T_INT = 4, T_NUM = 5, T_STR = 6, T_HASH = 7, T_REC = 8, T_REC_DIGEST = 9;

export function encodeValue(v: Value | undefined, sink: EncodeSink): void {
  // Hot path (every value of every generated state): objects first, index loops, no destructuring.
  if (typeof v === 'object') {
    if (v === null) return sink.int(T_NULL);
    if (v.$ === 'H') {
      sink.int(T_HASH);
      return encodeValue(v.of, sink);
    }
    if (sink.exact !== true) {
      // fingerprint mode: the record's content digest, computed once when it was built (value-digest.ts)
      sink.int(T_REC_DIGEST);
      sink.int(v.da);
      return sink.int(v.db);
    }
    const fields = v.fields;
    const n = fields.length;
    sink.int(T_REC);
    sink.int(n);
    for (let i = 0; i < n; i++) {
      const field = fields[i]!;
      sink.str(field[0]);
      encodeValue(field[1], sink);
    }
    return;
  }
  if (v === undefined) return sink.int(T_UNSET);
  if (typeof v === 'number') {
    // An int32 other than -2^31 (i.e. |v| < 2^31), as `Number.isInteger(v) && Math.abs(v) < 2 ** 31`.
    if ((v | 0) === v && v !== -2147483648) {
      sink.int(T_INT);
      return sink.int(v);
    }
    sink.int(T_NUM);
    return sink.str(String(v));
  }
  if (typeof v === 'string') {
    sink.int(T_STR);
    return sink.str(v);
  }
  return sink.int(v ? T_TRUE : T_FALSE);
}

function encodeValues(vs: readonly (Value | undefined)[], sink: EncodeSink): void {
  const n = vs.length;
  sink.int(n);
  for (let i = 0; i < n; i++) encodeValue(vs[i], sink);
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
    const settled = f.settled;
    sink.int(settled.length);
    for (let i = 0; i < settled.length; i++) {
      const st = settled[i];
      if (st === undefined) sink.int(0);
      else if (!st.ok) sink.int(1);
      else {
        sink.int(2);
        encodeValue(st.value, sink);
      }
    }
  }
  const pending = s.pending;
  sink.int(pending.length);
  for (let i = 0; i < pending.length; i++) {
    const p = pending[i]!;
    sink.int(p.event);
    sink.int(p.chain);
    sink.int(p.at);
    encodeValue(p.payload, sink);
    if (p.scope === null) sink.int(-1);
    else encodeValues(p.scope, sink);
  }
  const log = s.log;
  sink.int(log.length);
  for (let i = 0; i < log.length; i++) {
    const e = log[i]!;
    sink.int(e.ended ? 1 : 0);
    encodeValues(e.responses, sink);
    // input is determined by the event's index in the scenario: no need to encode it
  }
}
