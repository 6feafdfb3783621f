import type { Anomaly } from '../../src/core/checker.js';
import { escapeHtml } from '../escape-html.js';
import { toJsonText } from '../to-json-text.js';

/** Characters of JSON shown before cutting; the full result is in results.json. */
const MAX_JSON = 20_000;

/** The anomaly's other fields as collapsible JSON, so nothing a checker reports is hidden. */
export function renderDetails(anomaly: Anomaly, omit: readonly string[] = []): string {
  const rest = Object.fromEntries(
    Object.entries(anomaly).filter(([k]) => !['id', 'message', 'ops', ...omit].includes(k)),
  );
  if (Object.keys(rest).length === 0) return '';
  let text = toJsonText(rest, 2);
  if (text.length > MAX_JSON) text = `${text.slice(0, MAX_JSON)}\n… (cut; see results.json)`;
  return `<details class="json"><summary>All details (JSON)</summary><pre>${escapeHtml(text)}</pre></details>`;
}
