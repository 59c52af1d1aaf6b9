/**
 * NIC-looking ids that NIC never issued, one for each id a step's `done` answer carries (`uhid`, `visitId`,
 * `billId`...), numbered by `serial` so that no two answers share one. What a lying client prints on the slip.
 */
export function madeUpIds(args: { provides: readonly string[]; serial: number }): Record<string, string> {
  const number = String(args.serial).padStart(9, '0');
  return Object.fromEntries(args.provides.map((key) => [key, `${key.slice(0, 2).toUpperCase()}${number}`]));
}

/** The reason a lying client logs with each made-up answer; tests count the lines that carry it. */
export const madeUpReason = 'made up NIC ids';
