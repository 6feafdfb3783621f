import { toJsonText } from './to-json-text.js';

const unsafe: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * JSON text safe to place inside a `<script>` element: `<`, `>`, `&`, U+2028 and U+2029 are
 * written as \u escapes, so neither `</script>` nor `<!--` in a value can end the element, and
 * JSON.parse still returns the original strings.
 */
export function jsonForScript(value: unknown): string {
  return toJsonText(value).replace(/[<>&\u2028\u2029]/g, (c) => unsafe[c]!);
}
