// A bad client with no timeouts at all: each journey step waits for NIC's answer for as long as it takes,
// and when NIC refuses the connection it tries again 10 simulated seconds later, for ever. While NIC hangs
// (or is down), so does every counter (issue 13: "a client with no timeouts that hangs while NIC hangs").
import type { StepStrategy } from '../shared/journeyRoute.ts';
import { replyFromNic } from '../shared/replyFromNic.ts';
import { runClient } from '../shared/runClient.ts';
import { startStrategyClient } from '../shared/startStrategyClient.ts';
import { wallMs } from '../shared/timeScale.ts';
import { waitForNic } from './waitForNic.ts';

await runClient({
  name: 'bad-hangs-with-nic',
  start: (config) => {
    const pauseMs = wallMs({ simSeconds: 10, timeScale: config.timeScale, floorMs: 50 });
    const strategy: StepStrategy = async ({ step, correlationId, baseUrl, nicRequest, session }) => {
      const { response, attempts } = await waitForNic({ baseUrl, nicRequest, correlationId, pauseMs, session });
      return { ...replyFromNic({ step, correlationId, response }), attempts };
    };
    return startStrategyClient({ config, strategy });
  },
});
