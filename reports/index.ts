export { renderReport, type ReportInput } from './render-report.js';
export { renderJUnit } from './render-junit.js';
export {
  resultsJson,
  RESULTS_SCHEMA_VERSION,
  type ResultsDocument,
  type ResultsChecker,
} from './results-json.js';
export { writeReport, REPORT_FILES } from './write-report.js';
export { summarizeResult } from './anomaly-summary.js';
export type { TestInfo } from './test-info.js';
export { toJsonText } from './to-json-text.js';
export { escapeHtml } from './escape-html.js';
export { jsonForScript } from './json-for-script.js';
