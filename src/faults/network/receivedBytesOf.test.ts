import { describe, expect, it } from 'vitest';
import { receivedBytesOf } from './receivedBytesOf.ts';

// The text a real toxiproxy-server -proxy-metrics served for two proxies.
const METRICS = `# HELP toxiproxy_proxy_received_bytes_total 
# TYPE toxiproxy_proxy_received_bytes_total counter
toxiproxy_proxy_received_bytes_total{direction="downstream",listener="127.0.0.1:18555",proxy="ehospital",upstream="127.0.0.1:18999"} 566
toxiproxy_proxy_received_bytes_total{direction="upstream",listener="127.0.0.1:18555",proxy="ehospital",upstream="127.0.0.1:18999"} 79
toxiproxy_proxy_received_bytes_total{direction="upstream",listener="127.0.0.1:18556",proxy="icmr-tirupati",upstream="127.0.0.1:18998"} 1.5e+06
# TYPE toxiproxy_proxy_sent_bytes_total counter
toxiproxy_proxy_sent_bytes_total{direction="downstream",listener="127.0.0.1:18555",proxy="ehospital",upstream="127.0.0.1:18999"} 566
`;

describe('receivedBytesOf', () => {
  it('sums both directions of the received counter per proxy and ignores the sent counter', () => {
    expect(receivedBytesOf(METRICS)).toEqual({ ehospital: 645, 'icmr-tirupati': 1_500_000 });
  });

  it('has no entry for a proxy the server did not count (no -proxy-metrics, or no traffic yet)', () => {
    expect(receivedBytesOf('# HELP go_goroutines\ngo_goroutines 12\n')).toEqual({});
  });
});
