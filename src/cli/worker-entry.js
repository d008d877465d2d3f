// Worker bootstrap: a worker thread does not inherit the main thread's tsx loader; register it, then
// load the TypeScript worker body.
import { register } from 'tsx/esm/api';

register();
await import('./check-worker.ts');
