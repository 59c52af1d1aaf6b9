import { mockFaultConfig } from './mockFaultConfig.ts';

/** Answers whose bodies dribble out, stop halfway, or are not JSON. */
export const slowBody = mockFaultConfig({ kind: 'slow-body', mockKind: 'slow-body', summary: 'answer bodies are sent a few bytes at a time' });
export const truncatedBody = mockFaultConfig({ kind: 'truncated-body', mockKind: 'truncated-body', summary: 'answer bodies are cut off and the connection closed' });
export const malformedBody = mockFaultConfig({ kind: 'malformed-body', mockKind: 'malformed-body', summary: 'answer bodies are malformed JSON' });
