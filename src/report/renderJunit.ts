import type { Report } from '../scoring/index.ts';
import { ExitCode } from '../core/index.ts';
import { exitCodeForReport } from './exitCodeForReport.ts';
import { escapeXml as xml } from './safeText.ts';
import { checkFigure, harmLines } from './verdict.ts';

interface Case {
  classname: string;
  name: string;
  failure?: string;
  skipped?: string;
}

/**
 * JUnit XML for CI, with names that stay the same from run to run (numbers live in the messages): a
 * `run completed` testcase, one `validity <check>` per validity check, one per gate named by its expression.
 * It has a failure if and only if the run's exit code is not 0 (exitCodeForReport), so CI and the exit code
 * never disagree: a report whose status is not `passed` without a failing check or gate gets a failing `verdict`.
 */
export function renderJunit(report: Report): string {
  const cases: Case[] = [];
  const ended = report.status === 'error' || report.status === 'interrupted';
  cases.push({ classname: 'thap.run', name: 'run completed', ...(ended ? { failure: `run ${report.run.status}${report.run.error ? `: ${report.run.error}` : ''}` } : {}) });
  for (const check of report.validity?.checks ?? []) {
    cases.push({ classname: 'thap.validity', name: `validity ${check.name}`, ...(check.passed ? {} : { failure: `${checkFigure(check)}: ${check.message}` }) });
  }
  for (const gate of report.gates) {
    cases.push({
      classname: 'thap.gates',
      name: gate.expr,
      ...(gate.passed ? {} : { failure: `actual ${gate.actual === null ? 'none' : gate.actual}${gate.message ? `: ${gate.message}` : ''}` }),
    });
  }
  if (exitCodeForReport(report) !== ExitCode.Passed && !cases.some((c) => c.failure !== undefined)) {
    cases.push({ classname: 'thap.run', name: 'verdict', failure: `status ${report.status}${report.score.withheld ? `: ${report.score.withheld}` : ''}` });
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
      <property name="score" value="${report.score.total === null ? 'none' : report.score.total}"/>
      <property name="status" value="${xml(report.status)}"/>
      <property name="fingerprint" value="${xml(report.scenario.fingerprint)}"/>
      <property name="seed" value="${xml(report.scenario.seed)}"/>
      <property name="scoringVersion" value="${xml(report.versions.scoring)}"/>
      <property name="client" value="${xml(report.client ?? '')}"/>
      <property name="harm" value="${xml(harmLines(report).join('; '))}"/>
    </properties>
${body}
  </testsuite>
</testsuites>
`;
}
