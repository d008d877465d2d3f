/**
 * A sequence diagram as Mermaid `sequenceDiagram` text that GitHub renders.
 *
 * Only long-supported syntax: `participant X as label`, `->>` (call), `-)` (asynchronous start),
 * `-->>` (reply), `Note over A,B: text`. Mermaid has no colours per message without `rect` blocks, so
 * warnings are marked with ⚠ in the text (the SVG drawing colours them red). Text is escaped with
 * Mermaid's entity codes (`#35;` for `#`, `#59;` for `;`, `#123;`/`#125;` for braces, `#lt;`/`#gt;`),
 * since `;` ends a statement, `#` starts an entity and braces confuse some renderers.
 */
import type { SequenceDiagram } from './sequence.ts';

const ENTITIES: Readonly<Record<string, string>> = { '#': '#35;', ';': '#59;', '{': '#123;', '}': '#125;', '<': '#lt;', '>': '#gt;', '\n': '<br/>', '\r': '' };

/** Escapes message, note or participant text in one pass (so entities are never escaped twice). */
export function mermaidText(text: string): string {
  return text.replace(/[#;{}<>\r\n]/g, (c) => ENTITIES[c]!);
}

const ARROW = { sync: '->>', async: '-)', reply: '-->>' } as const;

const marked = (text: string, warn: boolean) => (warn && !text.includes('⚠') ? `⚠ ${text}` : text);

export function toMermaid(d: SequenceDiagram): string {
  const lines = ['sequenceDiagram'];
  lines.push(`    %% ${d.title.replace(/[\r\n]/g, ' ')}`);
  for (const l of d.lanes) lines.push(`    participant ${l.id} as ${mermaidText(l.label)}`);
  for (const it of d.items) {
    if (it.kind === 'message') lines.push(`    ${it.from}${ARROW[it.arrow]}${it.to}: ${mermaidText(marked(it.text, it.warn))}`);
    else lines.push(`    Note over ${it.over.join(',')}: ${mermaidText(marked(it.text, it.warn))}`);
  }
  return `${lines.join('\n')}\n`;
}
