import type { History } from '../src/core/op.js';
import type { Axis } from './client/report-data.js';
import { valueLabel } from './value-label.js';

/** Outcome codes in `HistoryColumns.type`. */
export const OUTCOME_CODES = { ok: 0, fail: 1, info: 2, pending: 3 } as const;

/** Value strings kept per report; values past this many distinct ones are shown as omitted. */
const MAX_VALUES = 65_536;
/** Characters kept of each value string. */
const MAX_VALUE_CHARS = 120;

/**
 * Client operations as columns (one row per invocation, in invocation order), compact enough to
 * embed a 1M-op history in a report: times in milliseconds, strings interned in tables.
 */
export interface HistoryColumns {
  /** History index of each op's invocation (ascending). */
  inv: Int32Array;
  /** History index of its completion, -1 when pending. */
  ret: Int32Array;
  /** Invocation time, ms since the start; on the `index` axis, the invocation's history index. */
  start: Float64Array;
  /** Completion minus invocation, in ms or (`index` axis) in events (pending: until the end of the history). */
  dur: Float32Array;
  /** OUTCOME_CODES. */
  type: Uint8Array;
  /** Index into `fs`. */
  f: Uint16Array;
  /** Timeline lane (index into `lanes`). */
  lane: Uint32Array;
  /** Index into `values` of the invocation's and completion's value; 0 is "(omitted)". */
  invValue: Uint32Array;
  retValue: Uint32Array;
  fs: string[];
  /** Lane labels, e.g. `0`, or `1 (3 processes)` when crashed processes' successors share the lane. */
  lanes: string[];
  values: string[];
  /** Time of the last event, ms; on the `index` axis, its index. */
  end: number;
  /** What `start`, `dur` and `end` count (reportAxis): ms, or history indexes. */
  axis: Axis;
}

/**
 * Builds the columns. `partner` comes from pairOps; `axis` (reportAxis) says whether times are
 * taken from the events (ms) or from their positions in the history. A crashed process (its op ended `info`) never
 * runs again and its worker continues as a new process, so lanes are reused rather than grown per
 * crash: with `concurrency`, process p runs in lane p mod concurrency (Jepsen numbers the successor
 * p + concurrency); without it, a new process takes the lowest lane whose process has crashed.
 */
export function historyColumns(
  history: History,
  partner: Int32Array,
  concurrency?: number,
  axis: Axis = 'time',
): HistoryColumns {
  /** Where event i sits on the axis. */
  const at = axis === 'index' ? (i: number): number => i : (i: number): number => history[i]!.time / 1e6;
  let n = 0;
  for (const op of history) if (op.process !== 'nemesis' && op.type === 'invoke') n++;
  const cols: HistoryColumns = {
    inv: new Int32Array(n),
    ret: new Int32Array(n),
    start: new Float64Array(n),
    dur: new Float32Array(n),
    type: new Uint8Array(n),
    f: new Uint16Array(n),
    lane: new Uint32Array(n),
    invValue: new Uint32Array(n),
    retValue: new Uint32Array(n),
    fs: [],
    lanes: [],
    values: ['(omitted)'],
    end: history.length ? at(history.length - 1) : 0,
    axis,
  };
  const fIds = new Map<string, number>();
  const valueIds = new Map<string, number>();
  const laneOfProc = new Map<number, number>();
  const laneOfKey = new Map<number, number>();
  /** Per lane: its sort key (worker number, or smallest process), processes, and when it is free again. */
  const laneKeys: number[] = [];
  const laneProcs: Set<number>[] = [];
  const freeAt: number[] = [];
  const intern = (v: unknown): number => {
    const s = valueLabel(v, MAX_VALUE_CHARS);
    let id = valueIds.get(s);
    if (id === undefined) {
      if (cols.values.length >= MAX_VALUES) return 0;
      id = cols.values.length;
      cols.values.push(s);
      valueIds.set(s, id);
    }
    return id;
  };
  const workers = concurrency && concurrency > 0 ? concurrency : undefined;
  let k = 0;
  for (let i = 0; i < history.length; i++) {
    const op = history[i]!;
    if (op.process === 'nemesis' || op.type !== 'invoke') continue;
    const p = partner[i]!;
    const done = p >= 0 ? history[p]! : undefined;
    let fId = fIds.get(op.f);
    if (fId === undefined) {
      fId = cols.fs.length;
      cols.fs.push(op.f);
      fIds.set(op.f, fId);
    }
    const proc = typeof op.process === 'number' ? op.process : Number(op.process);
    let lane = laneOfProc.get(proc);
    if (lane === undefined) {
      if (workers !== undefined && Number.isInteger(proc)) {
        const key = ((proc % workers) + workers) % workers;
        lane = laneOfKey.get(key);
        if (lane === undefined) {
          lane = laneProcs.length;
          laneOfKey.set(key, lane);
          laneKeys.push(key);
          laneProcs.push(new Set());
        }
      } else {
        // The lowest lane whose process crashed before now; else a new lane.
        lane = freeAt.findIndex((at) => at < i);
        if (lane < 0) {
          lane = laneProcs.length;
          laneKeys.push(proc);
          laneProcs.push(new Set());
          freeAt.push(Infinity);
        }
        freeAt[lane] = Infinity;
        laneKeys[lane] = Math.min(laneKeys[lane]!, proc);
      }
      laneOfProc.set(proc, lane);
      laneProcs[lane]!.add(proc);
    }
    if (workers === undefined && done?.type === 'info') freeAt[lane] = p;
    cols.inv[k] = i;
    cols.ret[k] = p;
    cols.start[k] = at(i);
    cols.dur[k] = Math.max(0, at(p >= 0 ? p : history.length - 1) - at(i));
    cols.type[k] = done ? OUTCOME_CODES[done.type as 'ok' | 'fail' | 'info'] : OUTCOME_CODES.pending;
    cols.f[k] = fId;
    cols.lane[k] = lane;
    cols.invValue[k] = intern(op.value);
    cols.retValue[k] = done ? intern(done.type === 'ok' ? done.value : (done.error ?? done.value)) : 0;
    k++;
  }
  // Lanes sorted by their key, so the timeline reads 0, 1, 2, ... top to bottom.
  const keys = laneKeys;
  const order = keys.map((_, i) => i).sort((a, b) => keys[a]! - keys[b]!);
  const rank = new Uint32Array(order.length);
  order.forEach((lane, r) => (rank[lane] = r));
  for (let j = 0; j < n; j++) cols.lane[j] = rank[cols.lane[j]!]!;
  cols.lanes = order.map((lane) => {
    const procs = laneProcs[lane]!.size;
    return procs > 1 ? `${keys[lane]} (${procs} procs)` : String(keys[lane]);
  });
  return cols;
}
