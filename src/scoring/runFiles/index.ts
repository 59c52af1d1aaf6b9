// scoring/runFiles: the run directory's files as scoring reads them, and run.json's shared fields. A face
// of its own for what the CLI loads on every command (a killed run's end), without the rest of scoring.
export { lastWriteAt } from './lastWriteAt.ts';
export type { ClientExit, ClientHealth, HarnessFailure, HarnessProcess } from './runJsonFields.ts';
