import { describe, expect, it } from 'vitest';
import { parseWrk } from './wrk.ts';

const sample = `Running 5s test @ http://127.0.0.1:20001/x
  1 threads and 32 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   492.17us  100.21us   5.10ms   90.12%
  Latency Distribution
     50%  476.00us
     75%  510.00us
     90%  560.00us
     99%    1.20ms
  323456 requests in 5.00s, 60.12MB read
  Non-2xx or 3xx responses: 12
Requests/sec:  64691.20
Transfer/sec:     12.02MB
`;

describe('parseWrk', () => {
  it('reads throughput, p50 and p99 in milliseconds, requests and non-2xx', () => {
    expect(parseWrk(sample)).toEqual({ rps: 64691.2, p50Ms: 0.476, p99Ms: 1.2, requests: 323456, non2xx: 12, socketErrors: 0 });
  });
});
