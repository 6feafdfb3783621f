import { axisFormat, type AxisFormat } from './axis-format.js';
import type { Columns } from './decode-columns.js';
import { rowOf } from './op-rows.js';
import type { ReportData } from './report-data.js';

/** What every part of the page draws from: the data, the columns, and the ops in anomalies. */
export interface ReportView {
  data: ReportData;
  cols: Columns;
  /** Number of ops. */
  n: number;
  /** End of the run in axis units (never 0, so scales stay finite). */
  end: number;
  fmt: AxisFormat;
  /** Longest op, so a search by start time can look back far enough. */
  maxDur: number;
  /** Rows of the ops some anomaly names, each once, in the order first named. */
  marked: number[];
  markedSet: Set<number>;
}

/** The view of the data; `anomalyOps` are the history indexes each anomaly section lists. */
export function reportView(data: ReportData, cols: Columns, anomalyOps: readonly number[][]): ReportView {
  let maxDur = 0;
  for (let k = 0; k < cols.dur.length; k++) maxDur = Math.max(maxDur, cols.dur[k]!);
  const markedSet = new Set<number>();
  const marked: number[] = [];
  for (const ops of anomalyOps) {
    for (const index of ops) {
      const k = rowOf(cols.inv, index);
      if (k >= 0 && !markedSet.has(k)) {
        markedSet.add(k);
        marked.push(k);
      }
    }
  }
  return {
    data,
    cols,
    n: cols.inv.length,
    end: Math.max(data.end, data.axis === 'index' ? 1 : 1e-3),
    fmt: axisFormat(data.axis),
    maxDur,
    marked,
    markedSet,
  };
}
