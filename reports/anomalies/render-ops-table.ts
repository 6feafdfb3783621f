import { escapeHtml } from '../escape-html.js';
import { formatMs } from '../format-ms.js';
import { valueLabel } from '../value-label.js';
import { opPair, type OpContext } from './op-context.js';

/** Rows most tables show; a longer list says how many were left out. */
const MAX_ROWS = 200;

/**
 * A table of ops (invocation, outcome, values, times). Each row carries `data-op` (the invocation's
 * history index): the client script makes it click to show the op on the timeline.
 */
export function renderOpsTable(ctx: OpContext, indexes: readonly number[], caption?: string): string {
  const rows: string[] = [];
  const seen = new Set<number>();
  for (const raw of indexes) {
    const pair = opPair(ctx, raw);
    if (!pair || seen.has(pair.index)) continue;
    seen.add(pair.index);
    if (rows.length >= MAX_ROWS) continue;
    const { invoke, done } = pair;
    const outcome = done ? done.type : 'pending';
    const returned = done ? (done.type === 'ok' ? done.value : (done.error ?? done.value)) : undefined;
    rows.push(
      `<tr class="op-row" data-op="${pair.index}" tabindex="0" title="Show on the timeline">` +
        `<td>#${pair.index}</td><td>${escapeHtml(String(invoke.process))}</td>` +
        `<td>${escapeHtml(invoke.f)}</td><td><code>${escapeHtml(valueLabel(invoke.value, 200))}</code></td>` +
        `<td><span class="outcome ${outcome}">${outcome}</span></td>` +
        `<td><code>${escapeHtml(valueLabel(returned, 200))}</code></td>` +
        `<td>${formatMs(invoke.time)} → ${done ? formatMs(done.time) : '…'}</td></tr>`,
    );
  }
  if (rows.length === 0) return '';
  const more = seen.size > rows.length ? `<p class="note">…and ${seen.size - rows.length} more ops.</p>` : '';
  return (
    `<table class="ops">${caption ? `<caption>${escapeHtml(caption)}</caption>` : ''}` +
    '<thead><tr><th>op</th><th>process</th><th>f</th><th>invoked with</th><th>outcome</th><th>returned</th><th>time</th></tr></thead>' +
    `<tbody>${rows.join('')}</tbody></table>${more}`
  );
}
