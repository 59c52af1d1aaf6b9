/**
 * A copy of `text` that does not keep its parent alive. V8 makes a substring of 13 or more characters a view
 * into the string it was cut from; an id cut from a 1 MB chunk of k6.csv and kept in a Set would keep the
 * whole chunk in memory. Concatenating first builds a new short string, so the view points into that instead.
 */
export function ownString(text: string): string {
  return (` ${text}`).slice(1);
}
