import { z } from 'zod';
import { toxicFault } from './toxicFault.ts';

interface SlicerSettings {
  averageSizeBytes: number;
  sizeVariationBytes: number;
  delayMicros: number;
  stream: 'upstream' | 'downstream';
  toxicity: number;
}

/** Slices data into small packets with a delay between them (Toxiproxy `slicer`): slow, dribbling bodies. */
export const slicer = toxicFault<SlicerSettings>({
  kind: 'slicer',
  toxicType: 'slicer',
  summary: 'slices data into small delayed packets (Toxiproxy slicer toxic)',
  settings: z.object({
    averageSizeBytes: z.number().int().positive('averageSizeBytes must be at least 1'),
    sizeVariationBytes: z.number().int().min(0, 'sizeVariationBytes cannot be negative').default(0),
    delayMicros: z.number().int().min(0, 'delayMicros cannot be negative').default(0),
  }),
  attributes: ({ averageSizeBytes, sizeVariationBytes, delayMicros }) => ({
    average_size: averageSizeBytes,
    size_variation: sizeVariationBytes,
    delay: delayMicros,
  }),
  describe: ({ averageSizeBytes, delayMicros }) => `sliced into ~${averageSizeBytes}-byte packets, ${delayMicros} µs apart`,
});
