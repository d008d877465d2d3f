/** `afterlife list`: the models, semantics and properties a user can name. */
import type { Command } from 'commander';
import { unwrap } from '../../errors.ts';
import { buildModel } from '../../semantics/model.ts';
import { SEMANTICS, SEMANTICS_NAMES } from '../../semantics/semantics.ts';
import { EXIT } from '../exit-codes.ts';
import type { CliIO } from '../io.ts';
import { listModelNames, loadModel } from '../load-model.ts';

export function registerList(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command('list')
    .description('list the built-in models, the semantics and the properties')
    .action(async () => {
      io.out('Models (models/):\n');
      let propertyLines: string[] = [];
      for (const name of listModelNames()) {
        const loaded = await loadModel(name);
        if (!loaded.ok) {
          io.out(`  ${name.padEnd(32)} (fails to load: ${loaded.errors[0]!.code})\n`);
          continue;
        }
        const d = loaded.value.definition;
        io.out(`  ${name.padEnd(32)} ${d.title} [${d.semantics.join(', ')}]\n`);
        if (propertyLines.length === 0) {
          const m = unwrap(buildModel(d, { semantics: d.semantics[0], variant: 'repaired' }));
          propertyLines = m.properties.map((p) => `  ${p.name.padEnd(28)} ${p.kind.padEnd(12)} ${(p.claim ?? '').padEnd(14)} ${p.description}\n`);
        }
      }
      io.out('\nSemantics (--semantics; add --literal for the rules exactly as the paper writes them):\n');
      for (const s of SEMANTICS_NAMES) io.out(`  ${s.padEnd(10)} ${SEMANTICS[s].figure.padEnd(8)} ${SEMANTICS[s].summary}\n`);
      io.out('\nProperties (--property; models may add database invariants such as db-consistent):\n');
      for (const l of propertyLines) io.out(l);
      setExit(EXIT.ok);
    });
}
