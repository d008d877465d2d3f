/**
 * `afterlife claims [model]`: the paper's claims decided by exhaustive exploration — for each model,
 * each semantics in its manifest (or that it is written for) × literal/repaired, the verdict of every
 * property — compared with the verdicts the model's manifest expects. A cell that differs from the
 * manifest is marked `≠`. Exit 0 when every verdict and state count matches, 1 when any differs
 * (CI runs this), 2 on bad input.
 */
import type { Command } from 'commander';
import { computeClaims, verdictCell, type ClaimsTable } from '../../pictures/claims.ts';
import { alignColumns } from '../../pictures/table.ts';
import type { ModelDefinition } from '../../semantics/define-model.ts';
import { readManifest, type Manifest } from '../../semantics/manifest.ts';
import { isSemanticsName, type SemanticsName } from '../../semantics/semantics.ts';
import { EXIT } from '../exit-codes.ts';
import { CliFailure, type CliIO } from '../io.ts';
import { listModelNames, loadModel } from '../load-model.ts';

export interface ClaimsComparison {
  readonly table: ClaimsTable;
  readonly mismatches: readonly string[];
}

export function compareClaims(def: ModelDefinition, manifest: Manifest | null): ClaimsComparison {
  const fromManifest = manifest ? (Object.keys(manifest.expect).filter(isSemanticsName) as SemanticsName[]) : [];
  const semantics = fromManifest.length > 0 ? (fromManifest as [SemanticsName, ...SemanticsName[]]) : def.semantics;
  const table = computeClaims({ ...def, semantics }, { maxStates: manifest?.bounds?.maxStates ?? 200_000 });
  const mismatches: string[] = [];
  for (const col of table.columns) {
    const exp = manifest?.expect[col.semantics]?.[col.variant];
    if (!exp) continue;
    if (exp.distinctStates !== undefined && exp.distinctStates !== col.distinct) mismatches.push(`${col.semantics}/${col.variant}: ${col.distinct} distinct states, manifest expects ${exp.distinctStates}`);
    for (const v of col.verdicts) {
      const want = exp.verdicts[v.property];
      if (want !== undefined && want !== v.status) mismatches.push(`${col.semantics}/${col.variant}: ${v.property} is ${v.status}, manifest expects ${want}`);
    }
  }
  return { table, mismatches };
}

export function renderClaims(name: string, cmp: ClaimsComparison, manifest: Manifest | null): string {
  const { table } = cmp;
  const header = ['property', 'claim', ...table.columns.map((c) => `${c.semantics}/${c.variant === 'literal' ? 'lit' : 'rep'}`)];
  const rows = table.properties.map((p) => [
    p.name,
    p.claim ?? '',
    ...table.columns.map((c) => {
      const v = c.verdicts.find((x) => x.property === p.name);
      const want = manifest?.expect[c.semantics]?.[c.variant]?.verdicts[p.name];
      return `${verdictCell(v)}${want !== undefined && v !== undefined && want !== v.status ? ` ≠${want}` : ''}`;
    }),
  ]);
  rows.push(['(distinct states)', '', ...table.columns.map((c) => `${c.distinct}${c.exhausted ? '' : ' (bounded)'}`)]);
  return `${name}\n${alignColumns([header, ...rows])}`;
}

export function registerClaims(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command('claims')
    .description("decide the paper's claims for a model (or every model) under each semantics, literal and repaired, and compare with its manifest")
    .argument('[model]', 'a model folder or module, or a name under models/ (default: every model)')
    .addHelpText('after', "\nCells: holds / violated (n) / witnessed (n) / no-witness, n = length of the shortest trace; '≠x' marks a difference from the manifest.\nExit codes: 0 all verdicts as the manifests expect, 1 some differ, 2 bad input.")
    .action(async (modelArg: string | undefined) => {
      const names = modelArg === undefined ? listModelNames() : [modelArg];
      let mismatches = 0;
      for (const name of names) {
        const loaded = await loadModel(name);
        if (!loaded.ok) throw new CliFailure(loaded.errors);
        let manifest: Manifest | null = null;
        if (loaded.value.manifestFile) {
          const m = readManifest(loaded.value.manifestFile);
          if (!m.ok) throw new CliFailure(m.errors);
          manifest = m.value;
        }
        const cmp = compareClaims(loaded.value.definition, manifest);
        io.out(`${renderClaims(loaded.value.definition.name, cmp, manifest)}\n`);
        if (!manifest) io.out('  (no manifest: nothing to compare against)\n\n');
        for (const m of cmp.mismatches) io.out(`  ≠ ${m}\n`);
        if (cmp.mismatches.length) io.out('\n');
        mismatches += cmp.mismatches.length;
      }
      io.out(mismatches === 0 ? `All verdicts match the manifests (${names.length} model${names.length === 1 ? '' : 's'}).\n` : `${mismatches} verdict(s) differ from the manifests.\n`);
      setExit(mismatches === 0 ? EXIT.ok : 1);
    });
}
