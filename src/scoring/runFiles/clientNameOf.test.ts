import { describe, expect, it } from 'vitest';
import { clientNameOf } from './clientNameOf.ts';

describe('clientNameOf', () => {
  it('names a client by the directory of a generic script', () => {
    expect(clientNameOf({ command: ['node', '--import', 'tsx', 'examples/naive/server.ts'] })).toBe('naive');
  });
  it('names it by the script when the script says more', () => {
    expect(clientNameOf({ command: ['python3', 'vendors/arogya_his.py', '--port', '8080'] })).toBe('arogya_his');
  });
  it('names a running client by its host and port', () => {
    expect(clientNameOf({ url: 'http://127.0.0.1:8080/' })).toBe('127.0.0.1:8080');
  });
  it('falls back to the program', () => {
    expect(clientNameOf({ command: ['/opt/his/bin/his-server'] })).toBe('his-server');
    expect(clientNameOf({})).toBeUndefined();
  });
});
