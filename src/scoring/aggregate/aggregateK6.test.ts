import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { claimKey } from '../integrity/claimKey.ts';
import { aggregateK6 } from './aggregateK6.ts';
import { TimelineAccumulator } from './TimelineAccumulator.ts';

const HEADER = 'metric_name,timestamp,metric_value,check,error,error_code,expected_response,group,method,name,proto,scenario,service,status,subproto,tls_version,url,extra_tags,metadata';
const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

/** One thap_outcome sample as k6 writes it (metadata keys in any order). */
const outcome = (step: string, result: string, metadata: string, at = 100) => `thap_outcome,${at},1.000000,,,,,,,,,registration,,,,,,step=${step}&outcome=${result},${metadata}`;

async function aggregate(rows: string[]) {
  const dir = await mkdtemp(join(tmpdir(), 'thap-aggregate-'));
  dirs.push(dir);
  const file = join(dir, 'k6.csv');
  await writeFile(file, `${HEADER}\n${rows.join('\n')}\n`);
  return aggregateK6({ file, windows: [{ name: 'baseline', kind: 'baseline', faultIds: [], start: 0, end: 1_000 }], timeline: new TimelineAccumulator(0, 1_000, 500), sloMs: 1_000 });
}

describe('aggregateK6: claimed NIC ids', () => {
  it('keeps a done payment\'s utr (metadata nicLater) apart from its qrId (nic), and only for done answers', async () => {
    const k6 = await aggregate([
      outcome('register', 'done', 'entity=pt-1.register&nic=V1'),
      outcome('onlinePayment', 'done', 'entity=pt-1.onlinePayment&nic=QR1&nicLater=123456789012'),
      // Keys in another order; the utr URI-encoded as k6 records it.
      outcome('onlinePayment', 'done', 'nicLater=U%26nic%3DX&nic=QR2&entity=pt-2.onlinePayment'),
      // nicLater alone is not nic.
      outcome('onlinePayment', 'done', 'entity=pt-3.onlinePayment&nicLater=333'),
      outcome('onlinePayment', 'failed', 'entity=pt-4.onlinePayment&nic=QR4&nicLater=444'),
    ]);
    expect(k6.claims).toEqual(new Map([['pt-1.register', claimKey('V1')], ['pt-1.onlinePayment', claimKey('QR1')], ['pt-2.onlinePayment', claimKey('QR2')]]));
    expect(k6.laterClaims).toEqual(new Map([['pt-1.onlinePayment', claimKey('123456789012')], ['pt-2.onlinePayment', claimKey('U%26nic%3DX')], ['pt-3.onlinePayment', claimKey('333')]]));
    expect(k6.done.size).toBe(4);
  });
});
