import { describe, expect, it } from 'vitest';
import { pdfPageCount } from './pdfPageCount.ts';

describe('pdfPageCount', () => {
  it('counts page objects, not the page tree', () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>\n2 0 obj << /Type /Page /Parent 1 0 R >>\n3 0 obj <</Type/Page/Parent 1 0 R>>\n', 'latin1');
    expect(pdfPageCount(pdf)).toBe(2);
  });

  it('gives 0 for a file that is not a PDF', () => {
    expect(pdfPageCount(Buffer.from('<html>/Type /Page</html>'))).toBe(0);
  });
});
