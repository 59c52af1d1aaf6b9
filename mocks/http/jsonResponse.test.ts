import { describe, expect, it } from 'vitest';
import { HttpResponse } from 'msw';
import { jsonResponse, knownBody } from './jsonResponse.ts';

describe('jsonResponse', () => {
  it('is a real MSW HttpResponse whose body reads back through every Fetch API method', async () => {
    const response = jsonResponse(201, { uhid: '100000000001', n: 1 }, { 'x-extra': 'yes' });
    expect(response).toBeInstanceOf(Response);
    expect(response).toBeInstanceOf(HttpResponse);
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('x-extra')).toBe('yes');
    expect(knownBody(response)).toBe('{"uhid":"100000000001","n":1}');
    expect(response.bodyUsed).toBe(false);
    const copy = response.clone();
    expect(await response.json()).toEqual({ uhid: '100000000001', n: 1 });
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow();
    expect(() => response.clone()).toThrow(TypeError);
    expect(copy.status).toBe(201);
    expect(await copy.text()).toBe('{"uhid":"100000000001","n":1}');
  });

  it('gives a readable body stream and an ArrayBuffer', async () => {
    const streamed = jsonResponse(200, { ok: true });
    const chunks: Uint8Array[] = [];
    const reader = streamed.body!.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value);
    expect(Buffer.concat(chunks).toString('utf8')).toBe('{"ok":true}');
    expect(streamed.bodyUsed).toBe(true);
    const bytes = await jsonResponse(200, [1, 2]).arrayBuffer();
    expect(Buffer.from(bytes).toString('utf8')).toBe('[1,2]');
  });

  it('leaves responses it did not make alone', () => {
    expect(knownBody(HttpResponse.json({ a: 1 }))).toBeUndefined();
  });
});
