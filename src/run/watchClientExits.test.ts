import { describe, expect, it } from 'vitest';
import { clientExitMessage } from './watchClientExits.ts';

const failedHealth = { url: 'http://127.0.0.1:9/health', ok: false, checkedAt: 1, error: 'connection refused' };
const passedHealth = { url: 'http://127.0.0.1:9/health', ok: true, checkedAt: 1 };

describe('clientExitMessage', () => {
  it('says the client exited before it became healthy when its health check failed', () => {
    const line = clientExitMessage({ client: { health: failedHealth }, detail: 'code 1', log: 'run/client.log' });
    expect(line).toBe('the client exited before it became healthy (code 1); no load is sent to it (see run/client.log)');
  });

  it('says the client exited mid-run once it had passed its health check', () => {
    const line = clientExitMessage({ client: { health: passedHealth }, detail: 'signal SIGKILL', log: 'run/client.log' });
    expect(line).toBe('the client exited mid-run (signal SIGKILL); its answers stop here (see run/client.log)');
  });

  it('names the region of a regional client', () => {
    const line = clientExitMessage({ client: { region: 'lucknow', health: failedHealth }, detail: 'code 1', log: 'run/client-lucknow.log' });
    expect(line).toMatch(/^the client of region lucknow exited before it became healthy/);
  });
});
