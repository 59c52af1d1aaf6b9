import { Command } from 'commander';
import { UserError } from '../../errors.ts';
import { generateTraffic } from '../../traffic/generate/generateTraffic.ts';
import { listProfiles } from '../../traffic/generate/listProfiles.ts';
import { outputFormats, type OutputFormat } from '../../traffic/output/formats.ts';
import { speedRange } from '../../traffic/plan/clock.ts';

interface RawOptions {
  list?: boolean;
  profile?: string;
  patients?: string;
  samples?: string;
  seed: string;
  speed?: string;
  scale?: string;
  startHour?: string;
  variant?: string;
  batchSize?: string;
  out?: string;
  format?: string;
}

function wholeNumber({ flag, value, min }: { flag: string; value: string | undefined; min: number }, problems: string[]): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value.trim()) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
    problems.push(`${flag} must be a whole number >= ${min} (got ${JSON.stringify(value)})`);
    return undefined;
  }
  return Number(value);
}

function decimal({ flag, value }: { flag: string; value: string | undefined }, problems: string[]): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) {
    problems.push(`${flag} must be a number (got ${JSON.stringify(value)})`);
    return undefined;
  }
  return n;
}

function formatFor(raw: RawOptions, problems: string[]): OutputFormat {
  const fromName = raw.out?.match(/\.(ndjson|jsonl|json|csv)$/)?.[1];
  const format = raw.format ?? (fromName === 'jsonl' ? 'ndjson' : fromName) ?? 'ndjson';
  if (!(outputFormats as readonly string[]).includes(format)) {
    problems.push(`--format must be one of ${outputFormats.join(', ')} (got ${JSON.stringify(format)})`);
    return 'ndjson';
  }
  return format as OutputFormat;
}

/**
 * `thap generate`: writes a profile's synthetic patients or samples with their journeys (NDJSON, JSON or
 * CSV), streamed; `--list` shows the profiles. Progress goes to stderr when it is a terminal.
 */
export function generateCommand(): Command {
  return new Command('generate')
    .description('generate a seeded synthetic hospital day (patients or samples with their journeys)')
    .option('--list', 'list the traffic profiles, one line each')
    .option('--profile <name>', 'profile to generate (T1..T5); several of one kind joined by commas, e.g. T1,T5')
    .option('--patients <n>', 'patients in the day (patient profiles; default: the profile\'s)')
    .option('--samples <n>', 'samples in the day (T4; default 20,000)')
    .option('--seed <n>', 'random seed: the same profile, seed and thap version give the same bytes', '1')
    .option('--speed <x>', `simulated seconds per wall second, ${speedRange.min}-${speedRange.max}, for the wall-clock fields`, '1')
    .option('--scale <x>', 'multiply the day\'s count (e.g. --profile T4 --scale 100 for the 2021 national peak)')
    .option('--start-hour <h>', 'hour the profile\'s curve starts (0-23.99)')
    .option('--variant <name>', 'profile variant (T2: monday, post-holiday; T3: mon..sun, holiday)')
    .option('--batch-size <n>', 'samples per consignment (T4, default 100)')
    .option('--out <file>', 'output file (default: stdout)')
    .option('--format <format>', `output format: ${outputFormats.join(', ')} (default: from --out's extension, else ndjson)`)
    .action(async (raw: RawOptions) => {
      if (raw.list) {
        process.stdout.write(`${listProfiles().join('\n')}\n`);
        return;
      }
      const problems: string[] = [];
      if (!raw.profile) problems.push('--profile is required (see `thap generate --list`)');
      const patients = wholeNumber({ flag: '--patients', value: raw.patients, min: 1 }, problems);
      const samples = wholeNumber({ flag: '--samples', value: raw.samples, min: 1 }, problems);
      const seed = wholeNumber({ flag: '--seed', value: raw.seed, min: 0 }, problems);
      const batchSize = wholeNumber({ flag: '--batch-size', value: raw.batchSize, min: 1 }, problems);
      const speed = decimal({ flag: '--speed', value: raw.speed }, problems);
      const scale = decimal({ flag: '--scale', value: raw.scale }, problems);
      const startHour = decimal({ flag: '--start-hour', value: raw.startHour }, problems);
      const format = formatFor(raw, problems);
      if (speed !== undefined && (speed < speedRange.min || speed > speedRange.max)) {
        problems.push(`--speed must be from ${speedRange.min} (real time) to ${speedRange.max} (a day per wall second) (got ${raw.speed})`);
      }
      if (problems.length > 0) throw new UserError(`generate: ${problems.join('; ')}`, { code: 'THAP_BAD_GENERATE_OPTIONS' });
      const tty = process.stderr.isTTY === true;
      const result = await generateTraffic({
        profile: raw.profile as string,
        seed: seed as number,
        format,
        out: raw.out ?? process.stdout,
        ...(patients !== undefined ? { patients } : {}),
        ...(samples !== undefined ? { samples } : {}),
        ...(speed !== undefined ? { speed } : {}),
        ...(scale !== undefined ? { scale } : {}),
        ...(startHour !== undefined ? { startHour } : {}),
        ...(raw.variant !== undefined ? { variant: raw.variant } : {}),
        ...(batchSize !== undefined ? { batchSize } : {}),
        ...(tty
          ? { onProgress: (n: number, total: number) => process.stderr.write(`\rgenerated ${n.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} (${Math.floor((100 * n) / total)}%)`) }
          : {}),
      });
      if (tty) process.stderr.write('\n');
      if (raw.out) {
        process.stderr.write(`wrote ${result.written.toLocaleString('en-US')} ${result.unit} (${result.plan.parts.map((p) => p.profile.name).join('+')}, seed ${result.plan.seed}) to ${raw.out}\n`);
      }
    });
}
