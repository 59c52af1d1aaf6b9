import { slicer } from '../../scenario/faultCatalogue/index.ts';
import { toxicFault } from './toxicFault.ts';

/** Toxiproxy `slicer`: data cut into packets of about `average_size` bytes, `delay` µs apart. */
export const slicerRuntime = toxicFault({
  config: slicer,
  toxicType: 'slicer',
  attributes: ({ averageSizeBytes, sizeVariationBytes, delayMicros }) => ({ average_size: averageSizeBytes, size_variation: sizeVariationBytes, delay: delayMicros }),
});
