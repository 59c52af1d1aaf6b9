import type { Report } from '../scoring/reportSchema.ts';
import { fmtMs, fmtPct } from './format.ts';
import { escapeXml as xml } from './safeText.ts';

interface Case {
  classname: string;
  name: string;
  failure?: string;
  skipped?: string;
}

/**
 * JUnit XML for CI: one testcase per gate, and one per phase for its latency SLO (p95 within the report's
 * `settings.sloMs`). A run that errored or was interrupted adds a failing `run` testcase, so CI never
 * reads it as green.
 */
export function renderJunit(report: Report): string {
  const cases: Case[] = [];
  if (report.status === 'error' || report.status === 'interrupted') {
    cases.push({ classname: 'thap.run', name: 'run completed', failure: `run ${report.run.status}${report.run.error ? `: ${report.run.error}` : ''}` });
  }
  for (const gate of report.gates) {
    cases.push({
      classname: 'thap.gates',
      name: gate.expr,
      ...(gate.passed ? {} : { failure: `actual ${gate.actual === null ? 'none' : gate.actual}${gate.message ? `: ${gate.message}` : ''}` }),
    });
  }
  const slo = report.settings.sloMs;
  for (const phase of report.phases) {
    const name = `phase ${phase.name}: p95 <= ${slo} ms (availability ${fmtPct(phase.availability)})`;
    if (phase.p95Ms === null) cases.push({ classname: 'thap.phases', name, skipped: 'no requests in this phase' });
    else cases.push({ classname: 'thap.phases', name, ...(phase.p95Ms <= slo ? {} : { failure: `p95 ${fmtMs(phase.p95Ms)} over the ${slo} ms SLO` }) });
  }
  const failures = cases.filter((c) => c.failure !== undefined).length;
  const skipped = cases.filter((c) => c.skipped !== undefined).length;
  const seconds = ((report.run.endedAt - report.run.startedAt) / 1000).toFixed(3);
  const suiteName = `thap ${report.scenario.name}`;
  const body = cases
    .map((c) => {
      const open = `    <testcase classname="${xml(c.classname)}" name="${xml(c.name)}" time="0"`;
      if (c.failure !== undefined) return `${open}>\n      <failure message="${xml(c.failure)}">${xml(c.failure)}</failure>\n    </testcase>`;
      if (c.skipped !== undefined) return `${open}>\n      <skipped message="${xml(c.skipped)}"/>\n    </testcase>`;
      return `${open}/>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="thap" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${seconds}">
  <testsuite name="${xml(suiteName)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${seconds}" timestamp="${xml(new Date(report.run.startedAt).toISOString())}">
    <properties>
      <property name="score" value="${report.score.total}"/>
      <property name="status" value="${xml(report.status)}"/>
      <property name="fingerprint" value="${xml(report.scenario.fingerprint)}"/>
      <property name="seed" value="${xml(report.scenario.seed)}"/>
      <property name="scoringVersion" value="${xml(report.versions.scoring)}"/>
    </properties>
${body}
  </testsuite>
</testsuites>
`;
}
