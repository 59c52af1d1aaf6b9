import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { UserError } from '../../core/index.ts';
import { planTraffic } from '../plan/planTraffic.ts';
import { iteratePatientRecords } from '../plan/iteratePatientRecords.ts';
import { iterateSampleRecords } from '../samples/iterateSampleRecords.ts';
import { sampleToJsonLine } from '../samples/sampleToJsonLine.ts';
import { writeRecords } from '../output/writeRecords.ts';
import { patientColumns, sampleColumns } from '../output/columns.ts';
import type { OutputFormat } from '../output/formats.ts';
import type { TrafficPlan } from '../plan/trafficPlan.ts';
import type { SampleRecord } from '../samples/sampleRecord.ts';
import { getProfile } from '../profiles/registry.ts';

export interface GenerateOptions {
  /** One profile name, or several joined by `,` (each at its own default count times `scale`). */
  profile: string;
  patients?: number;
  samples?: number;
  seed: number;
  speed?: number;
  scale?: number;
  startHour?: number;
  variant?: string;
  batchSize?: number;
  format: OutputFormat;
  /** A file path, or a stream (stdout). */
  out: string | Writable;
  onProgress?: (written: number, total: number) => void;
}

export interface GenerateResult {
  plan: TrafficPlan;
  unit: 'patients' | 'samples';
  written: number;
  total: number;
}

/** Plans the traffic and streams its records to `out`; returns how many were written. */
export async function generateTraffic(options: GenerateOptions): Promise<GenerateResult> {
  const names = options.profile.split(',').map((n) => n.trim()).filter((n) => n !== '');
  const defs = names.map((name) => getProfile(name));
  const units = new Set(defs.map((d) => d.unit));
  const problems: string[] = [];
  if (defs.length === 0) problems.push('--profile: give a profile name (see `thap generate --list`)');
  if (units.size > 1) problems.push(`--profile ${options.profile}: combine profiles of one kind (patients: T1, T2, T3, T5; samples: T4)`);
  if (options.patients !== undefined && options.samples !== undefined) problems.push('give either --patients or --samples, not both');
  const unit = defs[0]?.unit ?? 'patients';
  const count = options.patients ?? options.samples;
  if (options.patients !== undefined && unit !== 'patients') problems.push(`${names.join(',')} generates samples: use --samples N, not --patients`);
  if (options.samples !== undefined && unit !== 'samples') problems.push(`${names.join(',')} generates patients: use --patients N, not --samples`);
  if (count !== undefined && defs.length > 1) problems.push('with several profiles, set sizes with --scale, not a single --patients/--samples count');
  if (problems.length > 0) throw new UserError(`generate: ${problems.join('; ')}`, { code: 'THAP_BAD_GENERATE_OPTIONS' });

  const plan = planTraffic({
    seed: options.seed,
    ...(options.speed !== undefined ? { speed: options.speed } : {}),
    parts: names.map((profile) => ({
      profile,
      ...(count !== undefined ? { count } : {}),
      ...(options.scale !== undefined ? { scale: options.scale } : {}),
      ...(options.startHour !== undefined ? { startHour: options.startHour } : {}),
      ...(options.variant !== undefined ? { variant: options.variant } : {}),
      ...(options.batchSize !== undefined ? { batchSize: options.batchSize } : {}),
    })),
  });
  const total = plan.parts.reduce((sum, p) => sum + p.count, 0);
  const out = typeof options.out === 'string' ? createWriteStream(options.out) : options.out;
  const onProgress = options.onProgress ? (n: number) => options.onProgress?.(n, total) : undefined;
  const written =
    unit === 'samples'
      ? await writeRecords<SampleRecord>({ records: iterateSampleRecords(plan), format: options.format, out, columns: sampleColumns, toJson: sampleToJsonLine, ...(onProgress ? { onProgress } : {}) })
      : await writeRecords({ records: iteratePatientRecords(plan), format: options.format, out, columns: patientColumns, ...(onProgress ? { onProgress } : {}) });
  if (typeof options.out === 'string') {
    out.end();
    await finished(out);
  }
  return { plan, unit, written, total };
}
