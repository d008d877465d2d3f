/**
 * The `afterlife` command line: a commander program whose subcommands live in `commands/`.
 *
 * Every subcommand returns an exit code (results are values); user errors (bad flag, missing model,
 * malformed trace) surface as `CliFailure` with coded messages and exit 2; anything else is an
 * internal error, exit 255, reported without a stack trace unless AFTERLIFE_DEBUG is set.
 */
import { Command, CommanderError } from 'commander';
import { formatUserError } from '../errors.ts';
import { registerCommands } from './commands/index.ts';
import { EXIT } from './exit-codes.ts';
import { CliFailure, processIO, type CliIO } from './io.ts';

export async function main(argv: readonly string[], ioOverride?: CliIO): Promise<number> {
  const controller = new AbortController();
  const onSigint = () => controller.abort();
  // First Ctrl-C: stop cleanly and report what was covered; a second one kills (default handler).
  if (!ioOverride) process.once('SIGINT', onSigint);
  const io = ioOverride ?? processIO(controller.signal);
  let code: number = EXIT.ok;
  const program = new Command('afterlife')
    .description('Executable semantics and bounded model checker for serverless function termination')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) })
    .showSuggestionAfterError(true);
  registerCommands(program, io, (c) => (code = c));
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CliFailure) {
      io.err(e.errors.map(formatUserError).join('\n') + '\n');
      return EXIT.badInput;
    }
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.help' || e.code === 'commander.version') return EXIT.ok;
      // commander already printed its message; add our code and a hint
      io.err(`Error [AFL200] bad usage (${e.code.replace('commander.', '')}); hint: run 'afterlife --help' or 'afterlife <command> --help'\n`);
      return EXIT.badInput;
    }
    io.err(`afterlife: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    if (process.env.AFTERLIFE_DEBUG && e instanceof Error) io.err(`${e.stack}\n`);
    else io.err('  (this is a bug in afterlife; rerun with AFTERLIFE_DEBUG=1 for a stack trace)\n');
    return EXIT.internalError;
  } finally {
    if (!ioOverride) process.removeListener('SIGINT', onSigint);
  }
}
