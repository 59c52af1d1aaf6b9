import type { BenchEntry } from './types.ts';
export default { name: 'mocks-open-loop', description: 'placeholder', run: async () => [] } satisfies BenchEntry;
