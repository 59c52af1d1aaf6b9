import type { Report } from '../scoring/index.ts';

export interface RegionRow {
  phase: string;
  region: string;
  requests: number;
  availability: number | null;
  done: number;
  queued: number;
  failed: number;
}

/**
 * Each phase's figures per client region (`client.regions`), in phase order: the rows of the "By region"
 * tables of the Markdown and HTML reports. Empty for a run without regions, which then shows no table.
 */
export function regionRows(report: Pick<Report, 'phases'>): RegionRow[] {
  return report.phases.flatMap((phase) =>
    Object.entries(phase.regions ?? {}).map(([region, counts]) => ({
      phase: phase.name,
      region,
      requests: counts.requests,
      availability: counts.availability,
      ...counts.outcomes,
    })),
  );
}
