import { describe, expect, it } from 'vitest';
import { HarnessError } from '../../core/index.ts';
import { imagePullError } from './imagePullError.ts';

describe('imagePullError', () => {
  it.each([
    "(HTTP code 404) unexpected - pull access denied for nosuch/img, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
    '(HTTP code 500) server error - Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io on 127.0.0.53:53: no such host',
    '(HTTP code 404) no such container - No such image: ghcr.io/shopify/toxiproxy:2.12.0',
    '(HTTP code 404) unexpected - manifest for node:99 not found: manifest unknown: manifest unknown',
    '(HTTP code 429) unexpected - toomanyrequests: You have reached your pull rate limit.',
  ])('turns %j into one line naming the image and how to load it without a registry (exit 3)', (message) => {
    const error = imagePullError(new Error(message), 'ghcr.io/shopify/toxiproxy:2.12.0');
    expect(error).toBeInstanceOf(HarnessError);
    expect(error?.exitCode).toBe(3);
    expect(error?.message).toMatch(/^cannot pull the image ghcr\.io\/shopify\/toxiproxy:2\.12\.0 \(/);
    expect(error?.message).toContain('docker save ghcr.io/shopify/toxiproxy:2.12.0 -o image.tar');
    expect(error?.message).toContain('docker load -i image.tar');
    expect(error?.message).not.toContain('\n');
    expect(error?.message).not.toContain('HTTP code');
  });

  it('leaves other failures alone', () => {
    expect(imagePullError(new Error('container exited with code 1'), 'node:20')).toBeUndefined();
  });
});
