import { z } from 'zod';
import { nicUrlVar, serviceNames, type ServiceName } from '../../src/contract/services.ts';

/** What a reference client reads from its environment (docs/client-contract.md "Environment"). */
export interface ClientConfig {
  /** Listen on 127.0.0.1:port; 0 picks a free port (tests only). */
  port: number;
  /** Base URL of each NIC service, without a trailing slash; undefined when the variable is not set. */
  nic: Partial<Record<ServiceName, string>>;
  /** Simulated seconds per wall second: every timer is divided by it. */
  timeScale: number;
}

export class ClientConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ClientConfigError';
  }
}

const portSchema = z.coerce.number().int().min(0).max(65535);
const timeScaleSchema = z.coerce.number().positive().max(100_000);
const urlSchema = z.url({ protocol: /^https?$/ });

/**
 * Reads and checks the client's environment; every problem is reported at once, each naming the variable,
 * the bad value and the fix.
 */
export function readClientConfig(env: NodeJS.ProcessEnv = process.env): ClientConfig {
  const problems: string[] = [];
  const port = portSchema.safeParse(env.PORT ?? '');
  if (env.PORT === undefined || !port.success) {
    problems.push(`PORT: must be an integer 0-65535 (got ${JSON.stringify(env.PORT)}); set PORT=8080`);
  }
  const scale = timeScaleSchema.safeParse(env.THAP_TIME_SCALE ?? '1');
  if (!scale.success) {
    problems.push(
      `THAP_TIME_SCALE: must be a positive number of simulated seconds per wall second (got ${JSON.stringify(env.THAP_TIME_SCALE)}); e.g. THAP_TIME_SCALE=60`,
    );
  }
  const nic: ClientConfig['nic'] = {};
  for (const service of serviceNames) {
    const name = nicUrlVar(service);
    const value = env[name];
    if (value === undefined || value === '') continue;
    if (!urlSchema.safeParse(value).success) {
      problems.push(`${name}: must be an http(s) URL (got ${JSON.stringify(value)}); e.g. ${name}=http://127.0.0.1:21001`);
      continue;
    }
    nic[service] = value.replace(/\/+$/, '');
  }
  if (problems.length > 0) throw new ClientConfigError(`invalid client environment:\n  - ${problems.join('\n  - ')}`);
  return { port: port.data ?? 0, nic, timeScale: scale.data ?? 1 };
}

/** The base URL of one service, or an error that names the missing variable. */
export function requireNicUrl(config: ClientConfig, service: ServiceName): string {
  const url = config.nic[service];
  if (url === undefined) {
    throw new ClientConfigError(`${nicUrlVar(service)} is not set; set it to the base URL of the NIC ${service} service`);
  }
  return url;
}
