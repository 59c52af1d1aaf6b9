// A bad client: each NIC call gets a short timeout (5 simulated seconds) and up to three attempts back to back,
// none with an Idempotency-Key. When NIC is merely slow, every attempt it times out is still stored at NIC,
// so one patient is registered two or three times (issue 13: "retries writes without an idempotency key").
// It keeps no queue: the last attempt's answer is the client's. Each outcome line carries `attempts`, so a
// test knows the exact number of extra records thap must find.
import type { StepStrategy } from '../shared/journeyRoute.ts';
import { attemptReason } from '../shared/attemptNic.ts';
import { failedReply } from '../shared/replies.ts';
import { replyFromNic } from '../shared/replyFromNic.ts';
import { runClient } from '../shared/runClient.ts';
import { startStrategyClient } from '../shared/startStrategyClient.ts';
import { wallMs } from '../shared/timeScale.ts';
import { hammer } from '../retry-storm/hammer.ts';

/** Attempts per request, back to back, and the simulated seconds each may take. */
const attemptsPerRequest = 3;
const attemptTimeoutSimSeconds = 5;

await runClient({
  name: 'bad-retries-without-key',
  start: (config) => {
    const attemptTimeoutMs = Math.ceil(wallMs({ simSeconds: attemptTimeoutSimSeconds, timeScale: config.timeScale, floorMs: 50 }));
    const strategy: StepStrategy = async ({ step, correlationId, baseUrl, nicRequest, session }) => {
      const { last, attempts } = await hammer({ baseUrl, nicRequest, correlationId, session, attempts: attemptsPerRequest, attemptTimeoutMs });
      if (last.kind === 'ok') return { ...replyFromNic({ step, correlationId, response: last.response }), attempts };
      return { ...failedReply({ correlationId, reason: attemptReason(last, step.service), httpStatus: last.kind === 'error-status' ? 502 : 503 }), attempts };
    };
    return startStrategyClient({ config, strategy });
  },
});
