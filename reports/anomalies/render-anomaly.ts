import type { AnomalyKind } from '../../src/core/anomaly-kind.js';
import type { Anomaly } from '../../src/core/checker.js';
import { escapeHtml } from '../escape-html.js';
import { invocationIndex, opRef, type OpContext } from './op-context.js';
import { readLinearizability } from './read-linearizability.js';
import { readCycle, renderCycle } from './render-cycle.js';
import { renderDetails } from './render-details.js';
import { renderLinearizability } from './render-linearizability.js';
import { renderOpsTable } from './render-ops-table.js';

/** What the anomaly's kind means, from the checker's catalog entry: `Write cycle: Transactions ...`. */
function renderKind(kind: AnomalyKind | undefined): string {
  if (kind === undefined || typeof kind.description !== 'string') return '';
  const name = typeof kind.name === 'string' && kind.name !== '' ? kind.name : undefined;
  const title = name === undefined ? '' : `${name.charAt(0).toUpperCase()}${name.slice(1)}: `;
  return `<p class="glossary">${escapeHtml(title + kind.description)}</p>`;
}

/**
 * One anomaly, drawn by its shape rather than by checker name: a `cycle` becomes a graph, a
 * linearization order or blocked ops become a counterexample timeline, and anything else shows its
 * message, its ops and its details as JSON; `kind` (the checker's catalog entry for its id) says
 * what it means. `uid` makes ids inside the markup unique on the page.
 */
export function renderAnomaly(
  ctx: OpContext,
  anomaly: Anomaly,
  uid: string,
  kind: AnomalyKind | undefined,
): string {
  const ops = (Array.isArray(anomaly.ops) ? anomaly.ops : []).filter((i) => Number.isInteger(i));
  const head =
    `<div class="anomaly-head"><span class="anomaly-id">${escapeHtml(String(anomaly.id))}</span>` +
    `<p class="message">${escapeHtml(String(anomaly.message ?? ''))}</p>` +
    `<button class="show" type="button" data-show-anomaly="anomaly-${escapeHtml(uid)}">show on timeline</button></div>` +
    renderKind(kind);
  const cycle = readCycle(anomaly['cycle'] ?? anomaly['steps']);
  const lin = cycle ? undefined : readLinearizability(anomaly);
  let body: string;
  let drawn: string[] = [];
  if (cycle) {
    body = renderCycle(ctx, cycle, uid) + renderOpsTable(ctx, ops, 'The transactions');
    drawn = ['cycle'];
  } else if (lin) {
    body = renderLinearizability(ctx, lin);
  } else {
    body = renderOpsTable(ctx, ops, 'The ops involved');
  }
  const refs = [
    ...ops,
    ...(cycle ?? []).flatMap((s) => [opRef(s.txn), opRef(s.to)]),
    ...(lin ? [...lin.steps, ...lin.blocked].map((s) => s.op) : []),
  ];
  const marked = new Set<number>();
  for (const ref of refs) {
    const i = ref === undefined ? undefined : invocationIndex(ctx, ref);
    if (i !== undefined) marked.add(i);
  }
  return (
    `<article class="anomaly" id="anomaly-${escapeHtml(uid)}" data-ops="${[...marked].join(' ')}">` +
    `${head}${body}${renderDetails(anomaly, drawn)}</article>`
  );
}
