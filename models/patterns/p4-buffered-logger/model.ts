/**
 * Pattern P4, a buffered logger that needs an explicit flush (pinojs/pino#488: on Lambda, buffered log
 * lines are written only after the environment thaws for the next request, or lost if it is killed
 * while frozen).
 *
 *   let buffer = '';                                  // the logger's module-level buffer
 *   export const handler = async (event) => {
 *     buffer += event.line;                           // logger.info(...)
 *     logSink.write({ lines: buffer, own: event.line })   // logger.flush(): not awaited
 *       .then(() => { buffer = ''; });
 *     return { statusCode: 200 };
 *   };
 *
 * The flush ships the buffer as one batch (a write of the last batch to the key `logSink`) and clears
 * the buffer once the sink acknowledged it. Under reuse the flush of request 1 is frozen at the
 * response: it is lost if the environment is scaled down (`no-lost-write`), and if request 2 arrives
 * first, request 1's line is still in the buffer and ships with request 2's batch — "only sent when the
 * next request arrives"; and request 1's late clear can wipe request 2's line before it is flushed.
 * `batch-matches-request` (a DbInvariant) states that every shipped batch holds exactly the lines of
 * the request that flushed it; it catches both. The decoupled fix is `p4-buffered-logger-decoupled`.
 */
import { add, defineProgram, field, g, input, lit, rec, returnValue, setGlobal, start, write, andThen } from '../../../src/semantics/builder.ts';
import { defineModel } from '../../../src/semantics/define-model.ts';
import type { DbInvariant } from '../../../src/semantics/properties.ts';
import { fieldOf, record, valueEquals } from '../../../src/semantics/values.ts';

/** `.then(() => { buffer = ''; })`: the buffer is cleared once the sink acknowledged the batch. */
const clearBufferOnAck = andThen({ do: [setGlobal('buffer', lit(''))] });

export const batchMatchesRequest: DbInvariant = {
  name: 'batch-matches-request',
  description: 'the last shipped log batch (if any) holds exactly the lines logged by the request that flushed it (none held over, none lost)',
  holds: (db) => {
    const batch = db('logSink');
    return batch === null || valueEquals(fieldOf(batch, 'lines'), fieldOf(batch, 'own'));
  },
};

export default defineModel({
  name: 'patterns/p4-buffered-logger',
  title: 'P4 buffered logger: an un-awaited flush of a module-level buffer',
  description: "Log lines are buffered in a global and flushed without awaiting; lines are lost, or shipped with the next request's batch.",
  source: 'pattern P4 (pinojs/pino#488)',
  program: defineProgram({
    name: 'patterns/p4-buffered-logger',
    globals: { buffer: '' },
    db: { logSink: null },
    chains: {
      FLUSH: [write('logSink', rec({ lines: g('buffer'), own: field(input, 'line') })), clearBufferOnAck],
    },
    main: [setGlobal('buffer', add(g('buffer'), field(input, 'line'))), start('FLUSH'), returnValue(rec({ statusCode: lit(200) }))],
  }),
  inputs: [record({ line: 'r1;' }), record({ line: 'r2;' })],
  invariants: [batchMatchesRequest],
  semantics: ['reuse', 'single', 'wait-all'],
});
