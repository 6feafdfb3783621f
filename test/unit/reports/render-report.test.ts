import { beforeAll, describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../reports/escape-html.js';
import { renderReport } from '../../../reports/render-report.js';
import { history, nemesis } from '../../support/history.js';
import { buildReportCases, XSS, type ReportCase } from './fixtures/report-cases.js';

let cases: ReportCase[];
beforeAll(async () => {
  cases = await buildReportCases();
});
const html = (name: string): string => {
  const c = cases.find((x) => x.name === name)!;
  return renderReport(c);
};

describe('renderReport', () => {
  it('is one self-contained file: no external URL, and a CSP that forbids fetching', () => {
    for (const c of cases) {
      const page = renderReport(c);
      expect(page).not.toMatch(/\b(src|href)=["']?(https?:)?\/\//i);
      expect(page).toContain(`default-src 'none'`);
    }
  });

  it('never writes an untrusted value as markup', () => {
    const page = html('xss');
    expect(page).not.toContain('<script>window.__xss');
    expect(page).not.toContain('<img src=x');
    // Exactly the report's own script elements: JSON data, packed columns (base64 only), code.
    expect(page.match(/<script/g)).toHaveLength(3);
    expect(page).toMatch(
      /<script type="application\/octet-stream" id="fl-columns">[A-Za-z0-9+/=]+<\/script>/,
    );
    expect(page).toContain(`<p class="message">read returned ${escapeHtml(XSS)}</p>`);
  });

  it('lists each anomaly with its ops as clickable rows', () => {
    for (const c of cases) {
      const page = renderReport(c);
      for (const [id, ops] of Object.entries(c.expect)) {
        const article = page.slice(page.indexOf(`<span class="anomaly-id">${id}</span>`));
        expect(article.length, `${c.name}: ${id}`).toBeLessThan(page.length);
        const body = article.slice(0, article.indexOf('</article>'));
        for (const op of ops)
          expect(body, `${c.name}: ${id} op ${op}`).toContain(`<tr class="op-row" data-op="${op}"`);
      }
    }
  });

  it('draws a linearizability counterexample: order tried, states, and the op that cannot go next', () => {
    const page = html('linearizability');
    expect(page).toContain('<svg class="lin-timeline"');
    expect(page).toMatch(
      /<ol class="lin-steps"><li data-op="0" class="op-link">#0 <b>write 1<\/b> <span class="arrow">⇒<\/span> state <code>1<\/code>/,
    );
    expect(page).toContain('#5 <b>read → 1</b>: read returned 1 (process 2, op #5) is impossible in state 2');
  });

  it('draws a transaction cycle as a graph with labelled edges and reasons', () => {
    const page = html('transactional');
    expect(page.match(/<svg class="cycle-graph"/g)?.length).toBeGreaterThanOrEqual(2);
    expect(page).toContain('>1. wr</text>');
    expect(page).toContain('>2. rw</text>');
    expect(page).toContain(
      '<div class="reason">T4 read key &quot;a&quot; = [], which misses T5&#39;s append of 1, the next one, so T4 &lt; T5</div>',
    );
  });

  it('shows an unknown verdict with its reason', () => {
    expect(html('set')).toContain('<b>Could not decide:</b> history has a pending op at the end');
  });

  it('shows in the fault table which node was primary after each fault started and ended', () => {
    const h = history(
      nemesis('start-partition', { mode: 'primary', primary: 'n1', primaries: ['n1'] }),
      nemesis('stop-partition', { healed: ['n1', 'n2', 'n3'], primaries: ['n2'] }),
      nemesis('start-partition', { mode: 'primary', primary: 'n2', primaries: null }),
    );
    const page = renderReport({ history: h, results: [] });
    expect(page).toContain(
      '<th title="The primaries the system named right after the fault started → right after it ended">primary after start → end</th>',
    );
    expect(page).toContain('<td>n1 → n2</td></tr>');
    expect(page).toContain('<td>? → –</td></tr>');
    expect(html('valid')).not.toContain('primary after');
  });

  it('draws a history whose events all have time 0 by op index, and says so', () => {
    const page = html('zero-time');
    expect(page).toContain('<p class="note" id="axis-note">Every event of this history has the same time');
    expect(page).toContain('"axis":"index"');
    // The fault started at event 9 and ended at event 11.
    expect(page).toContain('<td>#9</td><td>#11</td>');
    expect(html('linearizability')).toContain('"axis":"time"');
    expect(html('linearizability')).not.toContain('axis-note');
  });

  it('says a valid run found nothing', () => {
    const page = html('valid');
    expect(page).toContain('<span class="verdict valid big">');
    expect(page).toContain('No anomalies found.');
  });
});
