/**
 * Child process for the traffic benches, so each measurement has its own heap and its own peak RSS:
 * `node --import tsx bench/entries/trafficWorker.ts <mode> <count> <outFile>` prints one JSON line
 * `{ records, seconds, cpuSeconds, peakRssMb }` (CPU time counts every thread, GC included). Modes:
 * - `thap-samples`: T4 samples through `thap generate`'s path (plan, stream, NDJSON) to `outFile`;
 * - `faker-loop`: the baseline, a plain loop drawing records with the same fields with faker's helpers
 *   (`helpers.arrayElement` over faker's en_IN name and city lists, `number.int`; the en_IN locale module,
 *   as thap imports it),
 *   `JSON.stringify` per record, written in the same chunks to `outFile`;
 * - `t1-day`: one T1 day of `count` patients to NDJSON in `outFile` (seconds of the first, cold run; then
 *   `warmSeconds` = median of 5 more).
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { faker } from '@faker-js/faker/locale/en_IN';
import { planTraffic } from '../../src/traffic/plan/planTraffic.ts';
import { iterateSampleRecords } from '../../src/traffic/samples/iterateSampleRecords.ts';
import { iteratePatientRecords } from '../../src/traffic/plan/iteratePatientRecords.ts';
import { sampleToJsonLine } from '../../src/traffic/samples/sampleToJsonLine.ts';
import { chunkRecords, writeRecords } from '../../src/traffic/output/writeRecords.ts';
import { patientColumns, sampleColumns } from '../../src/traffic/output/columns.ts';

const [mode, countText, outFile] = process.argv.slice(2);
const count = Number(countText);

async function thapSamples(): Promise<number> {
  const out = createWriteStream(outFile as string);
  const plan = planTraffic({ seed: 1, parts: [{ profile: 'T4', count }] });
  const n = await writeRecords({ records: iterateSampleRecords(plan), format: 'ndjson', out, columns: sampleColumns, toJson: sampleToJsonLine });
  out.end();
  await finished(out);
  return n;
}

async function fakerLoop(): Promise<number> {
  faker.seed(1);
  const out = createWriteStream(outFile as string);
  const definitions = faker.rawDefinitions;
  const firstNames = [...(definitions.person?.first_name?.female ?? []), ...(definitions.person?.first_name?.male ?? [])];
  const lastNames = (definitions.person?.last_name as { generic?: string[] } | undefined)?.generic ?? [];
  const cities = definitions.location?.city_name ?? [];
  const genders = ['female', 'male', 'other'];
  const tests = ['RT-PCR', 'TrueNat', 'CBNAAT'];
  const specimens = ['nasopharyngeal-oropharyngeal-swab', 'nasopharyngeal-swab'];
  let lines = '';
  for (let i = 0; i < count; i += 1) {
    const record = {
      id: `sm-${String(i + 1).padStart(7, '0')}`,
      profile: 'T4',
      name: `${faker.helpers.arrayElement(firstNames)} ${faker.helpers.arrayElement(lastNames)}`,
      gender: faker.helpers.arrayElement(genders),
      age: faker.number.int({ min: 1, max: 90 }),
      mobile: `+91${faker.number.int({ min: 6_000_000_000, max: 9_999_999_999 })}`,
      district: faker.helpers.arrayElement(cities),
      pin: String(faker.number.int({ min: 200_000, max: 289_999 })),
      testType: faker.helpers.arrayElement(tests),
      specimen: faker.helpers.arrayElement(specimens),
      srfCreateSimMs: faker.number.int(86_400_000),
      srfCreateWallMs: faker.number.int(86_400_000),
      consignmentId: `cn-${String(Math.floor(i / 100) + 1).padStart(6, '0')}`,
      consignmentSimMs: faker.number.int(86_400_000),
      resultUploadSimMs: faker.number.int(172_800_000),
    };
    lines += `${JSON.stringify(record)}\n`;
    if ((i + 1) % chunkRecords === 0) {
      if (!out.write(lines)) await once(out, 'drain');
      lines = '';
    }
  }
  out.write(lines);
  out.end();
  await finished(out);
  return count;
}

async function t1Day(): Promise<number> {
  const out = createWriteStream(outFile as string);
  const plan = planTraffic({ seed: 1, parts: [{ profile: 'T1', count }] });
  const n = await writeRecords({ records: iteratePatientRecords(plan), format: 'ndjson', out, columns: patientColumns });
  out.end();
  await finished(out);
  return n;
}

const run = mode === 'thap-samples' ? thapSamples : mode === 'faker-loop' ? fakerLoop : mode === 't1-day' ? t1Day : undefined;
if (!run || !Number.isSafeInteger(count) || count < 1 || !outFile) {
  process.stderr.write('usage: trafficWorker.ts thap-samples|faker-loop|t1-day COUNT OUTFILE\n');
  process.exit(2);
}
const started = performance.now();
const cpuBefore = process.cpuUsage();
const records = await run();
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const result: Record<string, number> = { records, seconds, cpuSeconds, peakRssMb: process.resourceUsage().maxRSS / 1024 };
if (mode === 't1-day') {
  const warm: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const t = performance.now();
    await run();
    warm.push((performance.now() - t) / 1000);
  }
  result.warmSeconds = warm.sort((a, b) => a - b)[2] as number;
}
process.stdout.write(`${JSON.stringify(result)}\n`);
