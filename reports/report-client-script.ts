// The report's browser script, kept as strings so the report is one self-contained file. It reads
// the JSON data block and the packed columns and draws the charts and the timeline on <canvas>; it
// sets text with textContent only, never innerHTML. Split in parts that share one closure.
import { bootScript } from './client/boot-script.js';
import { chartScript } from './client/chart-script.js';
import { interactionScript } from './client/interaction-script.js';
import { timelineScript } from './client/timeline-script.js';

/** The inline script of index.html. */
export const reportClientScript = [bootScript, chartScript, timelineScript, interactionScript].join('');
