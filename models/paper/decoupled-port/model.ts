/**
 * The running example ported to the decoupled semantics (paper Fig. 8): both chains are kept,
 * `Promise.allSettled([w, r]).finally(() => end())` ends the event once both settled, and `return r`
 * responds as soon as the read is done — the write can no longer be cut off.
 */
import {
  allSettled, andFinally, catchError, connect, defineProgram, end, field, g, H, input, read, rec, result, returnChain, setGlobal, start, andThen, write,
} from '../../../src/semantics/builder.ts';
import { dbConsistent, defineModel } from '../../../src/semantics/define-model.ts';
import { record } from '../../../src/semantics/values.ts';

export default defineModel({
  name: 'paper/decoupled-port',
  title: 'The running example ported to the decoupled semantics (Fig. 8)',
  description: 'Respond with R, then end() once W and R have settled.',
  source: 'paper Fig. 8',
  program: defineProgram({
    name: 'paper/decoupled-port',
    globals: { val: null, hash: null },
    db: { record: null },
    chains: {
      W: [connect(), write('record', rec({ val: g('val'), hash: g('hash') })), catchError()],
      R: [connect(), read('record'), andThen({ value: rec({ stored: result, hash: g('hash') }) })],
      ALL: [allSettled('W', 'R'), andFinally(end())],
    },
    main: [setGlobal('val', field(input, 'val')), setGlobal('hash', H(g('val'))), start('W'), start('R'), start('ALL'), returnChain('R')],
  }),
  inputs: [record({ val: 42 }), record({ val: 112 })],
  invariants: [dbConsistent('record')],
  semantics: ['decoupled'],
});
