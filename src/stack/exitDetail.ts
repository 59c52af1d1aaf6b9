import type { ProcessExit } from './managedProcess.ts';

/** How a process's exit reads in run.json and the log: `signal SIGKILL`, `code 1`. */
export function exitDetail(exit: ProcessExit): string {
  return exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`;
}
