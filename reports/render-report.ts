import type { CheckResult } from '../src/core/checker.js';
import type { History } from '../src/core/op.js';
import { mergeVerdicts, type Verdict } from '../src/core/verdict.js';
import { allowedFindings, describeAllowed } from './allowed-findings.js';
import { pairOps } from '../src/history/pair-ops.js';
import { anomalyCounts } from './anomaly-summary.js';
import { renderAnomaly } from './anomalies/render-anomaly.js';
import type { Axis, ReportData } from './client/report-data.js';
import { escapeHtml } from './escape-html.js';
import { faultIntervals, type FaultInterval } from './fault-intervals.js';
import { formatMs } from './format-ms.js';
import { countHistory, type HistoryCounts } from './history-counts.js';
import { historyColumns, type HistoryColumns } from './history-columns.js';
import { jsonForScript } from './json-for-script.js';
import { packColumns } from './pack-columns.js';
import { reportAxis } from './report-axis.js';
import { reportClientScript } from './report-client-script.js';
import { reportStyle } from './report-style.js';
import { valueLabel } from './value-label.js';
import type { TestInfo } from './test-info.js';
import { timeSeries } from './time-series.js';

/** What a report is made from. */
export interface ReportInput {
  history: History;
  results: readonly CheckResult[];
  test?: TestInfo;
}

/** Anomalies drawn per checker; the rest are counted and left to results.json. */
const MAX_ANOMALIES = 50;
/** Nemesis events embedded for the timeline's tick marks. */
const MAX_NEMESIS_EVENTS = 10_000;

const verdictWord = (v: Verdict): string => (v === true ? 'valid' : v === false ? 'invalid' : 'unknown');

function badge(v: Verdict, big = false): string {
  const word = verdictWord(v);
  return `<span class="verdict ${word}${big ? ' big' : ''}">${word === 'valid' ? '✓ ' : word === 'invalid' ? '✗ ' : '? '}${word}</span>`;
}

/** What a checker found, for the header table: anomaly ids with counts, or why it is unknown. */
function findings(r: CheckResult): string {
  const ids = anomalyCounts(r)
    .map(([id, n]) => (n > 1 ? `${id} ×${n}` : id))
    .join(', ');
  if (r.valid === 'unknown') return [r.unknownReason ?? 'no reason given', ids].filter(Boolean).join('; ');
  const allowed = allowedFindings(r);
  if (allowed) return describeAllowed(allowed);
  return ids || 'no anomalies';
}

function renderHeader(
  test: TestInfo,
  verdict: Verdict,
  results: readonly CheckResult[],
  counts: HistoryCounts,
): string {
  const row = (label: string, value: unknown): string =>
    value === undefined || value === ''
      ? ''
      : `<div><dt>${escapeHtml(label)}</dt><dd>${escapeHtml(String(value))}</dd></div>`;
  const duration =
    test.startTime && test.endTime
      ? (Date.parse(test.endTime) - Date.parse(test.startTime)) / 1000
      : undefined;
  const meta = [
    row('system', [test.system, test.version].filter(Boolean).join(' ') || undefined),
    row('platform', test.platform),
    row('nodes', test.nodes?.join(', ')),
    row('workload', test.workload),
    row('nemesis', test.nemesis),
    row('seed', test.seed),
    row('concurrency', test.concurrency),
    row('started', test.startTime),
    row(
      'ended',
      test.endTime &&
        `${test.endTime}${duration !== undefined && !Number.isNaN(duration) ? ` (${duration.toFixed(1)} s)` : ''}`,
    ),
    row(
      'operations',
      `${counts.ops.toLocaleString('en')} (${counts.ok.toLocaleString('en')} ok, ${counts.fail.toLocaleString('en')} fail, ${counts.info.toLocaleString('en')} info${counts.pending ? `, ${counts.pending} pending` : ''})`,
    ),
    ...Object.entries(test.extra ?? {}).map(([k, v]) => row(k, v)),
  ].join('');
  const repro = test.command
    ? `<div class="repro"><pre id="repro">${escapeHtml(test.command)}</pre><button id="copy-command" type="button">copy</button></div>`
    : '';
  const checkers = results
    .map(
      (r, i) =>
        `<tr><td><a href="#checker-${i}">${escapeHtml(r.checker)}</a></td><td>${badge(r.valid)}</td>` +
        `<td>${escapeHtml(findings(r))}</td>` +
        `<td class="num">${r.anomalies.length}</td></tr>`,
    )
    .join('');
  const title = test.name ?? ([test.system, test.workload].filter(Boolean).join(' · ') || 'history check');
  return (
    `<header class="top"><div class="brand">faultline report</div><h1>${escapeHtml(title)} ${badge(verdict, true)}</h1>` +
    `<dl class="meta">${meta}</dl>${repro}` +
    (results.length
      ? `<table class="checker-table"><caption>Checkers</caption><thead><tr><th>checker</th><th>verdict</th><th>findings</th><th class="num">anomalies</th></tr></thead><tbody>${checkers}</tbody></table>`
      : '<p class="note">No checker ran.</p>') +
    '</header>'
  );
}

function renderCounts(counts: HistoryCounts): string {
  const entries = Object.entries(counts.byF).sort((a, b) => a[0].localeCompare(b[0]));
  const max = Math.max(1, ...entries.map(([, c]) => c.ok + c.fail + c.info + c.pending));
  const rows = entries.map(([f, c]) => {
    const total = c.ok + c.fail + c.info + c.pending;
    const seg = (k: 'ok' | 'fail' | 'info' | 'pending'): string =>
      c[k]
        ? `<span style="width:${((100 * c[k]) / max).toFixed(2)}%;background:var(--${k})" title="${k}: ${c[k]}"></span>`
        : '';
    return (
      `<tr><td><code>${escapeHtml(f)}</code></td><td class="num">${c.ok}</td><td class="num">${c.fail}</td>` +
      `<td class="num">${c.info}</td><td class="num">${c.pending}</td><td class="num">${total}</td>` +
      `<td class="bar-cell"><div class="stack">${seg('ok')}${seg('fail')}${seg('info')}${seg('pending')}</div></td></tr>`
    );
  });
  return (
    '<table class="counts"><caption>Operations by f and outcome</caption><thead><tr><th>f</th><th class="num">ok</th><th class="num">fail</th>' +
    `<th class="num">info</th><th class="num">pending</th><th class="num">total</th><th></th></tr></thead><tbody>${rows.join('')}</tbody></table>`
  );
}

/** `n1`, `none` (no primary then), `?` (the lookup failed) or `–` (not recorded). */
function showPrimaries(p: readonly string[] | null | undefined): string {
  if (p === undefined) return '–';
  if (p === null) return '?';
  return p.length === 0 ? 'none' : p.join(', ');
}

/** What the nodes did after a fault ended (e.g. the database log after a corrupt fault), folded. */
function renderAfter(after: string | undefined): string {
  if (after === undefined) return '';
  return `<details><summary>after the stop</summary><pre>${escapeHtml(after)}</pre></details>`;
}

/** When a fault started or ended: its time, or on the index axis its event's index (`#12`). */
function faultAt(axis: Axis, time: number, index: number): string {
  return axis === 'index' ? `#${index}` : formatMs(time);
}

function renderFaults(faults: readonly FaultInterval[], axis: Axis): string {
  if (faults.length === 0)
    return '<p class="note">No faults were injected (no nemesis events in the history).</p>';
  const withPrimaries = faults.some(
    (f) => f.primariesAfterStart !== undefined || f.primariesAfterEnd !== undefined,
  );
  const rows = faults
    .slice(0, 200)
    .map(
      (f) =>
        `<tr><td>${escapeHtml(f.kind)}</td><td><code>${escapeHtml(f.label)}</code>${renderAfter(f.after)}</td><td>${faultAt(axis, f.start, f.startIndex)}</td>` +
        `<td>${f.end === null || f.endIndex === null ? 'never healed' : faultAt(axis, f.end, f.endIndex)}</td>` +
        (withPrimaries
          ? `<td>${escapeHtml(showPrimaries(f.primariesAfterStart))} → ${escapeHtml(showPrimaries(f.primariesAfterEnd))}</td>`
          : '') +
        '</tr>',
    )
    .join('');
  const primaryHead = withPrimaries
    ? '<th title="The primaries the system named right after the fault started → right after it ended">primary after start → end</th>'
    : '';
  return `<table class="faults"><caption>Faults (${faults.length})</caption><thead><tr><th>kind</th><th>nemesis op</th><th>from</th><th>until</th>${primaryHead}</tr></thead><tbody>${rows}</tbody></table>`;
}

function renderCheckers(input: ReportInput, partner: Int32Array): string {
  const ctx = { history: input.history, partner };
  return input.results
    .map((r, i) => {
      const shown = r.anomalies
        .slice(0, MAX_ANOMALIES)
        .map((a, j) => renderAnomaly(ctx, a, `${i}-${j}`, r.anomalyKinds?.[a.id]));
      const more = r.anomalies.length - shown.length;
      const stats = Object.entries(r.stats ?? {})
        .map(([k, v]) => `${escapeHtml(k)}: ${escapeHtml(String(v))}`)
        .join(' · ');
      return (
        `<div class="checker" id="checker-${i}"><h3>${escapeHtml(r.checker)} ${badge(r.valid)}</h3>` +
        (stats ? `<p class="note">${stats}</p>` : '') +
        (r.valid === 'unknown'
          ? `<p class="unknown-reason"><b>Could not decide:</b> ${escapeHtml(r.unknownReason ?? 'no reason given')}</p>`
          : '') +
        (r.valid === true && r.anomalies.length === 0 ? '<p>No anomalies found.</p>' : '') +
        shown.join('') +
        (more > 0
          ? `<p class="note">…and ${more} more anomalies of this checker, listed in results.json.</p>`
          : '') +
        '</div>'
      );
    })
    .join('');
}

/** The data blocks the client script reads: packed columns (base64 gzip) and JSON for the rest. */
function reportData(
  input: ReportInput,
  cols: HistoryColumns,
  faults: readonly FaultInterval[],
): { json: string; columns: string } {
  const index = cols.axis === 'index';
  /** Where an event (its time in ns, its history index) sits on the axis. */
  const at = (time: number, i: number): number => (index ? i : time / 1e6);
  const nemesis: ReportData['nemesis'] = [];
  input.history.forEach((op, i) => {
    if (op.process !== 'nemesis' || nemesis.length >= MAX_NEMESIS_EVENTS) return;
    nemesis.push({ t: at(op.time, i), f: op.f, type: op.type, value: valueLabel(op.value, 120) });
  });
  const procs = new Int32Array(cols.inv.length);
  for (let k = 0; k < cols.inv.length; k++) {
    const p = input.history[cols.inv[k]!]!.process;
    procs[k] = typeof p === 'number' ? p : -1;
  }
  const packed = packColumns(cols, procs);
  const payload: ReportData = {
    axis: cols.axis,
    packed: packed.layout,
    fs: cols.fs,
    lanes: cols.lanes,
    values: cols.values,
    end: cols.end,
    series: timeSeries(cols),
    faults: faults.map((f) => ({
      kind: f.kind,
      label: f.label,
      start: at(f.start, f.startIndex),
      end: f.end === null || f.endIndex === null ? null : at(f.end, f.endIndex),
    })),
    nemesis,
  };
  return { json: jsonForScript(payload), columns: packed.base64 };
}

/**
 * index.html for a run: one self-contained file (inline CSS, JS and SVG, no network; a CSP forbids
 * any fetch) that works from file://. Every history value is escaped; data for the charts travels
 * in a JSON block that cannot close its `<script>` element.
 */
export function renderReport(input: ReportInput): string {
  const test = input.test ?? {};
  const partner = pairOps(input.history);
  const counts = countHistory(input.history, partner);
  const faults = faultIntervals(input.history);
  const cols = historyColumns(input.history, partner, test.concurrency, reportAxis(input.history));
  const verdict = mergeVerdicts(input.results.map((r) => r.valid));
  const data = reportData(input, cols, faults);
  const title = `${verdictWord(verdict)} · ${test.name ?? ([test.system, test.workload].filter(Boolean).join(' ') || 'faultline')}`;
  const legend = (items: [string, string, string][]): string =>
    `<div class="legend">${items.map(([cls, color, label]) => `<span><i class="${cls}" style="background:${color};border-color:${color}"></i>${label}</span>`).join('')}` +
    `${faults.length ? ` <span>shaded: faults (${[...new Set(faults.map((f) => escapeHtml(f.kind)))].join(', ')})</span>` : ''}</div>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>${reportStyle}</style>
</head>
<body>
${renderHeader(test, verdict, input.results, counts)}
<nav class="tabs"><a href="#charts">Charts</a><a href="#timeline-section">Timeline</a><a href="#anomalies">Checkers &amp; anomalies</a></nav>
<main>
<section class="card" id="charts"><h2>Throughput and latency</h2>
${cols.axis === 'index' ? '<p class="note" id="axis-note">Every event of this history has the same time, so the charts and the timeline are drawn by op index (each event at its position in the history), and latency counts events.</p>\n' : ''}<div class="charts">
<div class="chart-box"><canvas id="throughput" aria-label="Throughput over time"></canvas></div>
${legend([
  ['line', 'var(--ok)', 'ok/s'],
  ['line', 'var(--fail)', 'fail/s'],
  ['line', 'var(--info)', 'info/s'],
])}
<div class="chart-box"><canvas id="latency" aria-label="Latency over time"></canvas></div>
<div class="legend"><span><i style="background:var(--ok)"></i>ok</span><span><i style="background:var(--fail)"></i>fail</span><span><i style="background:var(--info)"></i>info</span>
<span><i class="line" style="background:#1f2933"></i>p50</span><span><i class="dash" style="border-color:#3b6fd6"></i>p95</span><span><i class="dot" style="border-color:#b83280"></i>p99</span><span>(ok ops, by invocation time; log scale)</span></div>
</div>
${renderCounts(counts)}
${renderFaults(faults, cols.axis)}
</section>
<section class="card" id="timeline-section"><h2>Timeline</h2>
<div class="timeline-tools"><button id="zoom-in" type="button">zoom in</button><button id="zoom-out" type="button">zoom out</button>
<button data-pan="-1" type="button">◀</button><button data-pan="1" type="button">▶</button><button id="zoom-reset" type="button">whole run</button>
<span id="timeline-range"></span></div>
<div class="timeline-box"><canvas id="timeline" aria-label="Operations per process over time"></canvas><div id="timeline-tip" hidden></div></div>
<div class="legend"><span><i style="background:var(--ok)"></i>ok</span><span><i style="background:var(--fail)"></i>fail</span><span><i style="background:var(--info)"></i>info</span><span><i style="background:var(--pending)"></i>pending</span><span><i style="background:#fff;border:2px solid var(--hl)"></i>in an anomaly</span><span>Scroll to zoom, drag to pan, double-click for the whole run, click an op for details.</span></div>
<div id="timeline-picked"></div>
</section>
<section class="card" id="anomalies"><h2>Checkers and anomalies</h2>
${input.results.length ? renderCheckers(input, partner) : '<p class="note">No checker ran.</p>'}
</section>
</main>
<footer>Generated by faultline from ${counts.events.toLocaleString('en')} history events. Values from the database are shown as text.</footer>
<script type="application/json" id="fl-data">${data.json}</script>
<script type="application/octet-stream" id="fl-columns">${data.columns}</script>
<script>${reportClientScript}</script>
</body>
</html>
`;
}
