const BIG_MARK = '\u0000bigint:';

/**
 * JSON.parse that keeps integers beyond 2^53 exact, as bigint (histories may hold 64-bit ids).
 * The slow path runs only when the text has a run of 16+ digits.
 */
export function parseJsonValue(text: string): unknown {
  if (!/\d{16}/.test(text)) return JSON.parse(text);
  return JSON.parse(markBigIntegers(text), (_key, value: unknown) =>
    typeof value === 'string' && value.startsWith(BIG_MARK) ? BigInt(value.slice(BIG_MARK.length)) : value,
  );
}

/** Rewrites unsafe integer literals outside strings as marked strings the reviver turns into bigint. */
function markBigIntegers(text: string): string {
  let out = '';
  let chunk = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i++;
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      const start = i;
      i++;
      while (i < text.length && /[0-9.eE+-]/.test(text[i]!)) i++;
      const literal = text.slice(start, i);
      if (/^-?\d+$/.test(literal) && !Number.isSafeInteger(Number(literal))) {
        out += text.slice(chunk, start) + JSON.stringify(BIG_MARK + literal);
        chunk = i;
      }
    } else {
      i++;
    }
  }
  return out + text.slice(chunk);
}
