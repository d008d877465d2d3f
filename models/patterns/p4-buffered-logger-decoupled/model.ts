/**
 * Pattern P4 ported to the decoupled semantics (pinojs/pino#488; paper Fig. 8's recipe): the flush is
 * still not awaited before the response, but `Promise.allSettled([flush]).finally(() => end())` ends
 * the event only once the flush settled.
 *
 *   export const handler = async (event) => {
 *     buffer += event.line;
 *     const flush = logSink.write({ lines: buffer, own: event.line }).then(() => { buffer = ''; });
 *     Promise.allSettled([flush]).finally(() => end());
 *     return { statusCode: 200 };
 *   };
 *
 * Fig. 7's Start Event needs Pr = ∅ and End Event needs end() with Pr = ∅, so the flush of request 1
 * (and its clear) completes before request 2 can start: no line is lost or held over
 * (`no-lost-write`, `batch-matches-request` hold), while the response is not delayed by the flush.
 */
import { add, allSettled, andFinally, defineProgram, end, field, g, input, lit, rec, returnValue, setGlobal, start, write, andThen } from '../../../src/semantics/builder.ts';
import { defineModel } from '../../../src/semantics/define-model.ts';
import { record } from '../../../src/semantics/values.ts';
import { batchMatchesRequest } from '../p4-buffered-logger/model.ts';

/** `.then(() => { buffer = ''; })`: the buffer is cleared once the sink acknowledged the batch. */
const clearBufferOnAck = andThen({ do: [setGlobal('buffer', lit(''))] });

export default defineModel({
  name: 'patterns/p4-buffered-logger-decoupled',
  title: 'P4 fixed for the decoupled semantics: allSettled([flush]).finally(end)',
  description: 'The buffered logger whose event ends (end()) only after the flush settled; the response is still sent early.',
  source: 'pattern P4, decoupled port (pinojs/pino#488; paper Fig. 8)',
  program: defineProgram({
    name: 'patterns/p4-buffered-logger-decoupled',
    globals: { buffer: '' },
    db: { logSink: null },
    chains: {
      FLUSH: [write('logSink', rec({ lines: g('buffer'), own: field(input, 'line') })), clearBufferOnAck],
      DONE: [allSettled('FLUSH'), andFinally(end())],
    },
    main: [setGlobal('buffer', add(g('buffer'), field(input, 'line'))), start('FLUSH'), start('DONE'), returnValue(rec({ statusCode: lit(200) }))],
  }),
  inputs: [record({ line: 'r1;' }), record({ line: 'r2;' })],
  invariants: [batchMatchesRequest],
  semantics: ['decoupled'],
});
