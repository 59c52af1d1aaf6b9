/**
 * `thap run` and `thap report` arguments for every report format but the PDF. Printing the PDF starts Chromium,
 * about 6 s a run on this 2-core machine, and the end-to-end files score some forty runs; the PDF is rendered by
 * the README's first command in examples/proof/demo.e2e.test.ts and by src/report/browser/printPdf.test.ts.
 */
export const withoutPdf = ['--format', 'html', 'md', 'junit'] as const;
