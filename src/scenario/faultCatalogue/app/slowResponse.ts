import { mockFaultConfig } from './mockFaultConfig.ts';

/** Answers come late by a fixed, uniform or lognormal (median, p99) delay: the slow write path of outages.md O4. */
export const slowResponse = mockFaultConfig({ kind: 'slow-response', mockKind: 'latency', summary: 'answers are delayed by a distribution (fixed, uniform, lognormal)' });
