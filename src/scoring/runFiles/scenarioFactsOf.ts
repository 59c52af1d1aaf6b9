import { clientNameOf } from './clientNameOf.ts';

/** What a report tells its reader about the scenario and the client, from scenario.resolved.json. */
export interface ScenarioFacts {
  description?: string;
  basedOn?: string[];
  /** `client.name`, else derived from the client's command or URL. */
  clientName?: string;
}

/** The scenario's description, sources and client name from scenario.resolved.json's content (read once, by readRunInfo); none without it. */
export function scenarioFactsOf(resolved: Record<string, unknown> | undefined): ScenarioFacts {
  if (!resolved) return {};
  const client = (resolved.client ?? {}) as { name?: unknown; command?: unknown; url?: unknown };
  const command = Array.isArray(client.command) ? client.command.filter((arg): arg is string => typeof arg === 'string') : undefined;
  const derived = typeof client.name === 'string' ? client.name : clientNameOf({ ...(command ? { command } : {}), ...(typeof client.url === 'string' ? { url: client.url } : {}) });
  const basedOn = Array.isArray(resolved.basedOn) ? resolved.basedOn.filter((line): line is string => typeof line === 'string') : [];
  return {
    ...(typeof resolved.description === 'string' && resolved.description.trim() ? { description: resolved.description.trim() } : {}),
    ...(basedOn.length > 0 ? { basedOn } : {}),
    ...(derived !== undefined ? { clientName: derived } : {}),
  };
}
