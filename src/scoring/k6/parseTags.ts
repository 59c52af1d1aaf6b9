/**
 * Reads one value out of k6's CSV `extra_tags` or `metadata` column, written as `key=value&key=value`
 * (order not fixed). Returns undefined when the key is absent. Cheap: no object is built per row.
 */
export function tagValue(text: string | undefined, key: string): string | undefined {
  if (!text) return undefined;
  let from = 0;
  while (from < text.length) {
    const amp = text.indexOf('&', from);
    const end = amp === -1 ? text.length : amp;
    const eq = text.indexOf('=', from);
    if (eq !== -1 && eq < end && eq - from === key.length && text.startsWith(key, from)) return text.slice(eq + 1, end);
    from = end + 1;
  }
  return undefined;
}
