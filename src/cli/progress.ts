/**
 * Progress on long runs, on stderr (TLC/Stateright style): a line every `progressEvery` generated
 * states with generated, distinct, frontier, depth and rate; on a TTY one line redrawn in place.
 * Silent with --quiet or --json. Timing goes to stderr only, so stdout stays byte-identical across runs.
 */
import type { Progress } from '../checker/index.ts';
import type { CliIO } from './io.ts';

export function progressPrinter(io: CliIO, enabled: boolean): { onProgress?: (p: Progress) => void; done(): void } {
  if (!enabled) return { done() {} };
  let drew = false;
  return {
    onProgress: (p) => {
      const line = `progress: ${p.generated.toLocaleString('en-US')} generated, ${p.distinct.toLocaleString('en-US')} distinct, frontier ${p.frontier.toLocaleString('en-US')}, depth ${p.depth}, ${Math.round(p.statesPerSecond).toLocaleString('en-US')} states/s`;
      if (io.isTTY) {
        io.err(`\r${line}\x1b[K`);
        drew = true;
      } else io.err(`${line}\n`);
    },
    done() {
      if (drew) io.err('\n');
    },
  };
}
