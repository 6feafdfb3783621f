// Mouse, wheel, click and keyboard handlers of the timeline and the anomaly sections.
import { byId } from './canvas.js';
import { opIndexes, rowOf } from './op-rows.js';
import { describeOp } from './op-text.js';
import type { ReportView } from './report-view.js';
import { LEFT, NEM, type Timeline } from './timeline.js';

/** Scroll to zoom, drag to pan, hover for details, click to pin them, buttons to zoom and pan. */
export function wireTimeline(v: ReportView, tl: Timeline): void {
  const canvas = tl.canvas;
  const view = tl.view;
  let drag: { x: number; t0: number; t1: number; moved: boolean } | null = null;
  const local = (ev: MouseEvent): [number, number] => {
    const rect = canvas.getBoundingClientRect();
    return [ev.clientX - rect.left, ev.clientY - rect.top];
  };
  canvas.addEventListener(
    'wheel',
    (ev) => {
      ev.preventDefault();
      const t = tl.at(local(ev)[0]);
      const f = 1.0015 ** ev.deltaY;
      tl.setView(t - (t - view.t0) * f, t + (view.t1 - t) * f);
    },
    { passive: false },
  );
  canvas.addEventListener('mousedown', (ev) => {
    drag = { x: ev.clientX, t0: view.t0, t1: view.t1, moved: false };
  });
  window.addEventListener('mouseup', (ev) => {
    if (drag && !drag.moved && ev.target === canvas) tl.pick(tl.opAt(...local(ev)));
    drag = null;
  });
  window.addEventListener('mousemove', (ev) => {
    if (!drag) return;
    const dx = ev.clientX - drag.x;
    if (Math.abs(dx) > 2) drag.moved = true;
    const dt = (dx / tl.span) * (drag.t1 - drag.t0);
    tl.setView(drag.t0 - dt, drag.t1 - dt);
  });
  canvas.addEventListener('mousemove', (ev) => {
    if (drag?.moved) return tl.hideTip();
    const [px, py] = local(ev);
    if (py < NEM && px > LEFT) {
      const fs = tl.faultsAt(tl.at(px));
      if (fs.length) {
        const until = (end: number | null): string => (end === null ? 'never healed' : v.fmt.at(end));
        return tl.showTip(
          fs.map((fl) => `${fl.label} (${v.fmt.at(fl.start)} – ${until(fl.end)})`),
          px,
          py,
        );
      }
    }
    const k = tl.opAt(px, py);
    if (k < 0) tl.hideTip();
    else tl.showTip(describeOp(v, k), px, py);
  });
  canvas.addEventListener('mouseleave', () => tl.hideTip());
  canvas.addEventListener('dblclick', () => tl.setView(0, v.end));
  const onClick = (id: string, f: () => void): void => byId(id, HTMLElement)?.addEventListener('click', f);
  onClick('zoom-in', () => {
    const m = (view.t0 + view.t1) / 2;
    const h = (view.t1 - view.t0) / 4;
    tl.setView(m - h, m + h);
  });
  onClick('zoom-out', () => {
    const m = (view.t0 + view.t1) / 2;
    const h = view.t1 - view.t0;
    tl.setView(m - h, m + h);
  });
  onClick('zoom-reset', () => {
    tl.focusSet = null;
    tl.setView(0, v.end);
  });
  document.querySelectorAll<HTMLElement>('[data-pan]').forEach((b) => {
    b.addEventListener('click', () => {
      const d = (view.t1 - view.t0) * 0.4 * Number(b.getAttribute('data-pan'));
      tl.setView(view.t0 + d, view.t1 + d);
    });
  });
}

/** Clicking an op anywhere in the anomaly sections, or "show on timeline", shows it on the timeline. */
export function wireAnomalyLinks(v: ReportView, tl: Timeline | null): void {
  document.addEventListener('click', (ev) => {
    const target = ev.target instanceof Element ? ev.target : null;
    const op = target?.closest('[data-op]');
    if (op) {
      const k = rowOf(v.cols.inv, Number(op.getAttribute('data-op')));
      if (k >= 0 && tl) {
        tl.focusSet = null;
        tl.focusRows([k], true);
        tl.pick(k);
      }
      return;
    }
    const show = target?.closest('[data-show-anomaly]');
    const article = show && document.getElementById(show.getAttribute('data-show-anomaly') ?? '');
    if (article && tl) {
      const ks = opIndexes(article.getAttribute('data-ops'))
        .map((index) => rowOf(v.cols.inv, index))
        .filter((k) => k >= 0);
      tl.focusSet = new Set(ks);
      tl.focusRows(ks, true);
      tl.pick(-1);
    }
  });
  document.addEventListener('keydown', (ev) => {
    const row = ev.target instanceof Element ? ev.target.closest('tr[data-op]') : null;
    if (row instanceof HTMLElement && ev.key === 'Enter') row.click();
  });
}

/** The copy button next to the command that reproduces the run. */
export function wireCopyButton(): void {
  const copy = byId('copy-command', HTMLButtonElement);
  copy?.addEventListener('click', () => {
    const text = document.getElementById('repro')?.textContent ?? '';
    navigator.clipboard?.writeText(text).then(
      () => (copy.textContent = 'copied'),
      () => undefined,
    );
  });
}
