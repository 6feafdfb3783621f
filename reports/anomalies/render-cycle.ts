import { escapeHtml } from '../escape-html.js';
import { valueLabel } from '../value-label.js';
import { opPair, opRef, type OpContext } from './op-context.js';

/** One edge of a dependency cycle: `txn` must precede `to` because of `edge`, as `reason` explains. */
export interface CycleStep {
  txn: unknown;
  edge: string;
  to: unknown;
  reason: string | undefined;
}

/** The cycle of an anomaly (`cycle` or `steps` of {txn, edge, to, reason}); undefined when absent. */
export function readCycle(cycle: unknown): CycleStep[] | undefined {
  if (!Array.isArray(cycle) || cycle.length === 0) return undefined;
  const steps = cycle.flatMap((s: unknown) => {
    if (!s || typeof s !== 'object') return [];
    const r = s as Record<string, unknown>;
    const txn = r['txn'] ?? r['from'];
    if (txn === undefined || r['to'] === undefined) return [];
    const reason = r['reason'] ?? r['why'];
    return [
      {
        txn,
        edge: String(r['edge'] ?? r['type'] ?? '?'),
        to: r['to'],
        reason: reason === undefined ? undefined : valueLabel(reason, 400),
      },
    ];
  });
  return steps.length ? steps : undefined;
}

const SIZE = 420;

/** A stable key and label for a transaction reference (history index, or whatever the checker gave). */
function txnKey(ctx: OpContext, ref: unknown): { key: string; label: string; index: number | undefined } {
  const i = opRef(ref);
  const pair = i === undefined ? undefined : opPair(ctx, i);
  if (pair) return { key: `#${pair.index}`, label: `T${pair.index}`, index: pair.index };
  const text = valueLabel(ref, 16);
  return { key: `?${text}`, label: text, index: undefined };
}

/**
 * The cycle as a graph: transactions on a circle, an arrow per dependency labelled with its kind
 * (wr, ww, rw, process, realtime), and below it each edge's reason in words.
 */
export function renderCycle(ctx: OpContext, steps: readonly CycleStep[], uid: string): string {
  const nodes = new Map<string, { label: string; index: number | undefined }>();
  for (const s of steps)
    for (const ref of [s.txn, s.to]) {
      const t = txnKey(ctx, ref);
      if (!nodes.has(t.key)) nodes.set(t.key, t);
    }
  const keys = [...nodes.keys()];
  const r = keys.length <= 2 ? 110 : Math.min(170, 60 + keys.length * 22);
  const c = SIZE / 2;
  const pos = new Map(
    keys.map((k, i) => {
      const a = -Math.PI / 2 + (2 * Math.PI * i) / keys.length;
      return [k, { x: c + r * Math.cos(a), y: c + r * Math.sin(a) }];
    }),
  );
  const parts: string[] = [
    `<defs><marker id="arrow-${uid}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="arrowhead"/></marker></defs>`,
  ];
  steps.forEach((s, i) => {
    const a = pos.get(txnKey(ctx, s.txn).key)!;
    const b = pos.get(txnKey(ctx, s.to).key)!;
    const dx = b.x - a.x;
    const dy = b.y - a.y;
    const len = Math.hypot(dx, dy) || 1;
    // Bend every edge to its left, so A->B and B->A do not overlap.
    const bend = (keys.length === 2 ? 0.32 : 0.22) * len;
    const mx = (a.x + b.x) / 2 + (dy / len) * bend;
    const my = (a.y + b.y) / 2 - (dx / len) * bend;
    const shorten = (px: number, py: number, qx: number, qy: number): [number, number] => {
      const d = Math.hypot(qx - px, qy - py) || 1;
      return [px + ((qx - px) / d) * 30, py + ((qy - py) / d) * 30];
    };
    const [sx, sy] = shorten(a.x, a.y, mx, my);
    const [ex, ey] = shorten(b.x, b.y, mx, my);
    const lx = 0.25 * sx + 0.5 * mx + 0.25 * ex;
    const ly = 0.25 * sy + 0.5 * my + 0.25 * ey;
    const edge = escapeHtml(s.edge);
    parts.push(
      `<g class="edge edge-${escapeHtml(s.edge.replace(/[^a-z0-9-]/gi, ''))}"><title>${edge}: ${escapeHtml(s.reason ?? '')}</title>` +
        `<path d="M${sx.toFixed(1)},${sy.toFixed(1)} Q${mx.toFixed(1)},${my.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}" marker-end="url(#arrow-${uid})"/>` +
        `<rect x="${(lx - 30).toFixed(1)}" y="${(ly - 10).toFixed(1)}" width="60" height="20" rx="10"/>` +
        `<text x="${lx.toFixed(1)}" y="${(ly + 4).toFixed(1)}">${i + 1}. ${edge}</text></g>`,
    );
  });
  for (const [k, n] of nodes) {
    const p = pos.get(k)!;
    parts.push(
      `<g class="txn${n.index === undefined ? '' : ' op-link'}"${n.index === undefined ? '' : ` data-op="${n.index}"`}>` +
        `<circle cx="${p.x.toFixed(1)}" cy="${p.y.toFixed(1)}" r="27"/>` +
        `<text x="${p.x.toFixed(1)}" y="${(p.y + 5).toFixed(1)}">${escapeHtml(n.label)}</text></g>`,
    );
  }
  const ys = [...pos.values()].map((p) => p.y);
  const xs = [...pos.values()].map((p) => p.x);
  const x0 = Math.min(...xs) - 80;
  const y0 = Math.min(...ys) - 45;
  const w = Math.max(...xs) + 80 - x0;
  const h = Math.max(...ys) + 45 - y0;
  const box = `${x0.toFixed(0)} ${y0.toFixed(0)} ${w.toFixed(0)} ${h.toFixed(0)}`;
  const svg = `<svg class="cycle-graph" viewBox="${box}" width="${w.toFixed(0)}" height="${h.toFixed(0)}" role="img" aria-label="Dependency cycle">${parts.join('')}</svg>`;
  const list =
    '<ol class="cycle-edges">' +
    steps
      .map((s) => {
        const a = txnKey(ctx, s.txn);
        const b = txnKey(ctx, s.to);
        const value = (t: { index: number | undefined }): string => {
          const pair = t.index === undefined ? undefined : opPair(ctx, t.index);
          const v = pair ? (pair.done?.type === 'ok' ? pair.done.value : pair.invoke.value) : undefined;
          return v === undefined ? '' : ` <code class="txn-value">${escapeHtml(valueLabel(v, 160))}</code>`;
        };
        return (
          `<li><b class="op-link"${a.index === undefined ? '' : ` data-op="${a.index}"`}>${escapeHtml(a.label)}</b>${value(a)}` +
          ` <span class="edge-kind edge-${escapeHtml(s.edge.replace(/[^a-z0-9-]/gi, ''))}">${escapeHtml(s.edge)}</span> ` +
          `<b class="op-link"${b.index === undefined ? '' : ` data-op="${b.index}"`}>${escapeHtml(b.label)}</b>` +
          (s.reason ? `<div class="reason">${escapeHtml(s.reason)}</div>` : '') +
          '</li>'
        );
      })
      .join('') +
    '</ol>';
  return `<div class="cycle">${svg}<div class="cycle-text"><h4>Why each transaction must come before the next</h4>${list}<p class="note">wr: read what the other wrote · ww: overwrote it · rw: read a version the other then overwrote (anti-dependency) · process: same process, in order · realtime: finished before the other began.</p></div></div>`;
}
