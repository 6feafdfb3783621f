import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CheckResult } from '../core/checker.js';
import type { History } from '../core/op.js';
import { formatJsonlHistory } from '../history/jsonl-history-writer.js';
import { toJson } from './output/to-json.js';

/**
 * Writes what `check --report <dir>` leaves behind: results.json and the history as history.jsonl
 * (so `faultline analyze` can check it again). The HTML report plugs in here.
 */
export async function writeCheckOutputs(
  dir: string,
  history: History,
  result: CheckResult,
): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files = [join(dir, 'results.json'), join(dir, 'history.jsonl')];
  await writeFile(files[0]!, toJson(result) + '\n');
  await writeFile(files[1]!, formatJsonlHistory(history));
  return files;
}
