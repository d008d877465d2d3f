/**
 * DOT → SVG, offline, with Graphviz compiled to WebAssembly.
 *
 * Choice of library (all three are Graphviz compiled with Emscripten, all work offline):
 * - `@hpcc-js/wasm-graphviz` (chosen): ~0.8 MB single ESM file with the WASM inlined (no separate
 *   .wasm to locate at run time, so it works the same from `tsx`, a bundle or node_modules), current
 *   Graphviz (16.x), actively maintained (monthly releases of the hpcc-js/wasm monorepo), typed,
 *   and after one async `Graphviz.load()` every `layout()` call is synchronous and fast.
 * - `@viz-js/viz`: comparable size and also inlines its WASM, nice API (`instance().renderString`),
 *   but one maintainer and slower releases; would have been a fine second choice. Not installed.
 * - `graphviz-wasm`: an older Graphviz build, unmaintained for years. Rejected.
 * The module is imported lazily on the first render (commands that print text never pay for it) and
 * the instance is loaded once and shared.
 */
import type { Graphviz } from '@hpcc-js/wasm-graphviz';

let instance: Promise<Graphviz> | undefined;

function graphviz(): Promise<Graphviz> {
  instance ??= import('@hpcc-js/wasm-graphviz').then((m) => m.Graphviz.load());
  return instance;
}

export type Engine = 'dot' | 'neato' | 'fdp' | 'circo';

/** Lays out DOT text and returns a standalone SVG document (without the XML prolog and DOCTYPE). */
export async function renderSvg(dot: string, engine: Engine = 'dot'): Promise<string> {
  const gv = await graphviz();
  const svg = gv.layout(dot, 'svg', engine);
  return stripProlog(svg);
}

/** The `<svg …>…</svg>` element alone, ready to inline in HTML. */
export function stripProlog(svg: string): string {
  const at = svg.indexOf('<svg');
  return at < 0 ? svg : svg.slice(at);
}

/** The Graphviz version in use (for reports). */
export async function graphvizVersion(): Promise<string> {
  return (await graphviz()).version();
}
