/**
 * Pattern P1, fixed (aws/aws-sdk-js#3253): the maintainers' answer — await the send before returning.
 *
 *   export const handler = async (event) => {
 *     const msg = { upload: event.key };
 *     await sqs.sendMessage(msg).promise().catch(console.error);
 *     return { statusCode: 200 };
 *   };
 *
 * Identical to `p1-fire-and-forget` except for `awaitChain('SEND')` before the return: the response is
 * only produced once the send has settled, so even under function reuse (Fig. 5) with scale-down no
 * write is ever pending when the environment is frozen or destroyed (`no-lost-write` holds) and no
 * promise crosses into the next event.
 */
import { awaitChain, catchError, defineProgram, field, input, lit, local, rec, returnValue, setLocal, start, write } from '../../../src/semantics/builder.ts';
import { defineModel } from '../../../src/semantics/define-model.ts';
import { record } from '../../../src/semantics/values.ts';

export default defineModel({
  name: 'patterns/p1-fire-and-forget-awaited',
  title: 'P1 fixed: the SQS send is awaited before returning',
  description: 'The fire-and-forget handler with `await` on the send: the response waits for it, nothing is left pending.',
  source: 'pattern P1, fixed (aws/aws-sdk-js#3253)',
  program: defineProgram({
    name: 'patterns/p1-fire-and-forget-awaited',
    locals: ['msg'],
    db: { queue: null },
    chains: {
      SEND: [write('queue', local('msg'), { mayFail: true }), catchError()],
    },
    main: [setLocal('msg', rec({ upload: field(input, 'key') })), start('SEND'), awaitChain('SEND'), returnValue(rec({ statusCode: lit(200) }))],
  }),
  inputs: [record({ key: 'a.jpg' }), record({ key: 'b.jpg' })],
  semantics: ['reuse', 'single', 'wait-all'],
});
