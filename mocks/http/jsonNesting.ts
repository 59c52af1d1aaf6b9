/**
 * Request bodies nested deeper than this are refused with 400 before they are parsed: no NIC request is
 * nested more than 4 deep (docs/nic-mocks.md), and validating a body 10,000 arrays deep overflows the stack.
 */
export const MAX_JSON_DEPTH = 32;

/**
 * Whether JSON text opens more than `limit` arrays or objects inside one another, counted in one pass over
 * the text (brackets inside strings are not counted). Malformed text is left for `JSON.parse` to refuse.
 */
export function exceedsJsonDepth(text: string, limit = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c) i++; // backslash: skip the escaped character
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x5b || code === 0x7b) {
      if (++depth > limit) return true;
    } else if (code === 0x5d || code === 0x7d) depth--;
  }
  return false;
}
