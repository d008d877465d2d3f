/** Registers every subcommand. Each lives in its own file and sets the exit code it decides. */
import type { Command } from 'commander';
import type { CliIO } from '../io.ts';
import { registerCheck } from './check.ts';
import { registerClaims } from './claims.ts';
import { registerList } from './list.ts';
import { registerReplay } from './replay.ts';
import { registerTraces } from './traces.ts';
import { registerGraph } from './graph.ts';
import { registerShow } from './show.ts';
import { registerPromises } from './promises.ts';
import { registerReport } from './report.ts';

export function registerCommands(program: Command, io: CliIO, setExit: (code: number) => void): void {
  registerCheck(program, io, setExit);
  registerTraces(program, io, setExit);
  registerReplay(program, io, setExit);
  registerClaims(program, io, setExit);
  registerList(program, io, setExit);
  registerGraph(program, io, setExit);
  registerShow(program, io, setExit);
  registerPromises(program, io, setExit);
  registerReport(program, io, setExit);
}
