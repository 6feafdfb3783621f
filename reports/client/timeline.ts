// The timeline canvas: one lane per worker, faults across the top, ops as bars (aggregated per
// pixel when too many are in view), anomaly ops outlined; hit-testing, zoom and the picked op.
import { byId, el, setupCanvas, type CanvasBox } from './canvas.js';
import { drawXAxis, shadeFaults } from './charts.js';
import { COLORS, HIGHLIGHT, kindColor, TYPE_COLORS } from './colors.js';
import { firstAtOrAfter, opIndexes, rowsByLane } from './op-rows.js';
import { describeOp, opLabel } from './op-text.js';
import type { ChartFault } from './report-data.js';
import type { ReportView } from './report-view.js';
import { clampView, type ViewRange } from './view-range.js';

/** Label gutter on the left, nemesis band on top, x axis below (px). */
export const LEFT = 100;
export const NEM = 30;
/** More than this many ops in view are drawn aggregated per lane and pixel column. */
const AGGREGATE_ABOVE = 20000;
/** Aggregated cells show their rarest outcome: rank by type (ok, fail, info, pending), colour by rank. */
const RANK = [1, 3, 4, 2];
const RANK_COLOR = ['', COLORS.ok, COLORS.pending, COLORS.fail, COLORS.info];

export class Timeline {
  readonly view: ViewRange;
  /** Rows to draw at full strength; the other anomaly ops are drawn faded. null: all of them. */
  focusSet: Set<number> | null = null;
  private selected = -1;
  private geo: CanvasBox | null = null;
  private pending = false;
  private readonly laneCount: number;
  private readonly laneH: number;
  private readonly axisH: number;
  private readonly laneRows: Int32Array[];
  private readonly tip: HTMLElement | null;
  private readonly picked: HTMLElement | null;

  constructor(
    private readonly v: ReportView,
    readonly canvas: HTMLCanvasElement,
  ) {
    this.view = { t0: 0, t1: v.end };
    this.laneCount = v.data.lanes.length;
    this.laneH = Math.max(3, Math.min(22, Math.floor(480 / Math.max(1, this.laneCount))));
    this.axisH = v.fmt.title ? 38 : 24;
    this.laneRows = rowsByLane(v.cols.lane, this.laneCount);
    this.tip = byId('timeline-tip', HTMLElement);
    this.picked = byId('timeline-picked', HTMLElement);
  }

  /** Width of the drawing area right of the gutter (px). */
  get span(): number {
    return (this.geo?.w ?? LEFT + 108) - LEFT - 8;
  }

  /** x pixel of axis value t. */
  x(t: number): number {
    return LEFT + ((t - this.view.t0) / (this.view.t1 - this.view.t0)) * this.span;
  }

  /** Axis value at x pixel px. */
  at(px: number): number {
    return this.view.t0 + ((px - LEFT) / this.span) * (this.view.t1 - this.view.t0);
  }

  draw(): void {
    this.pending = false;
    const { v, laneCount, laneH } = this;
    const { cols, fmt } = v;
    const height = NEM + laneCount * laneH + this.axisH;
    const geo = setupCanvas(this.canvas, height);
    this.geo = geo;
    const { g, w } = geo;
    const top = NEM;
    const bottom = NEM + laneCount * laneH;
    g.fillStyle = '#fff';
    g.fillRect(0, 0, w, height);
    g.fillStyle = '#f6f7f9';
    for (let l = 1; l < laneCount; l += 2) g.fillRect(LEFT, top + l * laneH, w - LEFT, laneH);
    g.save();
    g.beginPath();
    g.rect(LEFT, 0, w - LEFT, height);
    g.clip();
    const x = (t: number): number => this.x(t);
    shadeFaults(v, g, x, 0, bottom, this.view.t0, this.view.t1, false);
    this.drawNemesisBand(g, w);
    const lo = firstAtOrAfter(cols.start, this.view.t0 - v.maxDur);
    const hi = firstAtOrAfter(cols.start, this.view.t1 + 1e-9);
    if (hi - lo > AGGREGATE_ABOVE) this.drawAggregated(g, lo, hi);
    else this.drawBars(g, lo, hi);
    this.drawMarks(g, w);
    g.lineWidth = 1;
    g.restore();
    g.fillStyle = '#fff';
    g.fillRect(0, 0, LEFT, height);
    g.fillStyle = '#5b6470';
    g.fillText('nemesis', 6, 14);
    if (laneH >= 9) {
      v.data.lanes.forEach((name, l) => g.fillText(name.slice(0, 16), 6, top + l * laneH + laneH / 2 + 4));
    } else {
      g.fillText(`${laneCount} lanes`, 6, top + 14);
    }
    drawXAxis(fmt, g, x, this.view.t0, this.view.t1, bottom + 2, w, LEFT);
    const status = byId('timeline-range', HTMLElement);
    if (status) {
      status.textContent =
        `${fmt.at(this.view.t0)} – ${fmt.at(this.view.t1)} · ${(hi - lo).toLocaleString()} ops in view` +
        (hi - lo > AGGREGATE_ABOVE ? ' (aggregated per pixel; zoom in for single ops)' : '') +
        (fmt.title ? ` · x axis: ${fmt.title}` : '');
    }
  }

  /** Fault intervals as labelled bars, instant nemesis events as ticks. */
  private drawNemesisBand(g: CanvasRenderingContext2D, w: number): void {
    const { view } = this;
    this.v.data.faults.forEach((fl, i) => {
      const e = fl.end ?? this.v.end;
      if (e < view.t0 || fl.start > view.t1) return;
      const a = Math.max(this.x(fl.start), LEFT);
      const b = Math.min(this.x(e), w);
      const row = i % 2;
      g.fillStyle = kindColor(fl.kind);
      g.fillRect(a, 3 + row * 12, Math.max(2, b - a), 10);
      if (b - a > 40) {
        g.fillStyle = '#fff';
        g.font = '9px system-ui, sans-serif';
        g.fillText(fl.label.slice(0, Math.floor((b - a) / 5)), a + 3, 11 + row * 12);
        g.font = '11px system-ui, sans-serif';
      }
    });
    g.fillStyle = '#33404d';
    for (const ev of this.v.data.nemesis) {
      if (ev.t >= view.t0 && ev.t <= view.t1) g.fillRect(this.x(ev.t) - 0.5, 0, 1, 3);
    }
  }

  /** One cell per lane and pixel column, coloured by its rarest outcome. */
  private drawAggregated(g: CanvasRenderingContext2D, lo: number, hi: number): void {
    const { cols } = this.v;
    const { view, laneCount, laneH } = this;
    const span = this.span;
    const grid = new Uint8Array(laneCount * span);
    const scale = span / (view.t1 - view.t0);
    for (let k = lo; k < hi; k++) {
      const st = cols.start[k]!;
      const en = st + cols.dur[k]!;
      if (en < view.t0) continue;
      const p0 = Math.max(0, Math.floor((st - view.t0) * scale));
      const p1 = Math.min(span - 1, Math.floor((en - view.t0) * scale));
      const base = cols.lane[k]! * span;
      const r = RANK[cols.type[k]!]!;
      for (let p = p0; p <= p1; p++) if (grid[base + p]! < r) grid[base + p] = r;
    }
    for (let ln = 0; ln < laneCount; ln++) {
      const y = NEM + ln * laneH + (laneH > 4 ? 1 : 0);
      const h = laneH > 4 ? laneH - 2 : laneH;
      let run = 0;
      for (let q = 1; q <= span; q++) {
        if (q === span || grid[ln * span + q] !== grid[ln * span + run]) {
          const r = grid[ln * span + run]!;
          if (r) {
            g.fillStyle = RANK_COLOR[r]!;
            g.fillRect(LEFT + run, y, q - run, h);
          }
          run = q;
        }
      }
    }
  }

  /** Each op from lo to hi as a bar, labelled when it is wide enough. */
  private drawBars(g: CanvasRenderingContext2D, lo: number, hi: number): void {
    const { cols } = this.v;
    const { laneH } = this;
    for (let k = lo; k < hi; k++) {
      const s = cols.start[k]!;
      const e = s + cols.dur[k]!;
      if (e < this.view.t0) continue;
      const x0 = this.x(s);
      const bw = Math.max(1.5, this.x(e) - x0);
      const y = NEM + cols.lane[k]! * laneH + 1;
      g.fillStyle = TYPE_COLORS[cols.type[k]!]!;
      g.fillRect(x0, y, bw, laneH - 2);
      if (bw > 46 && laneH >= 14) {
        g.fillStyle = '#fff';
        g.fillText(opLabel(this.v, k).slice(0, Math.floor(bw / 6.2)), Math.max(x0, LEFT) + 3, y + laneH - 6);
      }
    }
  }

  /** Anomaly ops outlined and flagged (a few pixels wide at least, so they show zoomed out), and the picked op. */
  private drawMarks(g: CanvasRenderingContext2D, w: number): void {
    const { cols } = this.v;
    const { laneH } = this;
    for (const k of this.v.marked) {
      const x0 = this.x(cols.start[k]!);
      const x1 = this.x(cols.start[k]! + cols.dur[k]!);
      if (x1 < LEFT || x0 > w) continue;
      const y = NEM + cols.lane[k]! * laneH;
      g.strokeStyle = HIGHLIGHT;
      g.globalAlpha = !this.focusSet || this.focusSet.has(k) ? 1 : 0.35;
      g.lineWidth = 2;
      g.strokeRect(x0 - 1, y, Math.max(4, x1 - x0 + 2), laneH);
      g.fillStyle = HIGHLIGHT;
      g.beginPath();
      g.moveTo(x0 - 4, NEM - 7);
      g.lineTo(x0 + 4, NEM - 7);
      g.lineTo(x0, NEM - 1);
      g.fill();
      g.globalAlpha = 1;
    }
    const k = this.selected;
    if (k >= 0) {
      const x0 = this.x(cols.start[k]!);
      const x1 = this.x(cols.start[k]! + cols.dur[k]!);
      g.strokeStyle = '#111';
      g.lineWidth = 3;
      g.strokeRect(x0 - 2, NEM + cols.lane[k]! * laneH - 1, Math.max(6, x1 - x0 + 4), laneH + 2);
    }
  }

  /** Draws in the next animation frame (once, however often it is asked). */
  redraw(): void {
    if (this.pending) return;
    this.pending = true;
    requestAnimationFrame(() => this.draw());
  }

  setView(t0: number, t1: number): void {
    Object.assign(this.view, clampView(t0, t1, this.v.end, this.v.fmt.minSpan));
    this.redraw();
  }

  /** Row of the op under pixel (px, py), or -1. */
  opAt(px: number, py: number): number {
    if (!this.geo || py < NEM) return -1;
    const { cols } = this.v;
    const lane = Math.floor((py - NEM) / this.laneH);
    const ops = this.laneRows[lane];
    if (!ops) return -1;
    const t = this.at(px);
    const tol = (this.view.t1 - this.view.t0) * (3 / (this.geo.w - LEFT));
    let lo = 0;
    let hi = ops.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cols.start[ops[mid]!]! <= t + tol) lo = mid + 1;
      else hi = mid;
    }
    for (let j = lo - 1; j >= 0 && j >= lo - 3; j--) {
      const k = ops[j]!;
      if (cols.start[k]! - tol <= t && cols.start[k]! + cols.dur[k]! + tol >= t) return k;
    }
    return -1;
  }

  /** The faults in effect at axis value t. */
  faultsAt(t: number): ChartFault[] {
    return this.v.data.faults.filter((fl) => fl.start <= t && (fl.end ?? this.v.end) >= t);
  }

  showTip(lines: readonly string[], px: number, py: number): void {
    const tip = this.tip;
    if (!tip) return;
    tip.replaceChildren(...lines.map((line) => el('div', null, line)));
    tip.style.left = `${Math.min(px + 14, (this.geo?.w ?? 0) - 260)}px`;
    tip.style.top = `${py + 14}px`;
    tip.hidden = false;
  }

  hideTip(): void {
    if (this.tip) this.tip.hidden = true;
  }

  /** Pins op row k's details below the timeline, with links to the anomalies naming it; -1 clears them. */
  pick(k: number): void {
    this.selected = k;
    const picked = this.picked;
    if (picked) {
      picked.replaceChildren();
      if (k >= 0) {
        for (const line of describeOp(this.v, k)) picked.appendChild(el('div', null, line));
        const index = this.v.cols.inv[k]!;
        document.querySelectorAll<HTMLElement>('article.anomaly[data-ops]').forEach((a) => {
          if (!opIndexes(a.getAttribute('data-ops')).includes(index)) return;
          const link = el('a', 'jump', `see anomaly: ${a.querySelector('.anomaly-id')?.textContent ?? a.id}`);
          link.setAttribute('href', `#${a.id}`);
          picked.appendChild(link);
        });
      }
    }
    this.redraw();
  }

  /** Zooms to rows ks (with some room around them); scrolls the timeline into view if `scroll`. */
  focusRows(ks: readonly number[], scroll: boolean): void {
    if (!ks.length) return;
    const { cols } = this.v;
    let a = Infinity;
    let b = -Infinity;
    for (const k of ks) {
      a = Math.min(a, cols.start[k]!);
      b = Math.max(b, cols.start[k]! + cols.dur[k]!);
    }
    const pad = Math.max((b - a) * 0.6, this.v.end / 2000, this.v.fmt.minSpan / 2, 0.05);
    this.setView(a - pad, b + pad);
    if (scroll) document.getElementById('timeline-section')?.scrollIntoView({ block: 'start' });
  }
}
