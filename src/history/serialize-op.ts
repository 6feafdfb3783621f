import type { Op } from '../core/op.js';

const FIRST = ['index', 'type', 'process', 'f', 'value', 'time'] as const;

/**
 * One op as one JSON line (no newline), fields in a fixed order: index, type, process, f, value,
 * time, then the rest. bigint values are written as bare integer literals so they read back exact.
 */
export function serializeOp(op: Op): string {
  const ordered: Record<string, unknown> = {};
  for (const key of FIRST) ordered[key] = op[key];
  for (const key of Object.keys(op)) if (!(key in ordered) && op[key] !== undefined) ordered[key] = op[key];
  let bigs: string[] | undefined;
  const json = JSON.stringify(ordered, (_key, value: unknown) => {
    if (typeof value !== 'bigint') return value;
    (bigs ??= []).push(value.toString());
    return `\u0000big${bigs.length - 1}`;
  });
  if (bigs === undefined) return json;
  const found = bigs;
  return json.replace(/"\\u0000big(\d+)"/g, (_m, i: string) => found[Number(i)]!);
}
