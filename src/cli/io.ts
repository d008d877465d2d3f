/**
 * Where the CLI writes: injectable so end-to-end tests run the CLI in-process and capture output.
 * `UsageError` carries coded user errors out of commander actions; `main.ts` prints them and exits 2.
 */
import { formatUserError, type UserError } from '../errors.ts';

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  readonly isTTY: boolean;
  /** Aborted on Ctrl-C so long runs stop cleanly and report coverage. */
  readonly signal: AbortSignal;
  /** Long runs go to a worker so Ctrl-C (which aborts `signal`) can stop them (see interruptible.ts). */
  readonly interruptible?: boolean;
}

export class CliFailure extends Error {
  constructor(readonly errors: readonly UserError[]) {
    super(errors.map(formatUserError).join('\n'));
  }
}

export const processIO = (signal: AbortSignal): CliIO => ({
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
  isTTY: Boolean(process.stderr.isTTY),
  signal,
  interruptible: true,
});
