import { describe, expect, it } from 'vitest';
import { CleanupStack } from './cleanupStack.ts';

describe('CleanupStack', () => {
  it('undoes in reverse order and runs every step even when some fail', async () => {
    const stack = new CleanupStack();
    const order: string[] = [];
    stack.defer('stop client', () => void order.push('client'));
    stack.defer('remove toxic', () => {
      order.push('toxic');
      throw new Error('proxy gone');
    });
    stack.defer('restore proxy', async () => void order.push('proxy'));
    const failures = await stack.runAll();
    expect(order).toEqual(['proxy', 'toxic', 'client']);
    expect(failures.map((failure) => `${failure.label}: ${failure.error.message}`)).toEqual(['remove toxic: proxy gone']);
    expect(stack.size).toBe(0);
  });

  it('bounds a hanging step by its timeout and goes on', async () => {
    const stack = new CleanupStack();
    let after = false;
    stack.defer('after', () => void (after = true));
    stack.defer('hangs', () => new Promise(() => undefined));
    const failures = await stack.runAll({ timeoutMs: 50 });
    expect(failures[0]?.error.message).toContain('timed out');
    expect(after).toBe(true);
  });

  it('runs once when called twice at the same time', async () => {
    const stack = new CleanupStack();
    let calls = 0;
    stack.defer('once', async () => void (calls += 1));
    await Promise.all([stack.runAll(), stack.runAll()]);
    expect(calls).toBe(1);
  });

  it('undoes at once what is deferred after runAll began (a start an interrupt abandoned)', async () => {
    const stack = new CleanupStack();
    const order: string[] = [];
    stack.defer('early', () => void order.push('early'));
    await stack.runAll();
    stack.defer('late', () => void order.push('late'));
    stack.defer('late and failing', () => {
      throw new Error('already gone');
    });
    const failures = await stack.lateFailures();
    expect(order).toEqual(['early', 'late']);
    expect(failures.map((failure) => failure.label)).toEqual(['late and failing']);
    expect(stack.size).toBe(0);
  });
});
