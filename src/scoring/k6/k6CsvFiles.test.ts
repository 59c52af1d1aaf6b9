import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { k6CsvFiles } from './k6CsvFiles.ts';
import { streamK6Csv } from './streamK6Csv.ts';

const header = 'metric_name,timestamp,metric_value,name\n';

describe('k6CsvFiles', () => {
  it('lists k6.csv and every k6-<i>.csv, numbers in numeric order, and nothing else', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'thap-k6csv-'));
    for (const name of ['k6-10.csv', 'k6-2.csv', 'k6.csv', 'k6-0.csv', 'k6.log', 'k6-1.log', 'ledger.ndjson', 'other.csv', 'k6-runner-a.csv']) await writeFile(join(dir, name), header);
    expect((await k6CsvFiles({ runDir: dir })).map((file) => basename(file))).toEqual(['k6-0.csv', 'k6-2.csv', 'k6-10.csv', 'k6-runner-a.csv', 'k6.csv']);
  });

  it('names k6.csv when there is none, so the reader reports the missing file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'thap-k6csv-'));
    expect(await k6CsvFiles({ runDir: dir })).toEqual([join(dir, 'k6.csv')]);
  });

  it('streams several files as one, each with its own header and column order', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'thap-k6csv-'));
    await writeFile(join(dir, 'k6-0.csv'), `${header}http_req_duration,1000,5,a\nhttp_req_duration,1001,6,b\n`);
    await writeFile(join(dir, 'k6-1.csv'), 'name,metric_value,timestamp,metric_name\nc,7,1002,http_req_duration\n');
    const seen: string[] = [];
    const rows = await streamK6Csv({
      file: await k6CsvFiles({ runDir: dir }),
      onRow: (record, columns) => seen.push(`${record[columns.name]}:${record[columns.value]}@${record[columns.timestamp]}`),
    });
    expect(rows).toBe(3);
    expect(seen).toEqual(['a:5@1000', 'b:6@1001', 'c:7@1002']);
  });
});
