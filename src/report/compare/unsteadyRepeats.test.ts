import { describe, expect, it } from 'vitest';
import type { Report } from '../../scoring/index.ts';
import { unsteadyRepeats } from './unsteadyRepeats.ts';

/** The three fields the warning reads; the rest of a report does not matter to it. */
const run = (total: number | null, upstreamRequests: number, metastable: boolean | null = false) =>
  ({ score: { total }, nic: { measured: true, upstreamRequests }, recovery: { metastable } }) as unknown as Report;

describe('unsteadyRepeats', () => {
  it('says nothing of repeats within ±2 points, or of a single scored run', () => {
    expect(unsteadyRepeats('naive', [run(47.5, 9000), run(51.5, 9400)])).toBeUndefined();
    expect(unsteadyRepeats('naive', [run(47.5, 9000), run(null, 0)])).toBeUndefined();
  });

  it("lays a wider spread on the client when it behaved differently from run to run, with what differed", () => {
    expect(unsteadyRepeats('retry-storm', [run(19.99, 24000), run(20.18, 25262), run(9.9, 23034, true)])).toEqual({
      whose: 'client',
      text: "retry-storm's 3 repeats spread ±5.1 points, beyond the ±2 thap's own measurement keeps to: it behaved differently from run to run (NIC received 23,034 to 25,262 of its requests; metastable after the fault in 1 of 3 runs); weigh its worst run, 9.9",
    });
    expect(unsteadyRepeats('retry-storm', [run(33.1, 53920), run(38.3, 39568)])?.text).toBe(
      "retry-storm's 2 repeats spread ±2.6 points, beyond the ±2 thap's own measurement keeps to: it behaved differently from run to run (NIC received 39,568 to 53,920 of its requests); weigh its worst run, 33.1",
    );
  });

  it('casts doubt on the runs, not the client, when it behaved alike in each', () => {
    expect(unsteadyRepeats('journal', [run(96.3, 40000), run(90.1, 40100)])).toEqual({
      whose: 'runs',
      text: "journal's 2 repeats spread ±3.1 points, beyond the ±2 thap's own measurement keeps to, though it behaved alike in each (NIC received 40,000 to 40,100 of its requests): nothing the client did explains the spread, so repeat the runs on a quiet machine before weighing them",
    });
  });

  it('leaves out what does not differ: metastable in every run, or NIC never measured', () => {
    const unmeasured = (total: number) => ({ ...run(total, 0, true), nic: { measured: false, upstreamRequests: 0 } }) as unknown as Report;
    expect(unsteadyRepeats('v', [unmeasured(30), unmeasured(20)])).toEqual({ whose: 'unknown', text: "v's 2 repeats spread ±5.0 points, beyond the ±2 thap's own measurement keeps to; weigh its worst run, 20.0" });
  });
});
