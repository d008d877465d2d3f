/**
 * A minimal XML well-formedness check for the SVG the pictures emit (no DOM in Node, no new deps):
 * tags balance and nest, attributes are quoted, entities are known or numeric, and there is exactly
 * one root element. Enough to catch broken escaping in labels, which is what can go wrong here.
 */
export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  let roots = 0;
  const body = xml.replace(/<\?xml[\s\S]*?\?>/g, '').replace(/<!DOCTYPE[\s\S]*?>/g, '').replace(/<!--[\s\S]*?-->/g, '').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '');
  const tag = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/g;
  let last = 0;
  let m: RegExpExecArray | null;
  const checkText = (text: string) => {
    if (text.includes('<')) problems.push(`stray '<' in text near: ${text.slice(text.indexOf('<'), text.indexOf('<') + 40)}`);
    for (const e of text.matchAll(/&([^;\s]*);?/g)) if (!/^(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+)$/.test(e[1]!) || !e[0].endsWith(';')) problems.push(`bad entity '${e[0]}'`);
  };
  while ((m = tag.exec(body)) !== null) {
    checkText(body.slice(last, m.index));
    last = tag.lastIndex;
    const [, close, name, attrs, selfClose] = m;
    checkText((attrs ?? '').replace(/=\s*"([^"]*)"/g, ' $1 ').replace(/<|>/g, ''));
    if (close) {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? 'nothing'}>`);
    } else if (!selfClose) {
      if (stack.length === 0) roots++;
      stack.push(name!);
    } else if (stack.length === 0) roots++;
  }
  checkText(body.slice(last));
  if (stack.length > 0) problems.push(`unclosed: ${stack.join(' > ')}`);
  if (roots !== 1) problems.push(`expected one root element, found ${roots}`);
  return problems;
}
