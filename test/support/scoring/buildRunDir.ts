import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What the simulated client did with one request, decided by the fixture's `respond`. */
export interface FixtureAnswer {
  /** The client's HTTP answer was expected (2xx). */
  ok: boolean;
  latencyMs: number;
  /** The client-side outcome sample; omit for none. */
  outcome?: 'done' | 'queued' | 'failed' | 'invalid';
  /** How many stored ledger lines the write produced (0 = lost, 2 = duplicated). Default 1 when ok and done/queued. */
  stored?: number;
  /** Offset from the request's start to its ledger storedAt; default its latency. */
  storedAfterMs?: number;
  /**
   * The NIC id a done answer claims (k6 metadata `nic`): by default the id of its first ledger line (ids are
   * `V<seq>`, seq counting every line of the run from 1), none when it has no line; `claimLine` picks another
   * of its lines, `claimedId` names any id (a made-up one, or another request's).
   */
  claimLine?: number;
  claimedId?: string;
  /** Upstream attempts the client made for it; default 1. */
  upstreamAttempts?: number;
  /** Spacing of those attempts in ms; default 100. */
  attemptGapMs?: number;
}

export interface FixtureFault {
  id: string;
  kind?: string;
  service?: string;
  /** Offsets from the run's start, ms. */
  fromMs: number;
  toMs: number;
  applyOk?: boolean;
  /** Leave out the remove line (a crashed fault driver). */
  noRemove?: boolean;
  /** The one-line description in faults.ndjson; default "<service>: <kind>". */
  describe?: string;
  /** Actual minus planned time of both actions, ms; default 0. */
  driftMs?: number;
  /** What the fault touched, written on its remove line: an app fault's hits, a network fault's bytes (null: proxy disabled). */
  hits?: number;
  bytes?: number | null;
}

export interface BuildRunDirOptions {
  dir?: string;
  name?: string;
  seed?: number;
  fingerprint?: string;
  startedAt?: number;
  durationMs: number;
  ratePerSec: number;
  faults?: FixtureFault[];
  gates?: string[];
  status?: 'completed' | 'interrupted' | 'error';
  scoring?: { sloMs?: number; holdWindowMs?: number; epsilon?: number };
  /** Decides each request's fate; `inFault` says whether it started inside a fault window. */
  respond: (request: { index: number; offsetMs: number; inFault: boolean }) => FixtureAnswer;
  /** Also write the other built-in k6 rows of a real request (about 13 per request), as k6 does. */
  fullK6Rows?: boolean;
  /** NIC capacity in requests per second, written as plan.services.ehospital.capacity.ratePerSec. */
  capacityPerSec?: number;
  /** The client command written to scenario.resolved.json (omitted when absent). */
  client?: string[];
  /** Correlation ids are `<entityPrefix><index>`; default `pt-`. Real runs use longer ids like `20261123T133646Z-reg-0`. */
  entityPrefix?: string;
  /** Write upstream.ndjson (default true). */
  upstream?: boolean;
  /** Extra run.json fields (`client`, `harness`: docs/run-directory.md). */
  runJson?: Record<string, unknown>;
  /** Extra plan.json fields (`clock`, `traffic`). */
  plan?: Record<string, unknown>;
  /** harness.ndjson lines (the harness monitor's probes); `t` as an offset from the run's start. Omitted: no file. */
  harnessProbes?: Array<{ atMs: number; target: string; ok: boolean; latencyMs?: number; eventLoopP99Ms?: number; error?: string }>;
  /** plan.json `clock`: simulated ms of day at the start and simulated seconds per wall second; default 09:00 at 60x (the demo's speed). */
  clock?: { startSim?: number; speed?: number };
  /** run.json `client`: the health check before load and the client's exits (INTERFACES.md). */
  runClient?: { health?: { url: string; ok: boolean; checkedAt: number; error?: string }; exits?: Array<{ at: number; code: number | null; signal: string | null }> };
  /** Write visits-consignment.json: each visit entity (`<entityPrefix><index>`) with its batch size; `respond` still decides the answers. */
  consignmentBatches?: Record<string, number>;
  /** Appended to each entity to make its correlation id, as the k6 script does (`.createConsignment`); default none. */
  correlationSuffix?: string;
  /** The journey step every request is tagged with; default `register`. */
  step?: string;
  /** Write plan.json `drain` with the deadline this many wall ms after the run's end (on the fixture's clock). */
  drainDeadlineAfterMs?: number;
}

const HEADER = 'metric_name,timestamp,metric_value,check,error,error_code,expected_response,group,method,name,proto,scenario,service,status,subproto,tls_version,url,extra_tags,metadata';
const EXTRA_METRICS = ['http_req_blocked', 'http_req_connecting', 'http_req_tls_handshaking', 'http_req_sending', 'http_req_waiting', 'http_req_receiving', 'http_req_failed', 'data_sent', 'data_received', 'iteration_duration', 'iterations'];

/**
 * Writes a synthetic run directory (run.json, plan.json, k6.csv, faults.ndjson, ledger.ndjson, upstream.ndjson)
 * in the shapes of docs/run-directory.md and docs/nic-mocks.md, for scoring and report tests. Requests arrive
 * at a constant rate; `respond` decides each one. Streams k6.csv, so it can write millions of rows.
 */
export async function buildRunDir(options: BuildRunDirOptions): Promise<{ runDir: string; requests: number; startedAt: number; endedAt: number }> {
  const runDir = options.dir ?? (await mkdtemp(join(tmpdir(), 'thap-run-')));
  await mkdir(runDir, { recursive: true });
  const startedAt = options.startedAt ?? 1_700_000_000_000;
  const endedAt = startedAt + options.durationMs;
  const faults = options.faults ?? [];
  const name = options.name ?? 'fixture';
  await writeFile(join(runDir, 'run.json'), JSON.stringify({ runId: `${name}-run`, status: options.status ?? 'completed', startedAt, endedAt, t0: startedAt, ...(options.runClient ? { client: options.runClient } : {}), ...options.runJson }));
  const clock = { startSim: options.clock?.startSim ?? 9 * 3_600_000, speed: options.clock?.speed ?? 60 };
  if (options.consignmentBatches) {
    const visits = Object.entries(options.consignmentBatches).map(([entity, size]) => ({ entity, batch: Array.from({ length: size }, (_, index) => `srf-${index}`) }));
    await writeFile(join(runDir, 'visits-consignment.json'), JSON.stringify(visits));
  }
  await writeFile(
    join(runDir, 'plan.json'),
    JSON.stringify({
      scenario: { name, fingerprint: options.fingerprint ?? `sha256:${name}`, seed: options.seed ?? 42 },
      clock,
      gates: options.gates ?? [],
      ...(options.scoring ? { scoring: options.scoring } : {}),
      ...(options.capacityPerSec ? { services: { ehospital: { capacity: { ratePerSec: options.capacityPerSec } } } } : {}),
      ...(options.drainDeadlineAfterMs !== undefined ? { drain: drainOf(clock, options.durationMs + options.drainDeadlineAfterMs, options.drainDeadlineAfterMs) } : {}),
      ...options.plan,
    }),
  );
  await writeFile(
    join(runDir, 'faults.ndjson'),
    faults
      .flatMap((fault) => {
        const base = { faultId: fault.id, kind: fault.kind ?? 'down', service: fault.service ?? 'ehospital', describe: fault.describe ?? `${fault.service ?? 'ehospital'}: ${fault.kind ?? 'down'}` };
        const apply = { ...base, action: 'apply', plannedAt: startedAt + fault.fromMs, actualAt: startedAt + fault.fromMs + (fault.driftMs ?? 0), driftMs: fault.driftMs ?? 0, ok: fault.applyOk ?? true, ...(fault.applyOk === false ? { error: 'toxiproxy refused' } : {}) };
        const remove = { ...base, action: 'remove', plannedAt: startedAt + fault.toMs, actualAt: startedAt + fault.toMs + (fault.driftMs ?? 0), driftMs: fault.driftMs ?? 0, ok: true, ...(fault.hits !== undefined ? { hits: fault.hits } : {}), ...(fault.bytes !== undefined ? { bytes: fault.bytes } : {}) };
        return fault.noRemove ? [apply] : [apply, remove];
      })
      .map((line) => `${JSON.stringify(line)}\n`)
      .join(''),
  );
  if (options.harnessProbes) await writeFile(join(runDir, 'harness.ndjson'), options.harnessProbes.map(({ atMs, ...probe }) => `${JSON.stringify({ t: startedAt + atMs, ...probe })}\n`).join(''));
  if (options.client) await writeFile(join(runDir, 'scenario.resolved.json'), JSON.stringify({ name, seed: options.seed ?? 42, client: { command: options.client } }));
  const k6 = createWriteStream(join(runDir, 'k6.csv'));
  const ledger = createWriteStream(join(runDir, 'ledger.ndjson'));
  const upstream = options.upstream === false ? undefined : createWriteStream(join(runDir, 'upstream.ndjson'));
  const write = async (stream: NodeJS.WritableStream, text: string) => {
    if (!stream.write(text)) await once(stream, 'drain');
  };
  await write(k6, `${HEADER}\n`);
  const gapMs = 1000 / options.ratePerSec;
  const total = Math.floor((options.durationMs / 1000) * options.ratePerSec);
  let seq = 0;
  for (let index = 0; index < total; index += 1) {
    const offsetMs = Math.round(index * gapMs);
    const start = startedAt + offsetMs;
    const inFault = faults.some((fault) => fault.applyOk !== false && offsetMs >= fault.fromMs + (fault.driftMs ?? 0) && offsetMs < fault.toMs + (fault.driftMs ?? 0));
    const answer = options.respond({ index, offsetMs, inFault });
    const entity = `${options.entityPrefix ?? 'pt-'}${index}${options.correlationSuffix ?? ''}`;
    const end = start + Math.round(answer.latencyMs);
    const status = answer.ok ? 200 : 503;
    const tags = `,,,,${answer.ok},,POST,register,HTTP/1.1,opd,,${status},,,register,,entity=${entity}\n`;
    let rows = `http_reqs,${end},1.000000${tags}http_req_duration,${end},${answer.latencyMs.toFixed(6)}${tags}`;
    if (options.fullK6Rows) for (const metric of EXTRA_METRICS) rows += `${metric},${end},0.000000${tags}`;
    const accepted = answer.outcome === 'done' || answer.outcome === 'queued';
    const storedCount = answer.stored ?? (accepted ? 1 : 0);
    const claim = answer.outcome !== 'done' ? undefined : (answer.claimedId ?? (storedCount > (answer.claimLine ?? 0) ? `V${seq + 1 + (answer.claimLine ?? 0)}` : undefined));
    if (answer.outcome) rows += `thap_outcome,${end + 1},1.000000,,,,,,,,,opd,,,,,,outcome=${answer.outcome}&step=${options.step ?? 'register'},entity=${entity}${claim === undefined ? '' : `&nic=${claim}`}\n`;
    await write(k6, rows);
    for (let copy = 0; copy < storedCount; copy += 1) {
      seq += 1;
      const storedAt = start + (answer.storedAfterMs ?? Math.round(answer.latencyMs)) + copy;
      await write(ledger, `${JSON.stringify({ seq, service: 'ehospital', entity: 'registration', id: `V${seq}`, idempotencyKey: null, clientRef: entity, clientId: '127.0.0.1', businessKey: `registration|${entity}`, acceptedAt: storedAt, storedAt })}\n`);
    }
    if (upstream) {
      const attempts = answer.upstreamAttempts ?? 1;
      for (let attempt = 0; attempt < attempts; attempt += 1) {
        const t = start + attempt * (answer.attemptGapMs ?? 100);
        await write(upstream, `${JSON.stringify({ t, service: 'ehospital', clientId: '127.0.0.1', method: 'POST', path: '/ehospital/registrations', route: '/registrations', status: answer.ok ? 201 : 503, durationMs: 1, queuedMs: 0, clientRef: entity, idempotencyKey: null, fault: null, replay: false, retryAfterHonoured: null })}\n`);
      }
    }
  }
  await Promise.all([k6, ledger, ...(upstream ? [upstream] : [])].map(async (stream) => {
    stream.end();
    await once(stream, 'finish');
  }));
  return { runDir, requests: total, startedAt, endedAt };
}

/** plan.json's `drain` (src/scenario/plan.ts) on a clock where simulated time is wall time from 00:00. */
function drainOf(clock: { startSim: number; speed: number }, deadlineWallMs: number, afterLoadMs: number): { afterLoadSim: number; deadlineSim: number; deadlineWallMs: number } {
  return { afterLoadSim: afterLoadMs * clock.speed, deadlineSim: clock.startSim + deadlineWallMs * clock.speed, deadlineWallMs };
}
