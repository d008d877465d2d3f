/** Runs the CLI in-process with captured output (no subprocess, no tsx startup per call). */
import { main } from '../../src/cli/main.ts';

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export async function runCli(...argv: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t), isTTY: false, signal: new AbortController().signal });
  return { code, out, err };
}
