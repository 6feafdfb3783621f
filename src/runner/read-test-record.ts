import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FaultlineError } from '../core/errors.js';
import type { StoredTestRecord } from './test-record.js';

/** The fields every test.json has had since the first one, with the type each must have. */
const REQUIRED = {
  name: 'string',
  system: 'string',
  workload: 'string',
  nodes: 'number',
  concurrency: 'number',
  seed: 'number',
} as const;

/**
 * Reads `<runDir>/test.json`, of this format or an older one (without `format`, `nodeNames` or
 * `status: running`); throws RUN_NOT_FOUND when there is none and BAD_ARGUMENT naming a bad field.
 */
export function readTestRecord(runDir: string): StoredTestRecord {
  const path = join(runDir, 'test.json');
  if (!existsSync(path)) {
    throw new FaultlineError('RUN_NOT_FOUND', `${runDir} is not a run directory: it has no test.json.`, {
      hint: 'Pass a directory made by `faultline test`, e.g. store/latest.',
    });
  }
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw new FaultlineError('BAD_ARGUMENT', `${path} is not valid JSON.`, { cause });
  }
  return checkedRecord(doc, path);
}

/** `doc` as a StoredTestRecord, or a BAD_ARGUMENT naming the first field that is missing or wrong. */
function checkedRecord(doc: unknown, path: string): StoredTestRecord {
  const bad = (what: string): FaultlineError =>
    new FaultlineError('BAD_ARGUMENT', `${path} is not a faultline test record: ${what}.`, {
      hint: 'It should be the test.json that `faultline test` wrote into the run directory.',
    });
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw bad('it is not a JSON object');
  const record = doc as Record<string, unknown>;
  for (const [field, type] of Object.entries(REQUIRED)) {
    if (typeof record[field] !== type) throw bad(`"${field}" should be a ${type}`);
  }
  const nemesis = record['nemesis'] ?? [];
  if (!Array.isArray(nemesis) || !nemesis.every((n) => typeof n === 'string'))
    throw bad('"nemesis" should be a list of fault names');
  return { ...(record as unknown as StoredTestRecord), nemesis };
}
