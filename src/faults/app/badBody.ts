import { mockFault } from './mockFault.ts';

/** Answers whose bodies dribble out, stop halfway, or are not JSON. */
export const slowBody = mockFault({ kind: 'slow-body', mockKind: 'slow-body', summary: 'answer bodies are sent a few bytes at a time' });
export const truncatedBody = mockFault({ kind: 'truncated-body', mockKind: 'truncated-body', summary: 'answer bodies are cut off and the connection closed' });
export const malformedBody = mockFault({ kind: 'malformed-body', mockKind: 'malformed-body', summary: 'answer bodies are malformed JSON' });
