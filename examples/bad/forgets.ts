/**
 * Whether the dropping client silently forgets the write with this correlation id: a seeded hash of the id
 * (FNV-1a, 32 bits) below `share` of the range, so the same seed forgets the same writes in every run and a
 * test can count them exactly from the ids alone.
 */
export function forgets(args: { seed: number; share: number; correlationId: string }): boolean {
  let hash = 0x811c9dc5;
  for (const char of `${args.seed}:${args.correlationId}`) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash / 2 ** 32 < args.share;
}

/** The drop share and seed the dropping client reads from its environment (defaults: 5%, seed 1). */
export function dropSettings(env: NodeJS.ProcessEnv): { seed: number; share: number } {
  const share = Number(env.BAD_CLIENT_DROP_SHARE ?? '0.05');
  const seed = Number(env.BAD_CLIENT_DROP_SEED ?? '1');
  if (!(share >= 0 && share <= 1)) throw new Error(`BAD_CLIENT_DROP_SHARE must be a number from 0 to 1 (got ${JSON.stringify(env.BAD_CLIENT_DROP_SHARE)}); e.g. 0.05`);
  if (!Number.isInteger(seed)) throw new Error(`BAD_CLIENT_DROP_SEED must be an integer (got ${JSON.stringify(env.BAD_CLIENT_DROP_SEED)}); e.g. 1`);
  return { seed, share };
}
