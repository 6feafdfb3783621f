// Reports opened from file:// in real headless chromium: no console errors, anomaly sections with
// the right ops, untrusted values shown as text, and a 1M-op report that loads in under 5 s.
// Screenshots go to store/test-artifacts/reports/ (gitignored) for a person to look at.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../src/core/checker.js';
import { serveStore } from '../../../reports/run-browser/serve-store.js';
import { writeReport } from '../../../reports/write-report.js';
import { buildReportCases, XSS, type ReportCase } from '../../unit/reports/fixtures/report-cases.js';
import { syntheticHistory } from '../../unit/reports/fixtures/synthetic-history.js';
import { chromiumMissing, launchChromium } from './launch-chromium.js';

const artifacts = resolve(import.meta.dirname, '../../../store/test-artifacts/reports');
const missing = chromiumMissing();
if (missing) console.warn(missing);

/** Opens a report and records every console error and uncaught exception. */
async function open(context: BrowserContext, dir: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(pathToFileURL(join(dir, 'index.html')).href);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
  return { page, errors };
}

describe.skipIf(missing !== undefined)(
  missing ?? 'HTML report in headless chromium',
  { timeout: 120_000 },
  () => {
    let context: BrowserContext;
    let cases: ReportCase[];

    beforeAll(async () => {
      mkdirSync(artifacts, { recursive: true });
      cases = await buildReportCases();
      for (const c of cases) await writeReport(join(artifacts, c.name), c);
      context = await launchChromium();
    });

    afterAll(async () => {
      await context?.close();
    });

    it('renders every case without console errors, with each anomaly and its ops', async () => {
      for (const c of cases) {
        const { page, errors } = await open(context, join(artifacts, c.name));
        await page.screenshot({ path: join(artifacts, `${c.name}.png`), fullPage: true });
        expect(errors, c.name).toEqual([]);
        for (const [id, ops] of Object.entries(c.expect)) {
          const article = page.locator('article.anomaly', {
            has: page.locator('.anomaly-id', { hasText: id }),
          });
          expect(await article.count(), `${c.name} ${id}`).toBe(1);
          const rows = await article
            .locator('tr.op-row')
            .evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-op'))));
          expect(
            rows.sort((a, b) => a - b),
            `${c.name} ${id}`,
          ).toEqual(ops);
        }
        await page.close();
      }
    });

    it('shows the XSS value as text and runs none of it', async () => {
      const { page, errors } = await open(context, join(artifacts, 'xss'));
      expect(errors).toEqual([]);
      expect(await page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss)).toBeUndefined();
      expect(await page.locator('img').count()).toBe(0);
      expect(await page.locator('.anomaly .message').textContent()).toBe(`read returned ${XSS}`);
      expect(await page.locator('#repro').textContent()).toBe(`faultline test ${XSS}`);
      // The timeline tooltip and the picked-op panel put values in with textContent too.
      await page.locator('tr.op-row').first().click();
      await expect
        .poll(() => page.locator('#timeline-picked').textContent())
        .toContain(`→ ${XSS.slice(0, 40)}`);
      expect(await page.evaluate(() => (globalThis as unknown as { __xss?: number }).__xss)).toBeUndefined();
      await page.close();
    });

    it('clicking an anomaly op zooms the timeline to it and names the anomaly', async () => {
      const { page } = await open(context, join(artifacts, 'set'));
      await page.locator('article.anomaly tr.op-row[data-op="0"]').first().click();
      await expect.poll(() => page.locator('#timeline-picked').textContent()).toContain('op #0');
      await expect.poll(() => page.locator('#timeline-picked a.jump').count()).toBe(1);
      await page
        .locator('#timeline-section')
        .screenshot({ path: join(artifacts, 'set-timeline-picked.png') });
      // "show on timeline" zooms to the anomaly's ops; double-click shows the whole run; the wheel zooms.
      const range = (): Promise<string | null> => page.locator('#timeline-range').textContent();
      await page.locator('#zoom-reset').click();
      // The range label is redrawn in the next animation frame: wait for two before reading it.
      await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
      const whole = await range();
      await page.locator('[data-show-anomaly]').first().click();
      await expect.poll(range).not.toBe(whole);
      await page.locator('#timeline').dblclick();
      await expect.poll(range).toBe(whole);
      await page.locator('#timeline').hover();
      await page.mouse.wheel(0, -400);
      await expect.poll(range).not.toBe(whole);
      await page.close();
    });

    it('hovering an op on the timeline shows its details', async () => {
      const { page } = await open(context, join(artifacts, 'linearizability'));
      await page.locator('#timeline').scrollIntoViewIfNeeded();
      const box = (await page.locator('#timeline').boundingBox())!;
      // Lane 0 holds "write 1" from 0 to 2 ms of a 9.5 ms run; the canvas has a 100 px label gutter.
      await page.mouse.move(box.x + 100 + (box.width - 108) * 0.1, box.y + 30 + 8);
      await expect.poll(() => page.locator('#timeline-tip').isVisible()).toBe(true);
      expect(await page.locator('#timeline-tip').textContent()).toContain('op #0');
      await page.close();
    });

    it('draws a history whose times are all 0 by op index', async () => {
      const { page, errors } = await open(context, join(artifacts, 'zero-time'));
      expect(errors).toEqual([]);
      expect(await page.locator('#axis-note').textContent()).toContain('drawn by op index');
      const range = await page.locator('#timeline-range').textContent();
      expect(range).toMatch(/^#0 – #11 · 4 ops in view · x axis: op index/);
      await page.locator('#timeline').scrollIntoViewIfNeeded();
      const box = (await page.locator('#timeline').boundingBox())!;
      // Lane 0 holds "write 1" from event 0 to event 2 of 0..11: hover at index 1.
      await page.mouse.move(box.x + 100 + (box.width - 108) * (1 / 11), box.y + 30 + 8);
      await expect.poll(() => page.locator('#timeline-tip').isVisible()).toBe(true);
      const tip = await page.locator('#timeline-tip').textContent();
      expect(tip).toContain('op #0');
      expect(tip).toContain('at #0, took 2 events');
      await page.locator('#charts').screenshot({ path: join(artifacts, 'zero-time-charts.png') });
      await page.close();
    });

    it('the run browser lists the reports and filters them', async () => {
      const { server, url } = await serveStore({ store: artifacts, port: 0 });
      try {
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await page.goto(url);
        const rows = page.locator('tbody tr');
        expect(await rows.count()).toBeGreaterThanOrEqual(cases.length);
        await page.locator('#v').selectOption('valid');
        await expect.poll(() => page.locator('tbody tr:not([hidden])').count()).toBeGreaterThanOrEqual(1);
        expect(await page.locator('tbody tr:not([hidden]) .verdict.invalid').count()).toBe(0);
        await page.locator('#v').selectOption('');
        await page.locator('#q').fill('etcd-bank');
        await expect.poll(() => page.locator('tbody tr:not([hidden])').count()).toBe(1);
        await page.locator('#q').fill('');
        await page.screenshot({ path: join(artifacts, 'run-browser.png'), fullPage: true });
        await page.locator('tbody tr a', { hasText: 'etcd-set' }).first().click();
        await page.waitForSelector('body[data-ready="true"]');
        expect(errors).toEqual([]);
        await page.close();
      } finally {
        server.closeAllConnections();
        await new Promise((done) => server.close(done));
      }
    });

    it('loads a 1M-op report in under 5 s and stays interactive', { timeout: 240_000 }, async () => {
      const dir = join(artifacts, 'million');
      const history = syntheticHistory(1_000_000, 10, 600);
      const results: CheckResult[] = [{ checker: 'linearizability', valid: true, anomalies: [] }];
      await writeReport(dir, {
        history,
        results,
        test: { name: '1M ops', concurrency: 10, nemesis: 'partition,kill' },
      });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const started = Date.now();
      await page.goto(pathToFileURL(join(dir, 'index.html')).href, { timeout: 60_000 });
      await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
      const loadMs = Date.now() - started;
      console.log(`1M-op report loaded in ${loadMs} ms`);
      expect(errors).toEqual([]);
      expect(loadMs).toBeLessThan(5000);
      await page.screenshot({ path: join(artifacts, 'million.png') });
      // A redraw of the whole run (1M ops aggregated per pixel) takes well under a second.
      // Browser code as a string: the test's tsconfig has no DOM types.
      const redrawMs = await page.evaluate<number>(`(async () => {
      const frame = () => new Promise((done) => requestAnimationFrame(done));
      const started = performance.now();
      document.getElementById('timeline').dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
      await frame();
      await frame();
      return performance.now() - started;
    })()`);
      console.log(`1M-op timeline redraw: ${Math.round(redrawMs)} ms`);
      expect(redrawMs).toBeLessThan(1500);
      // Zoom in twice: the timeline redraws with single ops once few enough are in view.
      for (let i = 0; i < 8; i++) await page.locator('#zoom-in').click();
      await expect.poll(() => page.locator('#timeline-range').textContent()).not.toContain('aggregated');
      await page.locator('#timeline-section').screenshot({ path: join(artifacts, 'million-zoomed.png') });
      await page.close();
    });
  },
);
