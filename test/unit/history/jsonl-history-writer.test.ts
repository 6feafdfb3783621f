import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readHistory } from '../../../src/history/read-history.js';

const writerModule = resolve(import.meta.dirname, '../../../src/history/jsonl-history-writer.ts');

describe('JsonlHistoryWriter', () => {
  it('keeps every appended event when the process is killed without closing the file', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'faultline-writer-')), 'history.jsonl');
    const script = `
      const { JsonlHistoryWriter } = await import(${JSON.stringify(writerModule)});
      const writer = new JsonlHistoryWriter(${JSON.stringify(path)});
      writer.append({ index: 0, type: 'invoke', process: 0, f: 'write', value: 12345678901234567890n, time: 1 });
      writer.append({ index: 1, type: 'info', process: 0, f: 'write', value: 12345678901234567890n, time: 2 });
      writer.append({ index: 2, type: 'invoke', process: 1, f: 'read', value: null, time: 3 });
      process.kill(process.pid, 'SIGKILL');
    `;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    expect(child.signal).toBe('SIGKILL');
    const history = await readHistory(path);
    expect(history.map((op) => [op.type, op.process, op.value])).toEqual([
      ['invoke', 0, 12345678901234567890n],
      ['info', 0, 12345678901234567890n],
      ['invoke', 1, null],
    ]);
  });
});
