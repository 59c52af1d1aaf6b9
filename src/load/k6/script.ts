// The k6 script thap runs (docs/run-directory.md, docs/client-contract.md): thap copies this folder into the run
// directory beside `script-data.json` (every value the script needs) and `visits-<series>.json` (the visits).
// k6 runs TypeScript natively and resolves the relative imports; only k6's own modules are imported.
import http from 'k6/http';
import exec from 'k6/execution';
import { sleep } from 'k6';
import { SharedArray } from 'k6/data';
import { Counter } from 'k6/metrics';
import { replayVisit, type OutcomeSample, type VisitIo } from './replayVisit.ts';
import type { ScriptData, Slip, Visit } from './scriptData.ts';

const data = JSON.parse(open('./script-data.json')) as ScriptData;
// Where each visit goes (k6ScriptEnv in src/load/prepareK6.ts): the client, each region's client, thap's endpoint.
const targets = { target: __ENV.THAP_TARGET ?? '', byRegion: JSON.parse(__ENV.THAP_TARGETS || '{}') as Record<string, string> };
const harness = __ENV.THAP_HARNESS_URL ?? '';
const requestTimeout = __ENV.THAP_REQUEST_TIMEOUT ?? '';
// The patient's phone: the SMS mock's own URL (not through Toxiproxy: the phone is not the client's NIC link).
const phoneUrl = __ENV.THAP_PHONE_URL ?? '';

export const options = data.options;

const outcomes = new Counter('thap_outcome');
const visits: Record<string, Visit[]> = {};
for (const { series } of Object.values(data.replays)) {
  visits[series] ??= new SharedArray(series, () => JSON.parse(open(`./visits-${series}.json`)) as Visit[]) as Visit[];
}

/** A call to thap's slip store; tagged `thap-slip` and left out of scoring. */
function slipStore(method: 'GET' | 'PUT' | 'POST', path: string, body?: unknown): Record<string, unknown> {
  if (!harness) return {};
  const response = http.request(method, harness + path, body === undefined ? null : JSON.stringify(body), { tags: { name: 'thap-slip' }, timeout: '5s' });
  return response.status === 200 && typeof response.body === 'string' && response.body ? (JSON.parse(response.body) as Record<string, unknown>) : {};
}

function record(sample: OutcomeSample): void {
  const metadata = exec.vu.metrics.metadata;
  metadata.entity = sample.entity;
  if (sample.nic !== undefined) metadata.nic = sample.nic;
  if (sample.nicLater !== undefined) metadata.nicLater = sample.nicLater;
  outcomes.add(1, { step: sample.step, outcome: sample.outcome, ...(sample.region ? { region: sample.region } : {}) });
  delete metadata.entity;
  delete metadata.nic;
  delete metadata.nicLater;
}

const io: VisitIo = {
  send({ method, url, body, headers, step, region, entity }) {
    exec.vu.metrics.metadata.entity = entity;
    const response = http.request(method, url, body, { headers, tags: { name: step, ...(region ? { region } : {}) }, timeout: requestTimeout });
    delete exec.vu.metrics.metadata.entity;
    return { status: response.status, body: typeof response.body === 'string' ? response.body : null };
  },
  sleepMs: (ms) => sleep(ms / 1000),
  record,
  ...(phoneUrl
    ? {
        phone: {
          inbox(mobile: string) {
            const response = http.get(`${phoneUrl}/sms/v1/inbox/${encodeURIComponent(mobile)}`, { tags: { name: 'thap-phone' }, timeout: '5s' });
            if (response.status !== 200 || typeof response.body !== 'string') return [];
            return (JSON.parse(response.body) as { messages?: Array<{ messageId: string; text: string }> }).messages ?? [];
          },
        },
      }
    : {}),
  slips: {
    get: (entity) => slipStore('GET', `/slips/${encodeURIComponent(entity)}`),
    lookup: (entities) => slipStore('POST', '/slips/lookup', { entities }) as Record<string, Slip>,
    put: (entity, kept) => void slipStore('PUT', `/slips/${encodeURIComponent(entity)}`, kept),
  },
};

/** Every k6 scenario's `exec`: iteration i of a scenario replays visit `first + i` of its series. */
export function replay(): void {
  const replay = data.replays[exec.scenario.name];
  const visit = replay && visits[replay.series]?.[replay.first + exec.scenario.iterationInTest];
  if (!replay || !visit) return;
  replayVisit({ visit, replay, data, targets, io });
}

/** Tells thap the moment load starts (t0), so faults are scheduled against k6's own clock. */
export function setup(): void {
  if (harness) http.get(`${harness}/t0`, { tags: { name: 'thap-beacon' } });
}
