/**
 * Text from a scenario, a client or a run, made safe for each report format (issue 14: "Reports are
 * well-formed whatever the input"). One place for every renderer: JUnit, Markdown, HTML (and the PDF made
 * from it), the comparison pages.
 */

/** Characters XML 1.0 forbids (§2.2 Char): C0 controls but tab, LF and CR; lone surrogates; U+FFFE, U+FFFF. */
// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Controls a reader cannot see: C0 but tab, LF, CR; DEL; C1; and the bidirectional overrides and isolates. */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const REPLACEMENT = '\ufffd';

/**
 * Makes invisible controls visible: C0 controls and DEL as their Unicode control pictures (NUL is `␀`,
 * ESC is `␛`), anything else in the set (C1, bidirectional overrides, noncharacters, lone surrogates) as `�`.
 */
export function visibleText(value: unknown): string {
  return String(value).replace(INVISIBLE, (char) => {
    const code = char.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return '\u2421';
    return REPLACEMENT;
  });
}

/** Text for XML element content and quoted attributes: forbidden characters become `�`, markup is escaped. */
export function escapeXml(value: unknown): string {
  return String(value)
    .replace(XML_FORBIDDEN, REPLACEMENT)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML element content and quoted attributes: controls made visible, markup escaped. */
export function escapeHtml(value: unknown): string {
  return visibleText(value).replace(/[&<>"']/g, (char) => HTML_ENTITIES[char] ?? char);
}

/**
 * Text for a Markdown table cell or line: controls made visible, line breaks as spaces; pipes, backticks and
 * angle brackets cannot break the table or inject HTML.
 */
export function escapeMarkdown(value: unknown): string {
  return visibleText(String(value).replace(/\r\n|\r|\n/g, ' '))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\|/g, '\\|')
    .replace(/`/g, '\\`');
}
