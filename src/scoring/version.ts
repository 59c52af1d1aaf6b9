/**
 * The scoring version stamped into every report. Bump the major when a formula or weight changes, so that
 * `thap compare` refuses to put scores of different versions side by side (docs/scoring.md).
 */
export const scoringVersion = '11.1.0';

/** The version of report.json's shape (schema/report.schema.json). */
export const reportSchemaVersion = 1;
