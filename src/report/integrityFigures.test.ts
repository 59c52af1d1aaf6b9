import { describe, expect, it } from 'vitest';
import type { Integrity, Report } from '../scoring/reportSchema.ts';
import { integritySection } from './html/sections.ts';
import { integrityFigures } from './integrityFigures.ts';

/** integritySection reads only `integrity` of a report. */
const reportWith = (integrity: Integrity) => ({ integrity }) as unknown as Report;

const integrity: Integrity = {
  accepted: 1350, done: 1200, queued: 150, stored: 1340, lost: 2, pending: 8, undelivered: 10, falseClaims: 3, duplicated: 1, extraRecords: 1, unclaimed: 0, ledgerRecords: 1343,
  drainDeadlineAt: 1_700_000_120_000, drainDeadlineSimMs: 41_400_000, lostSample: ['pt-1.register', 'pt-2.register'], falseClaimSamples: ['pt-7.register', 'pt-8.fee', '<b>x</b>'], duplicatedSample: ['ehospital:registration|a'],
};

describe('integrity in the reports', () => {
  it('gives undelivered with its deadline on the incident\'s clock, and false claims, in one line', () => {
    expect(integrityFigures(integrity)).toBe('accepted 1350, stored 1340, lost 2, undelivered 10 by 11:30, false claims 3, duplicated 1, pending 8');
    expect(integrityFigures({ ...integrity, drainDeadlineAt: null, drainDeadlineSimMs: null })).toContain('undelivered 10, false claims 3');
  });

  it('shows undelivered and false claims in the HTML reconciliation, failing when there are any, samples escaped', () => {
    const html = integritySection(reportWith(integrity));
    expect(html).toMatch(/<th>undelivered<\/th><td class="num fail">10<\/td><td>accepted, not stored at NIC by the drain deadline \(11:30 simulated\)/);
    expect(html).toMatch(/<th>false claims<\/th><td class="num fail">3<\/td><td>done with a NIC id NIC never issued for it, e\.g\. <code>pt-7\.register<\/code>, <code>pt-8\.fee<\/code>, <code>&lt;b&gt;x&lt;\/b&gt;<\/code>/);
    expect(integritySection(reportWith({ ...integrity, falseClaims: 0, falseClaimSamples: [] }))).toContain('<td class="num pass">0</td><td>every done names an id NIC issued for it');
  });
});
