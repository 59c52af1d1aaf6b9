import { Agent } from 'undici';
import type { CallbackPoster, PostJob } from './callbackPoster.ts';
import { postCallback } from './postCallback.ts';

/** Sends callbacks from the serving thread: undici keep-alive pools (up to 64 connections per origin) driven by `dispatch`. */
export class InlinePoster implements CallbackPoster {
  private readonly agent = new Agent({ connections: 64 });

  constructor(private readonly timeoutMs: number) {}

  post(job: PostJob): void {
    postCallback({ dispatcher: this.agent, target: job.target, payload: job.payload, headers: job.headers ?? {}, timeoutMs: this.timeoutMs, onDone: job.onDone });
  }

  warm(): Promise<void> {
    return Promise.resolve();
  }

  async close(): Promise<void> {
    await this.agent.destroy();
  }
}
