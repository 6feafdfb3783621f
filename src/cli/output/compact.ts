/** A value printed compactly on one line (bigint as digits), cut at `max` characters. */
export function compact(value: unknown, max = 160): string {
  const text =
    JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
