import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Verdict } from '../../src/core/verdict.js';

/** One run directory as the run browser lists it. */
export interface RunSummary {
  /** Directory relative to the store, with `/` separators, e.g. `mydb-register/20261123T234000.123Z`. */
  path: string;
  /** Test name: results.json's `test.name`, else the parent directory's name. */
  test: string;
  /** Start time (ISO 8601): `test.startTime`, else results.json's modification time. */
  time: string;
  verdict: Verdict | undefined;
  /** For a run without results.json: test.json's `status` (e.g. `interrupted`, `crashed`), else `running`. */
  status: string | undefined;
  /** Client operations and fault intervals, when results.json has counts. */
  ops: number | undefined;
  faults: number | undefined;
  /** `checker: verdict` per checker, e.g. `set: invalid`. */
  checkers: string[];
  /** Nearest enclosing directory (relative) that holds an index.json: a test-all suite. */
  suite: string | undefined;
  /** Files and directories directly in the run directory (`logs/` ends with a slash). */
  files: string[];
}

/** How deep below the store to look; runs sit at store/<test>/<timestamp>, suites one or two deeper. */
const MAX_DEPTH = 5;

/** `valid`, `invalid` or `unknown` for a verdict as results.json writes it. */
function word(v: unknown): string {
  return v === true ? 'valid' : v === false ? 'invalid' : String(v);
}

function verdictOf(v: unknown): Verdict | undefined {
  return v === true || v === false || v === 'unknown' ? v : undefined;
}

async function readJson(file: string): Promise<Record<string, unknown> | undefined> {
  try {
    const doc: unknown = JSON.parse(await readFile(file, 'utf8'));
    return doc && typeof doc === 'object' && !Array.isArray(doc)
      ? (doc as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

async function summarize(
  store: string,
  dir: string,
  suite: string | undefined,
  hasResults: boolean,
): Promise<RunSummary | undefined> {
  // A run that never got checked (interrupted, crashed, still going) has only test.json.
  const file = join(dir, hasResults ? 'results.json' : 'test.json');
  const read = await readJson(file);
  if (!read) return undefined;
  const doc = hasResults ? read : { test: read };
  const test = (doc['test'] ?? {}) as Record<string, unknown>;
  const counts = (doc['counts'] ?? {}) as Record<string, unknown>;
  const checkers = Array.isArray(doc['checkers'])
    ? (doc['checkers'] as Record<string, unknown>[]).map((c) => `${String(c['name'])}: ${word(c['valid'])}`)
    : typeof doc['checker'] === 'string'
      ? [`${doc['checker']}: ${word(doc['valid'])}`]
      : [];
  const entries = await readdir(dir, { withFileTypes: true });
  const rel = relative(store, dir).split(sep).join('/');
  return {
    path: rel,
    test: typeof test['name'] === 'string' ? test['name'] : (rel.split('/').at(-2) ?? rel),
    time: typeof test['startTime'] === 'string' ? test['startTime'] : (await stat(file)).mtime.toISOString(),
    // A bare CheckResult (older `check --report`) has `valid` instead of `verdict`.
    verdict: verdictOf(doc['verdict'] ?? doc['valid']),
    status: hasResults ? undefined : typeof test['status'] === 'string' ? test['status'] : 'running',
    ops: typeof counts['ops'] === 'number' ? counts['ops'] : undefined,
    faults: typeof counts['faults'] === 'number' ? counts['faults'] : undefined,
    checkers,
    suite,
    files: entries
      .filter((e) => e.isFile() || e.isDirectory())
      .map((e) => (e.isDirectory() ? `${e.name}/` : e.name))
      .sort(),
  };
}

/**
 * Every directory under `store` holding a results.json (or only a test.json: a run that was not
 * checked), newest first. Symbolic links (such as
 * `latest`) are not followed, so no run is listed twice and nothing outside the store is read.
 */
export async function discoverRuns(store: string): Promise<RunSummary[]> {
  const runs: RunSummary[] = [];
  const walk = async (dir: string, depth: number, suite: string | undefined): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    const names = new Set(entries.map((e) => e.name));
    const here = names.has('index.json') && dir !== store ? relative(store, dir).split(sep).join('/') : suite;
    if (names.has('results.json') || names.has('test.json')) {
      const run = await summarize(store, dir, suite, names.has('results.json'));
      if (run) runs.push(run);
    }
    if (depth >= MAX_DEPTH) return;
    for (const e of entries) {
      if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'logs' && e.name !== 'node_modules') {
        await walk(join(dir, e.name), depth + 1, here);
      }
    }
  };
  await walk(store, 0, undefined);
  return runs.sort((a, b) => (a.time < b.time ? 1 : a.time > b.time ? -1 : a.path.localeCompare(b.path)));
}
