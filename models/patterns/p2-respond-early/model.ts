/**
 * Pattern P2, respond early on purpose (cloudflare/workerd#3557: work after the response that is not
 * registered with `waitUntil` is cancelled when the event ends; the same shape as an Express handler on
 * Cloud Functions / Cloud Run that calls `res.send()` first).
 *
 *   app.post('/thumbnail', async (req, res) => {
 *     res.status(202).send({ accepted: req.body.id });        // respond first, on purpose
 *     await sleep().then(() => db.write('thumbnail', { of: req.body.id }))   // PROCESS
 *              .catch(console.error);
 *     processed += 1;                                          // main goes on after the await
 *   });
 *
 * `respond` sets M(response) while main goes on: under Figs. 4–6 that *is* the end of the event, so the
 * background chain (a timer standing for the image work, then the thumbnail write) is frozen or cut off
 * (`no-lost-write` violated under single and reuse) — "sometimes runs, sometimes is cut off"; main's own
 * continuation after `await` (`processed += 1`) is cut off with it. Under wait-all the event ends only
 * once nothing is pending *and main has returned* (an unfinished async handler is itself pending), so
 * the work and the rest of main always complete: wait-all fixes P2 at the cost of holding the event.
 */
import { awaitChain, add, catchError, defineProgram, field, g, input, lit, rec, respond, setGlobal, start, timer, write } from '../../../src/semantics/builder.ts';
import { defineModel } from '../../../src/semantics/define-model.ts';
import { record } from '../../../src/semantics/values.ts';

export default defineModel({
  name: 'patterns/p2-respond-early',
  title: 'P2 respond early: res.send() first, background work after',
  description: 'The handler responds 202 Accepted, then processes in a promise chain and in main; the work may be cut off or leak into the next request.',
  source: 'pattern P2 (cloudflare/workerd#3557)',
  program: defineProgram({
    name: 'patterns/p2-respond-early',
    globals: { processed: 0 },
    db: { thumbnail: null },
    chains: {
      PROCESS: [timer(), write('thumbnail', rec({ of: field(input, 'id') })), catchError()],
    },
    main: [respond(rec({ accepted: field(input, 'id') })), start('PROCESS'), awaitChain('PROCESS'), setGlobal('processed', add(g('processed'), lit(1)))],
  }),
  inputs: [record({ id: 'img-1' }), record({ id: 'img-2' })],
  semantics: ['reuse', 'single', 'wait-all'],
});
