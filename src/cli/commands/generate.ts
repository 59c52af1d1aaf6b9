import { Command } from 'commander';
import { z } from 'zod';
import { ensureOutputFile } from '../../util/index.ts';
import { defineOptions } from '../options/defineOptions.ts';
import { decimal, oneOf, text, wholeNumber } from '../options/optionValues.ts';
import { generateTraffic, listProfiles, type OutputFormat, outputFormats, speedRange } from '../../traffic/index.ts';

const generateOptions = defineOptions(
  'generate',
  {
    list: { flags: '--list', description: 'list the traffic profiles, one line each', schema: z.boolean().default(false) },
    profile: { flags: '--profile <name>', description: 'profile to generate (T1..T5); several of one kind joined by commas, e.g. T1,T5', schema: text('a profile name, e.g. T1 (see `thap generate --list`)').optional() },
    patients: { flags: '--patients <n>', description: "patients in the day (patient profiles; default: the profile's)", schema: wholeNumber({ min: 1 }).optional() },
    samples: { flags: '--samples <n>', description: 'samples in the day (T4; default 20,000)', schema: wholeNumber({ min: 1 }).optional() },
    seed: { flags: '--seed <n>', description: 'random seed: the same profile, seed and thap version give the same bytes', schema: wholeNumber().default(1) },
    speed: { flags: '--speed <x>', description: `simulated seconds per wall second, ${speedRange.min}-${speedRange.max}, for the wall-clock fields`, schema: decimal({ min: speedRange.min, max: speedRange.max }).default(1) },
    scale: { flags: '--scale <x>', description: "multiply the day's count (e.g. --profile T4 --scale 100 for the 2021 national peak)", schema: decimal({ min: 0, above: true }).optional() },
    startHour: { flags: '--start-hour <h>', description: "hour the profile's curve starts (0-23.99)", schema: decimal({ min: 0, max: 23.99 }).optional() },
    variant: { flags: '--variant <name>', description: 'profile variant (T2: monday, post-holiday; T3: mon..sun, holiday)', schema: text('a variant name').optional() },
    batchSize: { flags: '--batch-size <n>', description: 'samples per consignment (T4, default 100)', schema: wholeNumber({ min: 1 }).optional() },
    out: { flags: '--out <file>', description: 'output file (default: stdout)', schema: text('a file to write').optional() },
    format: { flags: '--format <format>', description: `output format: ${outputFormats.join(', ')} (default: from --out's extension, else ndjson)`, schema: oneOf(outputFormats).optional() },
  },
  (options) => (!options.list && !options.profile ? [{ option: 'profile', message: 'is required (see `thap generate --list`)' }] : []),
);

/** The format asked for, else the one --out's extension names, else NDJSON. */
function formatFor({ format, out }: { format?: OutputFormat; out?: string }): OutputFormat {
  const fromName = out?.match(/\.(ndjson|jsonl|json|csv)$/)?.[1];
  return format ?? (fromName === 'jsonl' ? 'ndjson' : (fromName as OutputFormat | undefined)) ?? 'ndjson';
}

/**
 * `thap generate`: writes a profile's synthetic patients or samples with their journeys (NDJSON, JSON or
 * CSV), streamed; `--list` shows the profiles. Progress goes to stderr when it is a terminal.
 */
export function generateCommand(): Command {
  return generateOptions
    .addTo(new Command('generate').description('generate a seeded synthetic hospital day (patients or samples with their journeys)'))
    .action(async (raw: unknown) => {
      const options = generateOptions.parse(raw);
      if (options.list) {
        process.stdout.write(`${listProfiles().join('\n')}\n`);
        return;
      }
      if (options.out) await ensureOutputFile({ file: options.out, what: '--out' });
      const { patients, samples, seed, speed, scale, startHour, variant, batchSize } = options;
      const tty = process.stderr.isTTY === true;
      const result = await generateTraffic({
        profile: options.profile as string,
        seed,
        format: formatFor(options),
        out: options.out ?? process.stdout,
        ...(patients !== undefined ? { patients } : {}),
        ...(samples !== undefined ? { samples } : {}),
        speed,
        ...(scale !== undefined ? { scale } : {}),
        ...(startHour !== undefined ? { startHour } : {}),
        ...(variant !== undefined ? { variant } : {}),
        ...(batchSize !== undefined ? { batchSize } : {}),
        ...(tty
          ? { onProgress: (n: number, total: number) => process.stderr.write(`\rgenerated ${n.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} (${Math.floor((100 * n) / total)}%)`) }
          : {}),
      });
      if (tty) process.stderr.write('\n');
      if (options.out) {
        process.stderr.write(`wrote ${result.written.toLocaleString('en-US')} ${result.unit} (${result.plan.parts.map((p) => p.profile.name).join('+')}, seed ${result.plan.seed}) to ${options.out}\n`);
      }
    });
}
