/**
 * The pages of a PDF, counted by its page objects (`/Type /Page`, not the `/Pages` tree nodes): Chromium
 * writes its objects uncompressed, so they are countable without a PDF library. 0 for a file that is not a PDF.
 */
export function pdfPageCount(pdf: Buffer): number {
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') return 0;
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g)?.length ?? 0;
}
