/**
 * Progress on long runs, on stderr (TLC/Stateright style): a line every `progressEvery` generated
 * states with generated, distinct, frontier, depth and rate; on a TTY one line redrawn in place.
 * Silent with --quiet or --json. Timing goes to stderr only, so stdout stays byte-identical across runs.
 */
import type { Progress } from '../checker/index.ts';
import type { CliIO } from './io.ts';

export function progressPrinter(io: CliIO, enabled: boolean, maxStates?: number): { onProgress?: (p: Progress) => void; done(): void } {
  if (!enabled) return { done() {} };
  let drew = false;
  return {
    onProgress: (p) => {
      const line = p.totalRuns !== undefined ? randomLine(p, io.isTTY) : `progress: ${n(p.generated)} generated, ${n(p.distinct)} distinct, frontier ${n(p.frontier)}, depth ${p.depth}, ${n(Math.round(p.statesPerSecond))} states/s${bounded(p, maxStates, io.isTTY)}`;
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

const n = (x: number) => x.toLocaleString('en-US');

/** `[########------------]` of `fraction`, for TTYs only (a log file gets the numbers). */
function bar(fraction: number, width = 20): string {
  const full = Math.max(0, Math.min(width, Math.round(fraction * width)));
  return `[${'#'.repeat(full)}${'-'.repeat(width - full)}]`;
}

function eta(elapsedMs: number, fraction: number): string {
  if (fraction <= 0) return '';
  const s = Math.max(0, Math.round((elapsedMs * (1 - fraction)) / fraction / 1000));
  return `, ETA ${s}s`;
}

function randomLine(p: Progress, tty: boolean): string {
  const f = p.runs! / Math.max(1, p.totalRuns!);
  return `random: ${tty ? `${bar(f)} ` : ''}${n(p.runs!)}/${n(p.totalRuns!)} runs, ${n(p.generated)} steps, depth ${p.depth}, ${n(Math.round(p.statesPerSecond))} steps/s${eta(p.elapsedMs, f)}`;
}

/** With --max-states the total is known: show how far toward it the run is. */
function bounded(p: Progress, maxStates: number | undefined, tty: boolean): string {
  if (maxStates === undefined || !Number.isFinite(maxStates)) return '';
  const f = p.distinct / maxStates;
  return `, ${tty ? `${bar(f)} ` : ''}${Math.floor(f * 100)}% of --max-states${eta(p.elapsedMs, f)}`;
}
