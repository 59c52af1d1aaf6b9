import { readAnswer, type ReadAnswer } from './readAnswer.ts';
import { readVendorAnswer } from './readVendorAnswer.ts';
import { mappedRequest, readMappedReply } from './vendorStep.ts';
import type { Phone } from './readOtpOffPhone.ts';
import { verifyByPhone } from './verifyByPhone.ts';
import type { Replay, ScriptData, Slip, Visit } from './scriptData.ts';
import { fillPath, trafficSteps } from './trafficSteps.ts';

/**
 * One outcome sample (`thap_outcome`): tags `step`, `outcome` (and `region`); metadata `entity`, and with a
 * done write `nic` (its claimed ledger id) and, for a step NIC finishes in its callback, `nicLater` (the
 * claimed callback id). Both are URI-encoded (readAnswer.ts), so neither can break the metadata column.
 */
export interface OutcomeSample {
  step: string;
  outcome: 'done' | 'queued' | 'failed' | 'invalid' | 'blocked';
  region?: string;
  entity: string;
  nic?: string;
  nicLater?: string;
}

/** What a visit does to the world: k6's side in script.ts, a fake in the tests. */
export interface VisitIo {
  /** One request to the client, tagged `name` = step (and `region`), with `entity` as the samples' metadata. */
  send(request: { method: string; url: string; body: string | null; headers: Record<string, string>; step: string; region?: string; entity: string }): { status: number; body: string | null };
  sleepMs(ms: number): void;
  record(sample: OutcomeSample): void;
  /** The patient's phone (the SMS mock's inbox); absent where thap gives none (k6-operator): OTPs are then not verified. */
  phone?: Phone;
  /** thap's slip store (empty answers without one, e.g. under k6-operator: later visits are then blocked). */
  slips: {
    get(entity: string): Slip;
    lookup(entities: string[]): Record<string, Slip>;
    put(entity: string, kept: Slip): void;
  };
}

/** Where a visit's requests go: its region's client when it has one, else the one target. */
export interface Targets {
  target: string;
  byRegion: Record<string, string>;
}

/**
 * Replays one visit: starts from the slips it reads (its own, or its batch's SRF ids for a consignment), then
 * for each step sleeps the step's think time (wall clock) and sends it with `<correlation header>:
 * <entity>.<step>`. A step whose ids never came is `blocked`, not sent. Ids the answers give go on the slip,
 * and what changed is put back for later visits, as staff read ids off the paper slip.
 */
export function replayVisit({ visit, replay, data, targets, io }: { visit: Visit; replay: Replay; data: ScriptData; targets: Targets; io: VisitIo }): void {
  const slip: Slip = replay.reads === 'own' ? io.slips.get(visit.entity) : {};
  if (visit.record) slip.record = visit.record;
  if (replay.reads === 'batch') {
    const srfIds = Object.values(io.slips.lookup(visit.batch ?? [])).map((sample) => sample.srfId).filter((id) => id !== undefined);
    if (srfIds.length > 0) slip.srfIds = srfIds;
  }
  const kept: Slip = {};
  for (const step of visit.steps) {
    if (step.thinkMs > 0) io.sleepMs(step.thinkMs);
    const before = { ...slip };
    if (step.name === 'otp-verify') {
      verifyByPhone({ slip, phone: io.phone, wait: replay.phone ?? data.phone, sleepMs: io.sleepMs, send: (stepName) => sendStep({ visit, stepName, slip, data, targets, io }) });
    } else sendStep({ visit, stepName: step.name, slip, data, targets, io });
    for (const key of Object.keys(slip)) if (key !== 'record' && key !== 'srfIds' && slip[key] !== before[key]) kept[key] = slip[key];
  }
  if (replay.keepsRecord && visit.record) kept.record = visit.record;
  if (data.slipsNeeded && Object.keys(kept).length > 0) io.slips.put(visit.entity, kept);
}

function sendStep({ visit, stepName, slip, data, targets, io }: { visit: Visit; stepName: string; slip: Slip; data: ScriptData; targets: Targets; io: VisitIo }): void {
  const definition = trafficSteps[stepName];
  if (!definition) return; // e.g. 'lookup': no contract step.
  const route = data.contract[definition.step];
  if (!route) throw new Error(`script-data.json has no contract route for step ${definition.step}`);
  const entity = `${visit.entity}.${definition.step}`;
  const region = visit.region;
  const where = region ? { region } : {};
  if (definition.needs.some((field) => slip[field] === undefined || slip[field] === null)) {
    io.record({ step: definition.step, outcome: 'blocked', entity, ...where });
    return;
  }
  const base = (region && targets.byRegion[region]) || targets.target;
  const body = route.method === 'GET' ? undefined : definition.body ? definition.body(slip, { labCode: data.labCode }) : {};
  const tags = { step: definition.step, entity, ...where };
  const ledger = { ...(route.ledgerId === undefined ? {} : { ledgerId: route.ledgerId }), ...(route.callbackLedgerId === undefined ? {} : { callbackLedgerId: route.callbackLedgerId }) };
  const vendorStep = data.vendor?.steps[definition.step];
  let answer: ReadAnswer;
  if (data.vendor && vendorStep) {
    // The vendor's own API: a GET's path placeholders come from the slip, a write's fields from the contract body.
    const request = mappedRequest({ stepMapping: vendorStep, correlationHeader: data.vendor.correlationHeader, request: (body ?? slip) as Record<string, unknown>, correlationId: entity });
    const response = io.send({ method: request.method, url: base + request.path, body: request.body === undefined ? null : JSON.stringify(request.body), headers: request.headers, ...tags });
    answer = readVendorAnswer({ reply: readMappedReply({ reply: vendorStep.reply, httpStatus: response.status, body: parseJson(response.body) }), keep: definition.keep, ...ledger });
  } else {
    const response = io.send({
      method: route.method,
      url: base + fillPath(route.path, slip),
      body: body === undefined ? null : JSON.stringify(body),
      headers: { 'content-type': 'application/json', [data.headers.correlationId]: entity },
      ...tags,
    });
    answer = readAnswer({ status: response.status, body: response.body, keep: definition.keep, ...ledger });
  }
  const { outcome, ids, nicId, callbackNicId } = answer;
  io.record({ step: definition.step, outcome, entity, ...where, ...(nicId === undefined ? {} : { nic: nicId }), ...(callbackNicId === undefined ? {} : { nicLater: callbackNicId }) });
  Object.assign(slip, ids);
}

function parseJson(text: string | null): unknown {
  try {
    return JSON.parse(text ?? '');
  } catch {
    return undefined;
  }
}
