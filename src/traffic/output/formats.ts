/** Output formats of `thap generate`. */
export const outputFormats = ['ndjson', 'json', 'csv'] as const;
export type OutputFormat = (typeof outputFormats)[number];
