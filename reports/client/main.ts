// The report's browser code, bundled by scripts/bundle-report-client.mjs into one script that
// render-report.ts inlines into index.html. It reads the JSON data block and the packed columns and
// draws the charts and the timeline on <canvas>; it sets text with textContent only, never as markup.
import { byId } from './canvas.js';
import { drawLatency, drawThroughput } from './charts.js';
import { base64Bytes, decodeColumns, type Columns } from './decode-columns.js';
import { wireAnomalyLinks, wireCopyButton, wireTimeline } from './interaction.js';
import { opIndexes } from './op-rows.js';
import type { ReportData } from './report-data.js';
import { reportView } from './report-view.js';
import { Timeline } from './timeline.js';

/** The packed columns (see pack-columns.ts): base64, gunzipped in the browser. */
async function unpack(data: ReportData): Promise<Columns> {
  const gz = base64Bytes(document.getElementById('fl-columns')?.textContent?.trim() ?? '');
  const stream = new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'));
  return decodeColumns(await new Response(stream).arrayBuffer(), data.packed);
}

/** Draws everything once the columns are unpacked, and sets data-ready on <body>. */
function show(data: ReportData, cols: Columns): void {
  const anomalyOps = [...document.querySelectorAll('article.anomaly[data-ops]')].map((a) =>
    opIndexes(a.getAttribute('data-ops')),
  );
  const v = reportView(data, cols, anomalyOps);
  const throughput = byId('throughput', HTMLCanvasElement);
  const latency = byId('latency', HTMLCanvasElement);
  const canvas = byId('timeline', HTMLCanvasElement);
  const tl = canvas ? new Timeline(v, canvas) : null;
  if (tl) wireTimeline(v, tl);
  wireAnomalyLinks(v, tl);
  wireCopyButton();
  const drawAll = (): void => {
    if (throughput) drawThroughput(v, throughput);
    if (latency) drawLatency(v, latency);
    tl?.draw();
  };
  drawAll();
  let resizeTimer = 0;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(drawAll, 120);
  });
  document.body.setAttribute('data-ready', 'true');
}

/** Says on the page (as text) why the charts could not be drawn. */
function showFailure(err: unknown): void {
  const box = document.createElement('p');
  box.className = 'fatal';
  box.textContent = `The charts and the timeline could not be drawn: ${String(err)}`;
  document.body.insertBefore(box, document.body.firstChild);
  console.error(err);
}

async function main(): Promise<void> {
  const data = JSON.parse(document.getElementById('fl-data')?.textContent ?? '{}') as ReportData;
  show(data, await unpack(data));
}

main().catch(showFailure);
