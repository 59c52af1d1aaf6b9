import { describe, expect, it } from 'vitest';
import { BufferedRequest } from './bufferedRequest.ts';

describe('BufferedRequest', () => {
  it('is a real Request whose body reads back through the Fetch API, once', async () => {
    const request = new BufferedRequest('http://127.0.0.1/ehospital/v1/registrations', { method: 'POST', headers: { 'content-type': 'application/json', 'x-correlation-id': 'r1' } }, '{"a":1}');
    expect(request).toBeInstanceOf(Request);
    expect(request.method).toBe('POST');
    expect(request.headers.get('x-correlation-id')).toBe('r1');
    expect(request.bodyUsed).toBe(false);
    const copy = request.clone();
    expect(await request.json()).toEqual({ a: 1 });
    expect(request.bodyUsed).toBe(true);
    await expect(request.text()).rejects.toThrow();
    expect(() => request.clone()).toThrow(TypeError);
    expect(copy).toBeInstanceOf(Request);
    expect(copy.headers.get('x-correlation-id')).toBe('r1');
    expect(await copy.text()).toBe('{"a":1}');
  });

  it('has a null body when there is none, and a readable stream when there is one', async () => {
    expect(new BufferedRequest('http://127.0.0.1/x', { method: 'GET', headers: {} }, undefined).body).toBeNull();
    const reader = new BufferedRequest('http://127.0.0.1/x', { method: 'POST', headers: {} }, 'héllo').body!.getReader();
    const chunks: Uint8Array[] = [];
    for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value);
    expect(Buffer.concat(chunks).toString('utf8')).toBe('héllo');
  });
});
