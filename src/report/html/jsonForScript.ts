/**
 * JSON for an inline `<script type="application/json">`: `<`, `>`, `&`, the JavaScript line separators, DEL,
 * C1 controls, bidirectional overrides and noncharacters are written as \u escapes, so no value can close the
 * script element or start a comment, and the page's source holds no invisible character.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
