export type { Patient } from './patient.ts';
export { generatePatients, iteratePatients, defaultReferenceDate, type PopulationOptions } from './generatePatients.ts';
