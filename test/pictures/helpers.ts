/** Shared by the picture tests: load a fixture trace, and run the CLI in-process with captured output. */
import { join } from 'node:path';
import { loadTraceFile, type LoadedTrace } from '../../src/cli/trace-file.ts';
import { main } from '../../src/cli/main.ts';
import type { CliIO } from '../../src/cli/io.ts';

/** The golden traces (traces/), the same files CI replays. */
export const TRACES = join(import.meta.dirname, '..', '..', 'traces');
export const TABLE3 = join(TRACES, 'table3-reuse-db-consistent.json');
export const TABLE1 = join(TRACES, 'table1-single-no-lost-write.json');

export async function loadFixture(file: string): Promise<LoadedTrace> {
  const r = await loadTraceFile(file);
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.code} ${e.message}`).join('\n'));
  return r.value;
}

export async function runCli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => void (out += t), err: (t) => void (err += t), isTTY: false, signal: new AbortController().signal };
  const code = await main(argv, io);
  return { code, out, err };
}
