/** JSON.stringify replacer: a bigint becomes its decimal string, since JSON has no bigints. */
export function jsonReplacer(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

/** JSON text of any history-derived value (bigints as decimal strings). */
export function toJsonText(value: unknown, indent?: number): string {
  return JSON.stringify(value, jsonReplacer, indent) ?? 'null';
}
