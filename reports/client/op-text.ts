import type { ReportView } from './report-view.js';

const TYPE_NAMES = ['ok', 'fail', 'info', 'pending'];

/** `write 3`, `read → 2`: op row k in a few characters, for its bar. */
export function opLabel(v: ReportView, k: number): string {
  const { cols, data } = v;
  const arg = data.values[cols.invValue[k]!];
  const ret = data.values[cols.retValue[k]!];
  let text = data.fs[cols.f[k]!]! + (arg === 'null' ? '' : ` ${arg}`);
  if (cols.type[k] === 0 && ret !== arg && ret !== 'null') text += ` → ${ret}`;
  return text;
}

/** Op row k in lines of text, for the tooltip and the picked-op panel. */
export function describeOp(v: ReportView, k: number): string[] {
  const { cols, data, fmt } = v;
  const type = cols.type[k]!;
  const lines = [
    `op #${cols.inv[k]} · process ${cols.proc[k]} · ${data.fs[cols.f[k]!]}`,
    `invoked with ${data.values[cols.invValue[k]!]}`,
    TYPE_NAMES[type]! + (type === 3 ? '' : ` → ${data.values[cols.retValue[k]!]}`),
    `at ${fmt.at(cols.start[k]!)}, took ${fmt.span(cols.dur[k]!)}`,
  ];
  if (v.markedSet.has(k)) lines.push('involved in an anomaly (click to see which)');
  return lines;
}
