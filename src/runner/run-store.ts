import { mkdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { JsonlHistoryWriter } from '../history/jsonl-history-writer.js';
import { toJsonText } from '../../reports/to-json-text.js';

/** Jepsen-style directory timestamp, e.g. 20261123T234000.123Z (sorts by time). */
export function runTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '');
}

/** A test name usable as a directory name. */
export function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-');
}

/**
 * One run's directory, store/<test>/<timestamp>/: history.jsonl (appended as events happen),
 * test.json, results.json, reports and logs/<node>/. `store/latest` and `store/<test>/latest` point
 * at the newest run.
 */
export class RunStore {
  readonly dir: string;
  readonly historyPath: string;
  readonly logsDir: string;
  readonly history: JsonlHistoryWriter;

  constructor(
    readonly root: string,
    readonly testName: string,
    readonly startedAt: Date,
  ) {
    const testDir = join(root, safeName(testName));
    this.dir = join(testDir, runTimestamp(startedAt));
    this.historyPath = join(this.dir, 'history.jsonl');
    this.logsDir = join(this.dir, 'logs');
    mkdirSync(this.dir, { recursive: true });
    this.history = new JsonlHistoryWriter(this.historyPath);
    pointLatest(join(root, 'latest'), relative(root, this.dir));
    pointLatest(join(testDir, 'latest'), relative(testDir, this.dir));
  }

  /** Writes `name` in the run directory as pretty JSON (bigints as decimal strings), atomically. */
  writeJson(name: string, value: unknown): string {
    return this.writeText(name, toJsonText(value, 2) + '\n');
  }

  writeText(name: string, text: string): string {
    const path = join(this.dir, name);
    writeFileSync(path + '.tmp', text);
    renameSync(path + '.tmp', path);
    return path;
  }
}

/** Replaces the symlink `link` so it points at `target` (relative), atomically. */
function pointLatest(link: string, target: string): void {
  const tmp = `${link}.${process.pid}.tmp`;
  rmSync(tmp, { force: true });
  symlinkSync(target, tmp);
  renameSync(tmp, link);
}
