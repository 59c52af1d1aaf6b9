/**
 * A strict well-formedness check of XML 1.0 for the subset thap writes (an XML declaration, elements,
 * attributes, text, character and entity references; no DTD, comments, CDATA or processing instructions),
 * for tests: node_modules holds no XML parser. Returns the first problem, or `undefined` when well-formed.
 */
export function wellFormedXmlProblem(xml: string): string | undefined {
  // XML 1.0 §2.2 Char, checked per code point (a lone surrogate is its own code point here).
  for (const char of xml) {
    const code = char.codePointAt(0)!;
    const allowed = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || code >= 0x10000;
    if (!allowed) return `character U+${code.toString(16).toUpperCase().padStart(4, '0')} is not allowed in XML 1.0`;
  }
  const name = '[A-Za-z_:][-A-Za-z0-9_:.]*';
  const reference = '&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9A-Fa-f]+);';
  const attribute = `\\s+(${name})\\s*=\\s*(?:"(?:[^<&"]|${reference})*"|'(?:[^<&']|${reference})*')`;
  const attributes = `(?:\\s+${name}\\s*=\\s*(?:"(?:[^<&"]|${reference})*"|'(?:[^<&']|${reference})*'))*`;
  const text = new RegExp(`^(?:[^<&]|${reference})*$`);
  const rest = xml.replace(/^<\?xml version="1\.0"(?: encoding="UTF-8")?\?>/, '');
  const stack: string[] = [];
  let roots = 0;
  let at = 0;
  while (at < rest.length) {
    const open = rest.indexOf('<', at);
    const segment = rest.slice(at, open < 0 ? rest.length : open);
    if (!text.test(segment)) return `bad text or reference near ${JSON.stringify(segment.slice(0, 40))}`;
    if (segment.includes(']]>')) return "text holds ']]>'";
    if (stack.length === 0 && segment.trim() !== '') return `text outside the root element: ${JSON.stringify(segment.slice(0, 40))}`;
    if (open < 0) break;
    const close = new RegExp(`^</(${name})\\s*>`).exec(rest.slice(open));
    if (close) {
      if (stack.pop() !== close[1]) return `</${close[1]}> does not close the open element`;
      at = open + close[0].length;
      continue;
    }
    const tag = new RegExp(`^<(${name})(${attributes})\\s*(/?)>`).exec(rest.slice(open));
    if (!tag) return `malformed tag near ${JSON.stringify(rest.slice(open, open + 60))}`;
    const names = [...tag[2]!.matchAll(new RegExp(attribute, 'g'))].map((match) => match[1]);
    if (new Set(names).size !== names.length) return `<${tag[1]}> repeats an attribute`;
    if (stack.length === 0 && ++roots > 1) return 'more than one root element';
    if (tag[3] !== '/') stack.push(tag[1]!);
    at = open + tag[0].length;
  }
  if (stack.length > 0) return `<${stack.at(-1)}> is never closed`;
  if (roots !== 1) return 'no root element';
  return undefined;
}
