import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkdown, escapeXml, visibleText } from './safeText.ts';

describe('visibleText', () => {
  it('shows C0 controls and DEL as control pictures, keeps tab and line breaks', () => {
    expect(visibleText('a\u0000b\u001bc\u007fd\te\nf')).toBe('a\u2400b\u241bc\u2421d\te\nf');
  });
  it('replaces C1 controls, bidirectional overrides, noncharacters and lone surrogates with U+FFFD', () => {
    expect(visibleText('\u0085\u202eevil\u2066\ufffe\uffff\ud800x\udc00')).toBe('\ufffd\ufffdevil\ufffd\ufffd\ufffd\ufffdx\ufffd');
  });
  it('leaves Hindi, emoji (surrogate pairs) and ordinary text alone', () => {
    expect(visibleText('ठप 🏥 KGMU Lucknow')).toBe('ठप 🏥 KGMU Lucknow');
  });
});

describe('escapeXml', () => {
  it('replaces every character XML 1.0 forbids and escapes markup', () => {
    expect(escapeXml('<a & "b" \'c\'>')).toBe('&lt;a &amp; &quot;b&quot; &apos;c&apos;&gt;');
    expect(escapeXml('x\u0000\u0008\u000b\u000c\u001f\ufffe\uffff\ud83dy')).toBe(`x${'\ufffd'.repeat(8)}y`);
    expect(escapeXml('tab\tlf\ncr\r🏥')).toBe('tab\tlf\ncr\r🏥');
  });
});

describe('escapeHtml', () => {
  it('escapes markup and makes controls visible', () => {
    expect(escapeHtml('<script>\u0000</script>')).toBe('&lt;script&gt;\u2400&lt;/script&gt;');
    expect(escapeHtml('it\'s "x" & y')).toBe('it&#39;s &quot;x&quot; &amp; y');
  });
});

describe('escapeMarkdown', () => {
  it('keeps a cell from breaking the table or injecting HTML', () => {
    expect(escapeMarkdown('a|b\n<script>`x`')).toBe('a\\|b &lt;script&gt;\\`x\\`');
    expect(escapeMarkdown('a\r\nb\rc\u0000d\u001b[31m')).toBe('a b c\u2400d\u241b[31m');
  });
});
