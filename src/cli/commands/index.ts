/** Registers every subcommand. Each lives in its own file and sets the exit code it decides. */
import type { Command } from 'commander';
import type { CliIO } from '../io.ts';
import { registerList } from './list.ts';

export function registerCommands(program: Command, io: CliIO, setExit: (code: number) => void): void {
  registerList(program, io, setExit);
}
