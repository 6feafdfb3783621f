// The throughput and latency charts on <canvas>, with fault intervals shaded.
import type { AxisFormat } from './axis-format.js';
import { setupCanvas } from './canvas.js';
import { COLORS, kindColor, TYPE_COLORS } from './colors.js';
import { latencyRange } from './latency-range.js';
import { niceTicks } from './nice-ticks.js';
import type { ReportView } from './report-view.js';

type Scale = (t: number) => number;

/** Margins of a chart: left, right, top, and bottom (more when the x axis has a title). */
const margins = (fmt: AxisFormat): { L: number; R: number; T: number; B: number } => ({
  L: 56,
  R: 12,
  T: 18,
  B: fmt.title ? 38 : 26,
});

/** Shades the fault intervals between t0 and t1, from `top` to `bottom`, labelled if `labels`. */
export function shadeFaults(
  v: ReportView,
  g: CanvasRenderingContext2D,
  x: Scale,
  top: number,
  bottom: number,
  t0: number,
  t1: number,
  labels: boolean,
): void {
  for (const fl of v.data.faults) {
    const e = fl.end ?? v.end;
    if (e < t0 || fl.start > t1) continue;
    const a = Math.max(x(fl.start), x(t0));
    const b = Math.min(x(e), x(t1));
    g.fillStyle = kindColor(fl.kind);
    g.globalAlpha = 0.13;
    g.fillRect(a, top, Math.max(2, b - a), bottom - top);
    g.globalAlpha = 1;
    if (labels && b - a > 30) {
      g.fillStyle = kindColor(fl.kind);
      g.fillText(fl.kind, a + 3, top + 11);
    }
  }
}

/** The x axis at height y: ticks from t0 to t1 and, when the format has one, its title. */
export function drawXAxis(
  fmt: AxisFormat,
  g: CanvasRenderingContext2D,
  x: Scale,
  t0: number,
  t1: number,
  y: number,
  w: number,
  left: number,
): void {
  g.fillStyle = '#5b6470';
  g.strokeStyle = '#d5dae0';
  g.textAlign = 'center';
  const ticks = niceTicks(t0, t1, Math.max(2, Math.floor((w - left) / 110)), fmt.tickStep);
  const step = ticks.length > 1 ? ticks[1]! - ticks[0]! : Math.max(t1 - t0, 1e-3);
  for (const t of ticks) {
    const px = x(t);
    g.beginPath();
    g.moveTo(px, y);
    g.lineTo(px, y + 4);
    g.stroke();
    g.fillText(fmt.tick(t, step), px, y + 15);
  }
  if (fmt.title) g.fillText(fmt.title, left + (w - left) / 2, y + 29);
  g.textAlign = 'left';
}

/** Completions per second (or per 1000 events) by outcome. */
export function drawThroughput(v: ReportView, canvas: HTMLCanvasElement): void {
  const s = v.data.series;
  const { L, R, T, B } = margins(v.fmt);
  const box = setupCanvas(canvas, 220 + B - 26);
  const g = box.g;
  let max = 1;
  for (const k of ['ok', 'fail', 'info'] as const) for (const c of s[k]) max = Math.max(max, c);
  const x: Scale = (t) => L + (t / v.end) * (box.w - L - R);
  const y: Scale = (c) => box.h - B - (c / max) * (box.h - B - T);
  shadeFaults(v, g, x, T, box.h - B, 0, v.end, true);
  g.strokeStyle = '#e6e9ed';
  g.fillStyle = '#5b6470';
  g.textAlign = 'right';
  for (const c of niceTicks(0, max, 4)) {
    g.beginPath();
    g.moveTo(L, y(c));
    g.lineTo(box.w - R, y(c));
    g.stroke();
    g.fillText(c >= 100 ? c.toFixed(0) : c.toFixed(1), L - 6, y(c) + 4);
  }
  g.textAlign = 'left';
  g.fillText(v.fmt.rateTitle, 4, 12);
  for (const k of ['ok', 'fail', 'info'] as const) {
    g.strokeStyle = COLORS[k];
    g.lineWidth = 1.6;
    g.beginPath();
    s[k].forEach((c, i) => {
      const px = x((i + 0.5) * s.bucketMs);
      if (i === 0) g.moveTo(px, y(c));
      else g.lineTo(px, y(c));
    });
    g.stroke();
  }
  g.lineWidth = 1;
  drawXAxis(v.fmt, g, x, 0, v.end, box.h - B, box.w, L);
}

/** Quantile lines: which series, colour, dash pattern. */
const QUANTILES = [
  ['p50', '#1f2933', []],
  ['p95', '#3b6fd6', [5, 3]],
  ['p99', '#b83280', [2, 2]],
] as const;

/** Every op's latency as a point by outcome (log scale), and the p50/p95/p99 lines of ok ops. */
export function drawLatency(v: ReportView, canvas: HTMLCanvasElement): void {
  const { cols, n } = v;
  const s = v.data.series;
  const { L, R, T, B } = margins(v.fmt);
  const box = setupCanvas(canvas, 260 + B - 26);
  const g = box.g;
  const [lo, hi] = latencyRange(cols.dur, cols.type);
  const x: Scale = (t) => L + (t / v.end) * (box.w - L - R);
  const y: Scale = (d) => {
    const f = (Math.log10(Math.max(d, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
    return box.h - B - f * (box.h - B - T);
  };
  shadeFaults(v, g, x, T, box.h - B, 0, v.end, true);
  g.fillStyle = '#5b6470';
  g.strokeStyle = '#e6e9ed';
  g.textAlign = 'right';
  for (let p = lo; p <= hi * 1.0001; p *= 10) {
    g.beginPath();
    g.moveTo(L, y(p));
    g.lineTo(box.w - R, y(p));
    g.stroke();
    g.fillText(v.fmt.latencyTick(p), L - 6, y(p) + 4);
  }
  g.textAlign = 'left';
  g.fillText(v.fmt.latencyTitle, 4, 12);
  const perType = [0, 0, 0, 0];
  for (let k = 0; k < n; k++) perType[cols.type[k]!]!++;
  const dot = n < 2000 ? 5 : 2.5;
  // ok first, so the rarer fail/info points are drawn on top; each type thinned to ~40k points.
  for (const type of [0, 1, 2]) {
    const count = perType[type]!;
    const stride = Math.max(1, Math.ceil(count / 40000));
    let seen = 0;
    g.fillStyle = TYPE_COLORS[type]!;
    g.globalAlpha = n < 2000 ? 0.85 : count > 20000 ? 0.3 : 0.7;
    for (let k = 0; k < n; k++) {
      if (cols.type[k] !== type || seen++ % stride) continue;
      g.fillRect(x(cols.start[k]!) - dot / 2, y(cols.dur[k]!) - dot / 2, dot, dot);
    }
  }
  g.globalAlpha = 1;
  for (const [name, color, dash] of QUANTILES) {
    g.strokeStyle = color;
    g.setLineDash([...dash]);
    g.lineWidth = 1.8;
    g.beginPath();
    let pen = false;
    s[name].forEach((d, i) => {
      if (d === null) {
        pen = false;
        return;
      }
      const px = x((i + 0.5) * s.bucketMs);
      if (pen) g.lineTo(px, y(d));
      else g.moveTo(px, y(d));
      pen = true;
    });
    g.stroke();
  }
  g.setLineDash([]);
  g.lineWidth = 1;
  drawXAxis(v.fmt, g, x, 0, v.end, box.h - B, box.w, L);
}
