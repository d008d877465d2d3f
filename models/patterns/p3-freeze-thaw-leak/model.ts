/**
 * Pattern P3, pending work resumes in a later invocation after freeze/thaw (aws/aws-lambda-base-images#153:
 * a branch left pending when the handler ended runs "before starting the handler" of the next
 * execution; the request id kept in a module-level variable is the shape of FormidableLabs/pino-lambda#32).
 *
 *   let requestId;                                   // module-level logging context
 *   export const handler = async (event) => {
 *     requestId = event.id;
 *     sleep().then(() => db.write('auditLog', { requestId, writtenBy: event.id }));  // not awaited
 *     return { ok: true };
 *   };
 *
 * The audit line is built when the write is issued, after the timer: `requestId` is read from the
 * global *then*, while `writtenBy` is the event captured by the closure (`input`, kept in the promise's
 * scope). Under reuse the timer of event 1 can fire inside event 2 after event 2 set `requestId`: the
 * line written on behalf of request 1 carries request 2's id. `log-attributed-to-writer` (a DbInvariant:
 * the stored line's `requestId` equals its `writtenBy`) states "every log line is attributed to the
 * request that wrote it".
 */
import { defineProgram, field, g, input, lit, rec, returnValue, setGlobal, start, timer, write } from '../../../src/semantics/builder.ts';
import { defineModel } from '../../../src/semantics/define-model.ts';
import type { DbInvariant } from '../../../src/semantics/properties.ts';
import { fieldOf, record, valueEquals } from '../../../src/semantics/values.ts';

export const logAttributedToWriter: DbInvariant = {
  name: 'log-attributed-to-writer',
  description: "the stored audit line (if any) carries the requestId of the request that wrote it (requestId = writtenBy)",
  holds: (db) => {
    const line = db('auditLog');
    return line === null || valueEquals(fieldOf(line, 'requestId'), fieldOf(line, 'writtenBy'));
  },
};

export default defineModel({
  name: 'patterns/p3-freeze-thaw-leak',
  title: 'P3 freeze/thaw leak: a frozen continuation logs under the next request id',
  description: "An un-awaited timer continuation of request 1 resumes inside request 2 and writes an audit line with request 2's id.",
  source: 'pattern P3 (aws/aws-lambda-base-images#153)',
  program: defineProgram({
    name: 'patterns/p3-freeze-thaw-leak',
    globals: { requestId: null },
    db: { auditLog: null },
    chains: {
      AUDIT: [timer(), write('auditLog', rec({ requestId: g('requestId'), writtenBy: field(input, 'id') }))],
    },
    main: [setGlobal('requestId', field(input, 'id')), start('AUDIT'), returnValue(rec({ ok: lit(true) }))],
  }),
  inputs: [record({ id: 'req-1' }), record({ id: 'req-2' })],
  invariants: [logAttributedToWriter],
  semantics: ['reuse', 'single', 'wait-all'],
});
