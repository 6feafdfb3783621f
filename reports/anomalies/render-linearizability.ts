import { escapeHtml } from '../escape-html.js';
import { valueLabel } from '../value-label.js';
import { opPair, type OpContext } from './op-context.js';
import type { LinearizabilityCounterexample } from './read-linearizability.js';
import { renderOpsTable } from './render-ops-table.js';

const WIDTH = 960;
const LANE = 40;
const LEFT = 90;

/** `write 3`, `read → 2`, `cas [1,2]`: what an op did, in a few characters. */
function opText(ctx: OpContext, index: number): string {
  const pair = opPair(ctx, index);
  if (!pair) return `#${index}`;
  const { invoke, done } = pair;
  const arg = invoke.value === null ? '' : ` ${valueLabel(invoke.value, 24)}`;
  const ret =
    done?.type === 'ok' && done.value !== null && valueLabel(done.value) !== valueLabel(invoke.value)
      ? ` → ${valueLabel(done.value, 24)}`
      : '';
  const outcome = done ? (done.type === 'ok' ? '' : ` (${done.type})`) : ' (pending)';
  return `${invoke.f}${arg}${ret}${outcome}`;
}

/**
 * The failing ops on a timeline (a lane per process, bars from invocation to completion), numbered
 * in the order the search linearized them; ops that could not go next are red and crossed. The axis
 * is event order, not clock time: each bar runs from its invocation's position in the history to its
 * completion's. Linearizability depends only on which ops overlap; equal spacing keeps a 1 µs op as
 * readable as a 5 s one, and a history whose times are all equal (hand-written, imported) draws
 * the same as a timed one.
 */
function renderTimeline(ctx: OpContext, cx: LinearizabilityCounterexample): string {
  const involved = [...new Set([...cx.ops, ...cx.steps.map((s) => s.op), ...cx.blocked.map((b) => b.op)])]
    .map((i) => opPair(ctx, i))
    .filter((p) => p !== undefined);
  if (involved.length === 0) return '';
  const doneAt = (p: (typeof involved)[number]): number | undefined =>
    p.done === undefined ? undefined : ctx.partner[p.index];
  const last = Math.max(...involved.map((p) => doneAt(p) ?? p.index));
  const endOf = (p: (typeof involved)[number]): number => doneAt(p) ?? last;
  const positions = [...new Set(involved.flatMap((p) => [p.index, endOf(p)]))].sort((a, b) => a - b);
  const rank = new Map(positions.map((t, i) => [t, i]));
  const step = (WIDTH - LEFT - 20) / Math.max(1, positions.length - 1);
  const x = (position: number): number => LEFT + rank.get(position)! * step;
  const procs = [...new Set(involved.map((p) => String(p.invoke.process)))].sort(
    (a, b) => Number(a) - Number(b),
  );
  const order = new Map(cx.steps.map((s, i) => [opPair(ctx, s.op)?.index, i + 1]));
  const blocked = new Set(cx.blocked.map((b) => opPair(ctx, b.op)?.index));
  const height = procs.length * LANE + 30;
  const parts: string[] = [];
  procs.forEach((p, row) => {
    const y = row * LANE + 10;
    parts.push(`<text class="lane-label" x="8" y="${y + 22}">process ${escapeHtml(p)}</text>`);
    parts.push(
      `<line class="lane-line" x1="${LEFT}" x2="${WIDTH - 10}" y1="${y + LANE - 4}" y2="${y + LANE - 4}"/>`,
    );
  });
  for (const pair of involved) {
    const row = procs.indexOf(String(pair.invoke.process));
    const y = row * LANE + 14;
    const x0 = x(pair.index);
    const w = Math.max(24, x(endOf(pair)) - x0);
    const n = order.get(pair.index);
    const bad = blocked.has(pair.index);
    const cls = bad ? 'bar blocked' : n !== undefined ? 'bar linearized' : 'bar';
    const label = `#${pair.index} ${opText(ctx, pair.index)}`;
    const room = Math.floor((w - (n !== undefined || bad ? 30 : 12)) / 7.3);
    const shown = label.length > room ? `${label.slice(0, Math.max(1, room - 1))}…` : label;
    parts.push(
      `<g class="lin-op" data-op="${pair.index}"><title>${escapeHtml(label)}</title>` +
        `<rect class="${cls}${pair.done ? '' : ' open'}" x="${x0.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="24" rx="4"/>` +
        `<text class="bar-label" x="${(x0 + (n !== undefined || bad ? 24 : 6)).toFixed(1)}" y="${y + 16}">${escapeHtml(shown)}</text>` +
        (n !== undefined
          ? `<circle class="step" cx="${(x0 + 11).toFixed(1)}" cy="${y + 12}" r="9"/><text class="step-n" x="${(x0 + 11).toFixed(1)}" y="${y + 16}">${n}</text>`
          : '') +
        (bad ? `<text class="cross" x="${(x0 + 11).toFixed(1)}" y="${y + 17}">✗</text>` : '') +
        '</g>',
    );
  }
  parts.push(
    `<text class="axis" x="${LEFT}" y="${height - 4}">earlier</text>`,
    `<text class="axis end" x="${WIDTH - 10}" y="${height - 4}">later (event order; times are in the table below)</text>`,
  );
  return `<svg class="lin-timeline" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-label="Failing ops on a timeline">${parts.join('')}</svg>`;
}

/** A linearizability counterexample: timeline, the order tried with model states, and why it stopped. */
export function renderLinearizability(ctx: OpContext, cx: LinearizabilityCounterexample): string {
  const key = cx.key === undefined ? '' : `<p>Key <code>${escapeHtml(valueLabel(cx.key, 100))}</code>.</p>`;
  const steps = cx.steps.length
    ? (cx.initial !== undefined
        ? `<p class="initial">Start: state <code>${escapeHtml(cx.initial)}</code></p>`
        : '') +
      '<ol class="lin-steps">' +
      cx.steps
        .map(
          (s) =>
            `<li data-op="${opPair(ctx, s.op)?.index ?? s.op}" class="op-link">#${opPair(ctx, s.op)?.index ?? s.op} ` +
            `<b>${escapeHtml(opText(ctx, s.op))}</b>` +
            (s.state !== undefined
              ? ` <span class="arrow">⇒</span> state <code>${escapeHtml(s.state)}</code>`
              : '') +
            '</li>',
        )
        .join('') +
      '</ol>'
    : '<p>No op could be linearized first.</p>';
  const stuck = cx.state ?? cx.blocked[0]?.state ?? cx.steps[cx.steps.length - 1]?.state ?? cx.initial;
  const blocking =
    cx.blocking === undefined
      ? ''
      : `<p class="blocking">Op <b class="op-link" data-op="${opPair(ctx, cx.blocking)?.index ?? cx.blocking}">#${opPair(ctx, cx.blocking)?.index ?? cx.blocking} ${escapeHtml(opText(ctx, cx.blocking))}</b> had to take effect before it returned, but no order lets it.</p>`;
  const relaxed = cx.relaxed.length
    ? `<p class="note">Treated as possibly unfinished (info) to make the example smaller: ${cx.relaxed.map((i) => `#${i}`).join(', ')}.</p>`
    : '';
  const blocked = cx.blocked.length
    ? `<p>Then, from state <code>${escapeHtml(stuck ?? '?')}</code>, <b>no op can go next</b>:</p><ul class="lin-blocked">` +
      cx.blocked
        .map(
          (b) =>
            `<li data-op="${opPair(ctx, b.op)?.index ?? b.op}" class="op-link"><span class="cross">✗</span> #${opPair(ctx, b.op)?.index ?? b.op} ` +
            `<b>${escapeHtml(opText(ctx, b.op))}</b>${b.reason ? `: ${escapeHtml(b.reason)}` : ''}</li>`,
        )
        .join('') +
      '</ul>'
    : '';
  return (
    key +
    renderTimeline(ctx, cx) +
    '<div class="lin-legend"><span class="sw linearized"></span>linearized (number = order tried)' +
    '<span class="sw blocked"></span>cannot go next<span class="sw plain"></span>other failing op</div>' +
    `<div class="lin-explain"><div><h4>The longest order that works</h4>${steps}</div><div><h4>Why it cannot go on</h4>${blocked}${blocking}</div></div>` +
    relaxed +
    renderOpsTable(
      ctx,
      cx.ops.length ? cx.ops : [...cx.steps.map((s) => s.op), ...cx.blocked.map((b) => b.op)],
      'The failing ops',
    )
  );
}
