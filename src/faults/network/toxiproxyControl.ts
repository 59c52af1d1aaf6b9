import { Toxiproxy, type ICreateToxicBody, type ToxicType } from 'toxiproxy-node-client';
import { HarnessError } from '../../core/index.ts';
import { withTimeout } from '../../util/index.ts';
import { receivedBytesOf } from './receivedBytesOf.ts';

export interface ProxyState {
  name: string;
  listen: string;
  upstream: string;
  enabled: boolean;
  toxics: Array<{ name: string; type: string }>;
}

export interface ToxicSpec {
  name: string;
  type: ToxicType;
  stream: 'upstream' | 'downstream';
  /** Probability 0..1, rolled per connection by Toxiproxy (keep-alive clients see all or nothing). */
  toxicity: number;
  attributes: Record<string, number>;
}

/** The few Toxiproxy operations thap needs, each bounded by a timeout (control calls can stall under load). */
export interface ToxiproxyControl {
  /** The API this control talks to, when it is a real server (lets the fault worker thread open its own). */
  readonly apiUrl?: string;
  readonly timeoutMs?: number;
  createProxy(spec: { name: string; listen: string; upstream: string }): Promise<void>;
  setEnabled(proxyName: string, enabled: boolean): Promise<void>;
  addToxic(proxyName: string, toxic: ToxicSpec): Promise<void>;
  removeToxic(proxyName: string, toxicName: string): Promise<void>;
  removeProxy(proxyName: string): Promise<void>;
  listProxies(): Promise<ProxyState[]>;
  /**
   * Bytes each proxy has received so far, both directions summed (`toxiproxy_proxy_received_bytes_total`
   * of /metrics, served when the server runs with -proxy-metrics); a proxy missing from the map has no count.
   */
  receivedBytes(): Promise<Record<string, number>>;
}

/**
 * Controls a real Toxiproxy server through toxiproxy-node-client. The client's errors do not carry the
 * server's message, so every call is wrapped to say which operation on which proxy failed.
 */
export function createToxiproxyControl({ apiUrl, timeoutMs = 3_000 }: { apiUrl: string; timeoutMs?: number }): ToxiproxyControl {
  const client = new Toxiproxy(apiUrl);
  const call = async <T>(what: string, operation: () => Promise<T>): Promise<T> => {
    try {
      return await withTimeout(operation(), timeoutMs, `Toxiproxy: ${what}`);
    } catch (error) {
      throw new HarnessError(`Toxiproxy at ${apiUrl}: ${what} failed: ${(error as Error).message}`, { cause: error });
    }
  };
  return {
    apiUrl,
    timeoutMs,
    createProxy: ({ name, listen, upstream }) =>
      call(`create proxy ${name} (${listen} -> ${upstream})`, async () => {
        await client.createProxy({ name, listen, upstream, enabled: true });
      }),
    setEnabled: (proxyName, enabled) =>
      call(`${enabled ? 'enable' : 'disable'} proxy ${proxyName}`, async () => {
        const proxy = await client.get(proxyName);
        await proxy.update({ enabled, listen: proxy.listen, upstream: proxy.upstream });
      }),
    addToxic: (proxyName, toxic) =>
      call(`add ${toxic.type} toxic ${toxic.name} to ${proxyName}`, async () => {
        const proxy = await client.get(proxyName);
        const body: ICreateToxicBody<Record<string, number>> = {
          name: toxic.name,
          type: toxic.type,
          stream: toxic.stream,
          toxicity: toxic.toxicity,
          attributes: toxic.attributes,
        };
        await proxy.addToxic(body);
      }),
    removeToxic: (proxyName, toxicName) =>
      call(`remove toxic ${toxicName} from ${proxyName}`, async () => {
        const proxy = await client.get(proxyName);
        const toxic = await proxy.getToxic(toxicName);
        await toxic.remove();
      }),
    removeProxy: (proxyName) =>
      call(`remove proxy ${proxyName}`, async () => {
        const proxy = await client.get(proxyName);
        await proxy.remove();
      }),
    listProxies: () =>
      call('list proxies', async () => {
        // The client's Proxy objects do not carry their toxics: read the API's own listing.
        const response = await fetch(`${apiUrl}/proxies`, { signal: AbortSignal.timeout(timeoutMs) });
        if (!response.ok) throw new Error(`answered ${response.status}`);
        const proxies = (await response.json()) as Record<string, ProxyState & { toxics: Array<{ name: string; type: string }> | null }>;
        return Object.values(proxies).map(({ name, listen, upstream, enabled, toxics }) => ({
          name,
          listen,
          upstream,
          enabled,
          toxics: (toxics ?? []).map((toxic) => ({ name: toxic.name, type: toxic.type })),
        }));
      }),
    receivedBytes: () =>
      call('read proxy metrics', async () => {
        const response = await fetch(`${apiUrl}/metrics`, { signal: AbortSignal.timeout(timeoutMs) });
        if (!response.ok) throw new Error(`answered ${response.status} (is the server started with -proxy-metrics?)`);
        return receivedBytesOf(await response.text());
      }),
  };
}
