/**
 * The scoring version stamped into every report. Bump the major when a formula or weight changes, so that
 * `thap compare` refuses to put scores of different versions side by side (docs/scoring.md); the minor when a
 * rule changes what a run's figures or verdict can be; the patch only for a fix that can turn an `invalid` run
 * into a scored one and changes no figure of a run that was scored (so a logged scored run of an earlier patch
 * of this major.minor still stands: bench/calibration/currentRuns.ts).
 */
export const scoringVersion = '11.3.0';

/** The version of report.json's shape (schema/report.schema.json). */
export const reportSchemaVersion = 1;
