import { z } from 'zod';
import { toxicFaultConfig, type ToxicCommon } from './toxicFaultConfig.ts';

export type SlicerSettings = ToxicCommon & {
  averageSizeBytes: number;
  sizeVariationBytes: number;
  delayMicros: number;
};

/** Slices data into small packets with a delay between them (Toxiproxy `slicer`): slow, dribbling bodies. */
export const slicer = toxicFaultConfig<SlicerSettings>({
  kind: 'slicer',
  summary: 'slices data into small delayed packets (Toxiproxy slicer toxic)',
  settings: z.object({
    averageSizeBytes: z.number().int().positive('averageSizeBytes must be at least 1'),
    sizeVariationBytes: z.number().int().min(0, 'sizeVariationBytes cannot be negative').default(0),
    delayMicros: z.number().int().min(0, 'delayMicros cannot be negative').default(0),
  }),
  describe: ({ averageSizeBytes, delayMicros }) => `sliced into ~${averageSizeBytes}-byte packets, ${delayMicros} µs apart`,
});
