const RECEIVED = /^toxiproxy_proxy_received_bytes_total\{([^}]*)\}\s+(\S+)/;
const PROXY_LABEL = /(?:^|,)proxy="((?:[^"\\]|\\.)*)"/;

/**
 * Bytes received per proxy, both directions summed, from Toxiproxy's Prometheus text (its -proxy-metrics
 * counter `toxiproxy_proxy_received_bytes_total{direction,listener,proxy,upstream}`).
 */
export function receivedBytesOf(metricsText: string): Record<string, number> {
  const bytes: Record<string, number> = {};
  for (const line of metricsText.split('\n')) {
    const sample = RECEIVED.exec(line);
    const proxy = sample && PROXY_LABEL.exec(sample[1] as string)?.[1];
    const value = sample ? Number(sample[2]) : NaN;
    if (proxy === undefined || proxy === null || !Number.isFinite(value)) continue;
    bytes[proxy] = (bytes[proxy] ?? 0) + value;
  }
  return bytes;
}
