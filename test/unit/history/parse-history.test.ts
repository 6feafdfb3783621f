import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HistoryError } from '../../../src/core/errors.js';
import type { Op } from '../../../src/core/op.js';
import { detectHistoryFormat } from '../../../src/history/history-format.js';
import { JsonlHistoryWriter, formatJsonlHistory } from '../../../src/history/jsonl-history-writer.js';
import { parseHistory } from '../../../src/history/parse-history.js';
import { readHistory } from '../../../src/history/read-history.js';
import { sourceLineOf } from '../../../src/history/source-lines.js';
import { TruncatedHistoryError } from '../../../src/history/truncated-history-error.js';

const JSONL = [
  '{"index":0,"type":"invoke","process":0,"f":"write","value":1,"time":10}',
  '',
  '{"index":1,"type":"ok","process":0,"f":"write","value":1,"time":20,"node":"n1","latency":3}',
  '{"type":"info","process":"nemesis","f":"start-partition","value":["n1"]}',
].join('\n');

const JEPSEN_EDN = `{:type :invoke, :f :read, :value nil, :process 0, :time 5, :index 0}
{:type :invoke, :f :cas, :value [1 [2 3]], :process 1, :time 6, :index 1}
{:type :ok, :f :read, :value 4, :process 0, :time 7, :index 2}
{:type :info, :f :cas, :value [1 [2 3]], :process 1, :time 8, :index 3, :error :timeout}
{:type :info, :f :start, :value nil, :process :nemesis, :time 9, :index 4}
`;

const KNOSSOS_EDN = `[{:process 0, :type :invoke, :f :write, :value 3}
 {:process 1, :type :invoke, :f :read, :value nil}
 {:process 0, :type :ok, :f :write, :value 3}
 {:process 1,
  :type :ok,
  :f :read,
  :value 3}]`;

function tempFile(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'faultline-history-')), name);
  writeFileSync(path, content);
  return path;
}

describe('parseHistory (JSONL)', () => {
  it('reads every field, keeps extras, fills value/time and skips blank lines', () => {
    const ops = parseHistory(JSONL);
    expect(ops).toEqual([
      { index: 0, type: 'invoke', process: 0, f: 'write', value: 1, time: 10 },
      { index: 1, type: 'ok', process: 0, f: 'write', value: 1, time: 20, node: 'n1', latency: 3 },
      { index: 2, type: 'info', process: 'nemesis', f: 'start-partition', value: ['n1'], time: 21 },
    ]);
    expect(ops.map(sourceLineOf)).toEqual([1, 3, 4]);
  });

  it('keeps integers beyond 2^53 exact as bigint, and writes them back the same', () => {
    const line =
      '{"index":0,"type":"invoke","process":0,"f":"write","value":[12345678901234567890,"12345678901234567890"],"time":0}';
    const ops = parseHistory(line);
    expect(ops[0]!.value).toEqual([12345678901234567890n, '12345678901234567890']);
    expect(formatJsonlHistory(ops)).toBe(line + '\n');
  });

  it('names the line of malformed JSON that is not the last line', () => {
    expect(() => parseHistory('{"type":"invoke"\n{"type":"ok"}', { source: 'h.jsonl' })).toThrow(
      /^h\.jsonl:1: not valid JSON/,
    );
  });

  it('reports a truncated final line, and drops it with ignoreTruncated', () => {
    const text = JSONL + '\n{"index":3,"type":"inv';
    expect(() => parseHistory(text, { source: 'h.jsonl' })).toThrow(TruncatedHistoryError);
    expect(() => parseHistory(text, { source: 'h.jsonl' })).toThrow(
      /h\.jsonl:5: the last line is not valid JSON/,
    );
    expect(parseHistory(text, { ignoreTruncated: true })).toHaveLength(3);
  });

  it.each([
    ['{"process":0,"f":"read"}', /missing field "type": expected invoke, ok, fail or info/],
    ['{"type":"done","process":0,"f":"read"}', /unknown type "done": expected invoke, ok, fail or info/],
    ['{"type":"invoke","f":"read"}', /missing field "process": a non-negative integer, or "nemesis"/],
    ['{"type":"invoke","process":-1,"f":"read"}', /process -1 is not/],
    ['{"type":"invoke","process":"p1","f":"read"}', /process "p1" is not/],
    ['{"type":"invoke","process":0}', /missing field "f"/],
    ['{"type":"invoke","process":0,"f":7}', /f 7 is not a non-empty string/],
    ['{"type":"invoke","process":0,"f":"read","time":-5}', /time -5 is not a non-negative number/],
    ['{"type":"invoke","process":0,"f":"read","time":"soon"}', /time "soon" is not/],
    ['{"type":"invoke","process":0,"f":"read","node":3}', /node 3 is not a string/],
    ['[1,2]', /an event must be a map\/object, found \[1,2\]/],
  ])('rejects ill-typed field %s naming the line', (line, message) => {
    const text = `{"type":"invoke","process":9,"f":"read"}\n{"type":"ok","process":9,"f":"read"}\n${line}\n`;
    expect(() => parseHistory(text, { source: 'h.jsonl' })).toThrow(HistoryError);
    expect(() => parseHistory(text, { source: 'h.jsonl' })).toThrow(/^h\.jsonl:3: /);
    expect(() => parseHistory(text, { source: 'h.jsonl' })).toThrow(message);
  });
});

describe('parseHistory (EDN)', () => {
  it('maps a Jepsen history.edn (one map per line)', () => {
    const ops = parseHistory(JEPSEN_EDN);
    expect(ops[1]).toEqual({ index: 1, type: 'invoke', process: 1, f: 'cas', value: [1, [2, 3]], time: 6 });
    expect(ops[3]).toMatchObject({ type: 'info', error: 'timeout' });
    expect(ops[4]).toMatchObject({ process: 'nemesis', f: 'start' });
    expect(ops.map(sourceLineOf)).toEqual([1, 2, 3, 4, 5]);
  });

  it('maps Knossos data (one vector of maps) with synthesized times and the line of each map', () => {
    const ops = parseHistory(KNOSSOS_EDN);
    expect(ops.map((op) => [op.index, op.time, op.type, op.process, op.f, op.value])).toEqual([
      [0, 0, 'invoke', 0, 'write', 3],
      [1, 1, 'invoke', 1, 'read', null],
      [2, 2, 'ok', 0, 'write', 3],
      [3, 3, 'ok', 1, 'read', 3],
    ]);
    expect(ops.map(sourceLineOf)).toEqual([1, 2, 3, 4]);
  });

  it('reads Jepsen 0.3 record literals (#jepsen.history.Op{...}) as plain events', () => {
    const ops = parseHistory(
      '#jepsen.history.Op{:index 0, :time 12, :type :invoke, :process 0, :f :read, :value nil}\n' +
        '#jepsen.history.Op{:index 1, :time 15, :type :ok, :process 0, :f :read, :value #{1 2}}\n',
    );
    expect(ops.map((op) => [op.type, op.time, op.value])).toEqual([
      ['invoke', 12, null],
      ['ok', 15, [1, 2]],
    ]);
    expect(ops.map(sourceLineOf)).toEqual([1, 2]);
  });

  it('keeps a recorded index that differs from the position as sourceIndex', () => {
    const ops = parseHistory('{:type :invoke :f :read :process 0 :index 40}');
    expect(ops[0]).toMatchObject({ index: 0, sourceIndex: 40 });
  });

  it('reports a truncated last map, and drops it with ignoreTruncated', () => {
    const text = JEPSEN_EDN + '{:type :ok, :f :read, :va';
    expect(() => parseHistory(text, { source: 'h.edn' })).toThrow(
      /h\.edn:6: map opened here is never closed/,
    );
    expect(parseHistory(text, { ignoreTruncated: true })).toHaveLength(5);
  });

  it('keeps the events of a Knossos vector whose closing bracket is missing, only with ignoreTruncated', () => {
    const text = KNOSSOS_EDN.slice(0, -1);
    expect(() => parseHistory(text)).toThrow(TruncatedHistoryError);
    expect(parseHistory(text, { ignoreTruncated: true })).toHaveLength(4);
  });

  it('refuses to ignore an unclosed map that is not at the end (it would lose the events after it)', () => {
    const text =
      '{:type :invoke, :f :read, :process 0\n{:type :ok, :f :read, :process 0}\n{:type :invoke, :f :read, :process 1}\n';
    expect(() => parseHistory(text, { ignoreTruncated: true })).toThrow(HistoryError);
  });

  it('names the line of an ill-typed field in EDN', () => {
    expect(() =>
      parseHistory('{:type :invoke :f :read :process 0}\n{:type :bogus :f :read :process 0}', {
        source: 'h.edn',
      }),
    ).toThrow(/^h\.edn:2: unknown type "bogus"/);
  });
});

describe('byte order marks', () => {
  it('are skipped at the start of JSONL and EDN files', () => {
    expect(parseHistory('\uFEFF' + JSONL)).toHaveLength(3);
    expect(parseHistory('\uFEFF' + JEPSEN_EDN)).toHaveLength(5);
  });
});

describe('format detection', () => {
  it.each([
    ['{"type":"invoke"}', undefined, 'jsonl'],
    ['  \n{ "index": 0 }', undefined, 'jsonl'],
    ['{:type :invoke}', undefined, 'edn'],
    ['[{:type :invoke}]', undefined, 'edn'],
    ['; comment\n{:a 1}', undefined, 'edn'],
    ['', 'h.edn', 'edn'],
    ['', 'h.jsonl', 'jsonl'],
    ['{}', 'x.edn', 'edn'],
  ] as const)('%j (%s) is %s', (head, name, format) => {
    expect(detectHistoryFormat(head, name)).toBe(format);
  });
});

describe('readHistory and JsonlHistoryWriter', () => {
  it('writes one line per op as it goes, and reads the file back identically', async () => {
    const path = tempFile('history.jsonl', '');
    const writer = new JsonlHistoryWriter(path);
    const ops: Op[] = parseHistory(JEPSEN_EDN);
    writer.append(ops[0]!);
    expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(2);
    for (const op of ops.slice(1)) writer.append(op);
    writer.close();
    writer.close();
    expect(() => writer.append(ops[0]!)).toThrow(/closed/);
    expect(await readHistory(path)).toEqual(ops);
  });

  it('reads EDN files, detecting the format from the content', async () => {
    const path = tempFile('history.txt', KNOSSOS_EDN);
    expect(await readHistory(path)).toHaveLength(4);
    await expect(readHistory(path, { format: 'jsonl' })).rejects.toThrow(/not valid JSON/);
  });

  it('streams JSONL and still reports a truncated last line with its line number', async () => {
    const path = tempFile('h.jsonl', JSONL + '\n{"ty');
    await expect(readHistory(path)).rejects.toThrow(/h\.jsonl:5: the last line is not valid JSON/);
    expect(await readHistory(path, { ignoreTruncated: true })).toHaveLength(3);
  });

  it('explains a missing file', async () => {
    await expect(readHistory('/nonexistent/h.jsonl')).rejects.toThrow(
      /\/nonexistent\/h\.jsonl: cannot read the history: no such file/,
    );
    await expect(readHistory('/nonexistent/h.jsonl', { format: 'jsonl' })).rejects.toThrow(/no such file/);
    await expect(readHistory(tmpdir(), { format: 'edn' })).rejects.toThrow(/is a directory/);
  });
});
