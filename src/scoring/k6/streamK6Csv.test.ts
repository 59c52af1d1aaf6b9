import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { streamK6Csv } from './streamK6Csv.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'thap-csv-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

const header = 'metric_name,timestamp,metric_value,check,error,error_code,expected_response,group,method,name,proto,scenario,service,status,subproto,tls_version,url,extra_tags,metadata';

describe('streamK6Csv', () => {
  it('delivers only the asked metrics, reads quoted fields through csv-parse, counts every row', async () => {
    const file = join(dir, 'k6.csv');
    await writeFile(
      file,
      [
        header,
        'http_reqs,1000,1.000000,,,,true,,GET,lookup,HTTP/1.1,a,,200,,,u,,entity=pt-1',
        'http_req_duration,1000,12.5,,,,true,,GET,lookup,HTTP/1.1,a,,200,,,"http://x/?a=1,b=2",,entity=pt-1',
        'http_req_duration,1001,3.25,,,,false,,GET,lookup,HTTP/1.1,a,,503,,,http://x/,,entity=pt-2\r',
        '',
        'thap_outcome,1002,1.000000,,,,,,,,,a,,,,,,outcome=done&step=lookup,entity=pt-1',
      ].join('\n'),
    );
    const seen: string[][] = [];
    const rows = await streamK6Csv({ file, metrics: new Set(['http_req_duration']), onRow: (record, columns) => seen.push([record[columns.metric] ?? '', record[columns.value] ?? '', record[columns.status] ?? '', record[columns.metadata] ?? '']) });
    expect(rows).toBe(4);
    expect(seen).toEqual([
      ['http_req_duration', '12.5', '200', 'entity=pt-1'],
      ['http_req_duration', '3.25', '503', 'entity=pt-2'],
    ]);
  });

  it('follows the header when columns are reordered', async () => {
    const file = join(dir, 'reordered.csv');
    await writeFile(file, 'timestamp,metric_value,metric_name,metadata\n5,7.5,http_req_duration,entity=a\n6,1,http_reqs,entity=a\n');
    const seen: string[] = [];
    await streamK6Csv({ file, metrics: new Set(['http_req_duration']), onRow: (record, columns) => seen.push(`${record[columns.timestamp]}/${record[columns.value]}`) });
    expect(seen).toEqual(['5/7.5']);
  });

  it('names the file and the fix when the header is not k6', async () => {
    const file = join(dir, 'bad.csv');
    await writeFile(file, 'a,b,c\n1,2,3\n');
    await expect(streamK6Csv({ file, onRow: () => undefined })).rejects.toThrow(/bad\.csv: header lacks metric_name, timestamp, metric_value .*--out csv=FILE/);
  });
});
