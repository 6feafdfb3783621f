const BIG_MARK = '\u0000bigint:';

/**
 * JSON.parse that keeps integers beyond 2^53 exact, as bigint (histories may hold 64-bit ids).
 * The slow path runs only when plain JSON.parse yields a number of magnitude 2^53 or more: any
 * integer literal that does not fit in a double exactly reads as such a number.
 */
export function parseJsonValue(text: string): unknown {
  const value: unknown = JSON.parse(text);
  if (!holdsHugeNumber(value)) return value;
  return JSON.parse(markBigIntegers(text), (_key, value: unknown) =>
    typeof value === 'string' && value.startsWith(BIG_MARK) ? BigInt(value.slice(BIG_MARK.length)) : value,
  );
}

/** Whether a parsed JSON value holds a number of magnitude at least 2^53 (where doubles skip integers). */
function holdsHugeNumber(value: unknown): boolean {
  if (typeof value === 'number') return value >= TWO_53 || value <= -TWO_53;
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) {
    for (const item of value) if (holdsHugeNumber(item)) return true;
    return false;
  }
  for (const key in value) if (holdsHugeNumber((value as Record<string, unknown>)[key])) return true;
  return false;
}

const TWO_53 = 2 ** 53;

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
