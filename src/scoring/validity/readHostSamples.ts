import { join } from 'node:path';
import { readNdjson } from '../runFiles/readNdjson.ts';
import { hostSampleSchema, type HostSample } from './hostSample.ts';
import { parseOrExplain } from './parseOrExplain.ts';

/**
 * host.ndjson's samples in time order (docs/run-directory.md); none when the run has no such file (runs older
 * than the sampler, or on a system without /proc). A malformed line names the file, the line and the field.
 */
export async function readHostSamples({ runDir }: { runDir: string }): Promise<HostSample[]> {
  const file = join(runDir, 'host.ndjson');
  const samples: HostSample[] = [];
  let line = 0;
  await readNdjson({
    file,
    optional: true,
    onObject: (value) => {
      line += 1;
      samples.push(parseOrExplain(`${file}:${line}`, hostSampleSchema, value));
    },
  });
  return samples.sort((a, b) => a.t - b.t);
}
