import { escapeHtml } from '../escape-html.js';
import type { RunSummary } from './discover-runs.js';

/** URL path of a file or directory inside the store, each segment percent-encoded. */
export function storeHref(path: string): string {
  return `/runs/${path.split('/').map(encodeURIComponent).join('/')}`;
}

const script = `
(function () {
  var q = document.getElementById('q'), v = document.getElementById('v'), count = document.getElementById('count');
  var rows = Array.prototype.slice.call(document.querySelectorAll('tbody tr'));
  function apply() {
    var text = q.value.trim().toLowerCase(), verdict = v.value, shown = 0;
    rows.forEach(function (r) {
      var ok = (!text || r.textContent.toLowerCase().indexOf(text) >= 0) && (!verdict || r.getAttribute('data-verdict') === verdict);
      r.hidden = !ok;
      if (ok) shown++;
    });
    count.textContent = shown + ' of ' + rows.length + ' runs';
  }
  q.addEventListener('input', apply);
  v.addEventListener('change', apply);
  apply();
})();
`;

const style = `
body { font-family: system-ui, sans-serif; margin: 0; color: #1f2933; background: #f4f6f8; font-size: 14px; }
header { background: #fff; border-bottom: 1px solid #e3e7ec; padding: 16px 28px; }
h1 { font-size: 19px; margin: 0 0 8px; } .tools { display: flex; gap: 10px; align-items: center; }
input, select { font: inherit; padding: 4px 8px; border: 1px solid #c8ced6; border-radius: 6px; }
input { width: 320px; } #count { color: #5b6470; }
main { padding: 16px 28px; } table { border-collapse: collapse; width: 100%; background: #fff; border: 1px solid #e3e7ec; }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid #e3e7ec; vertical-align: top; }
th { color: #5b6470; font-size: 12px; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
a { color: #1d4ed8; text-decoration: none; } a:hover { text-decoration: underline; }
.verdict { display: inline-block; padding: 1px 9px; border-radius: 999px; color: #fff; font-weight: 700; font-size: 12px; white-space: nowrap; }
.valid { background: #3f9b68; } .invalid { background: #d9534f; } .unknown { background: #e89f2c; } .none { background: #9a9a9a; }
.time { white-space: nowrap; } .files a { margin-right: 8px; font-size: 12.5px; } .note { color: #5b6470; font-size: 12.5px; } .path { color: #5b6470; font-size: 12px; }
`;

function verdictWord(v: RunSummary['verdict']): string {
  return v === true ? 'valid' : v === false ? 'invalid' : v === 'unknown' ? 'unknown' : 'none';
}

/** The run browser's front page: every run, newest first, filterable, linking to its report and files. */
export function renderRunIndex(runs: readonly RunSummary[], store: string): string {
  const rows = runs.map((r) => {
    const word = verdictWord(r.verdict);
    const report = r.files.includes('index.html')
      ? `<a href="${escapeHtml(storeHref(`${r.path}/index.html`))}">${escapeHtml(r.test)}</a>`
      : escapeHtml(r.test);
    const files = r.files
      .filter((f) => f !== 'index.html')
      .map((f) => `<a href="${escapeHtml(storeHref(`${r.path}/${f}`))}">${escapeHtml(f)}</a>`)
      .join('');
    return (
      `<tr data-verdict="${word}"><td>${report}<div class="path">${escapeHtml(r.path)}</div></td>` +
      `<td class="time">${escapeHtml(r.time.replace('T', ' ').replace(/\.\d+Z$/, 'Z'))}</td><td><span class="verdict ${word}">${escapeHtml(word === 'none' ? (r.status ?? '—') : word)}</span></td>` +
      `<td class="num">${r.ops?.toLocaleString('en') ?? ''}</td><td class="num">${r.faults ?? ''}</td>` +
      `<td>${escapeHtml(r.checkers.join(', '))}</td><td>${escapeHtml(r.suite ?? '')}</td><td class="files">${files}</td></tr>`
    );
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>faultline runs</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<style>${style}</style></head>
<body><header><h1>faultline runs</h1>
<div class="tools"><input id="q" type="search" placeholder="filter by test, time, checker, path…" aria-label="filter">
<select id="v" aria-label="verdict"><option value="">any verdict</option><option value="valid">valid</option><option value="invalid">invalid</option><option value="unknown">unknown</option></select>
<span id="count"></span></div>
<p class="note">Store: ${escapeHtml(store)} · every directory with a results.json or test.json, newest first.</p></header>
<main>${
    runs.length
      ? `<table><thead><tr><th>test</th><th>time</th><th>verdict</th><th>ops</th><th>faults</th><th>checkers</th><th>suite</th><th>files</th></tr></thead><tbody>${rows.join('')}</tbody></table>`
      : '<p>No runs yet: run <code>faultline test</code>, or <code>faultline check --report &lt;dir&gt;</code> into this store.</p>'
  }</main>
<script>${script}</script></body></html>
`;
}
