import { profiles } from '../profiles/registry.ts';

/** One line per profile for `thap generate --list`: name, unit, default size, summary. */
export function listProfiles(): string[] {
  const width = Math.max(...profiles.map((p) => p.name.length));
  return profiles.map((p) => {
    const variants = p.variants ? ` [variants: ${p.variants.map((v) => v.name).join(', ')}]` : '';
    return `${p.name.padEnd(width)}  ${p.unit.padEnd(8)}  ${p.summary}${variants}`;
  });
}
