/**
 * The paper's running example (Fig. 1): module-level `val` and `hash`; main sets them from the event,
 * starts chain W (connect, then write {val, hash} built from the globals *when the write is issued*,
 * then catch) without awaiting it, and returns chain R (connect, read S, build {stored: S, hash}).
 * Nothing orders W before the response (Fig. 2). Events: inputs 42 then 112 (Tables 1–3).
 */
import {
  catchError, connect, defineProgram, field, g, H, input, read, rec, result, returnChain, setGlobal, start, andThen, write,
} from '../../../src/semantics/builder.ts';
import { dbConsistent, defineModel } from '../../../src/semantics/define-model.ts';
import { record } from '../../../src/semantics/values.ts';

export default defineModel({
  name: 'paper/running-example',
  title: "The paper's running example (Fig. 1)",
  description: 'An un-awaited database write (chain W) races the returned read (chain R); the response ends the event.',
  source: 'paper Fig. 1, Tables 1–3',
  program: defineProgram({
    name: 'paper/running-example',
    globals: { val: null, hash: null },
    db: { record: null },
    chains: {
      W: [connect(), write('record', rec({ val: g('val'), hash: g('hash') })), catchError()],
      R: [connect(), read('record'), andThen({ value: rec({ stored: result, hash: g('hash') }) })],
    },
    main: [setGlobal('val', field(input, 'val')), setGlobal('hash', H(g('val'))), start('W'), start('R'), returnChain('R')],
  }),
  inputs: [record({ val: 42 }), record({ val: 112 })],
  invariants: [dbConsistent('record')],
  semantics: ['reuse', 'single', 'wait-all'],
});
