/**
 * Pattern P1, fire-and-forget (aws/aws-sdk-js#3253; same shape as firebase/firebase-admin-node#410).
 *
 * An S3-upload-triggered Lambda builds an SQS message from the event and calls `sqs.sendMessage(msg)`
 * without awaiting it (nor returning it), then returns `{statusCode: 200}`:
 *
 *   export const handler = async (event) => {
 *     const msg = { upload: event.key };
 *     sqs.sendMessage(msg).promise().catch(console.error);   // not awaited
 *     return { statusCode: 200 };
 *   };
 *
 * The message send is a database write to the key `queue` (the queue's last message) that may fail;
 * its `.catch` swallows the error. Nothing orders the send before the response, so under the
 * response-is-termination semantics the environment can be frozen with the send pending and then
 * scaled down (`no-lost-write` violated: the reported "0 to 5 of 5 messages arrive, no errors"), or the
 * frozen send resumes inside the next upload's invocation (`cross-event-interference`). The fixed
 * sibling is `p1-fire-and-forget-awaited`.
 */
import { catchError, defineProgram, field, input, lit, local, rec, returnValue, setLocal, start, write } from '../../../src/semantics/builder.ts';
import { defineModel } from '../../../src/semantics/define-model.ts';
import { record } from '../../../src/semantics/values.ts';

export default defineModel({
  name: 'patterns/p1-fire-and-forget',
  title: 'P1 fire-and-forget: an un-awaited SQS send, then respond',
  description: 'The handler starts sendMessage without awaiting it and returns; the send can be frozen and lost, or leak into the next upload.',
  source: 'pattern P1 (aws/aws-sdk-js#3253)',
  program: defineProgram({
    name: 'patterns/p1-fire-and-forget',
    locals: ['msg'],
    db: { queue: null },
    chains: {
      SEND: [write('queue', local('msg'), { mayFail: true }), catchError()],
    },
    main: [setLocal('msg', rec({ upload: field(input, 'key') })), start('SEND'), returnValue(rec({ statusCode: lit(200) }))],
  }),
  inputs: [record({ key: 'a.jpg' }), record({ key: 'b.jpg' })],
  semantics: ['reuse', 'single', 'wait-all'],
});
