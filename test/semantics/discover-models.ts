/**
 * Discovers the models under `models/` (every folder holding a `model.ts`) and imports them, so the
 * law and coverage tests follow the model collection without a hand-kept list. An import failure is
 * returned as a value, so the caller can report it as a failing test of that model.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ModelDefinition } from '../../src/semantics/define-model.ts';

const MODELS = fileURLToPath(new URL('../../models/', import.meta.url));

export interface DiscoveredModel {
  /** Folder under models/, e.g. `paper/running-example`. */
  readonly name: string;
  readonly def: ModelDefinition | undefined;
  readonly error: unknown;
}

function modelFolders(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const folder = join(dir, entry.name);
    if (existsSync(join(folder, 'model.ts'))) out.push(folder);
    else out.push(...modelFolders(folder));
  }
  return out.sort();
}

export async function discoverModels(): Promise<DiscoveredModel[]> {
  return Promise.all(
    modelFolders(MODELS).map(async (folder) => {
      const name = relative(MODELS, folder).split('\\').join('/');
      try {
        const mod = (await import(pathToFileURL(join(folder, 'model.ts')).href)) as { default: ModelDefinition };
        return { name, def: mod.default, error: undefined };
      } catch (error) {
        return { name, def: undefined, error };
      }
    }),
  );
}
