import { describe, expect, it } from 'vitest';
import { HistoryError } from '../../../src/core/errors.js';
import { EdnParser, parseEdn } from '../../../src/history/edn-parser.js';
import { TruncatedHistoryError } from '../../../src/history/truncated-history-error.js';

describe('parseEdn literals', () => {
  it.each([
    ['nil', null],
    ['true', true],
    ['false', false],
    ['42', 42],
    ['-7', -7],
    ['+3', 3],
    ['0', 0],
    ['5N', 5],
    ['9007199254740993', 9007199254740993n],
    ['-9007199254740993', -9007199254740993n],
    ['123456789012345678901234567890N', 123456789012345678901234567890n],
    ['1.5', 1.5],
    ['-2.25e3', -2250],
    ['1.5M', 1.5],
    ['##Inf', Infinity],
    [':invoke', 'invoke'],
    [':jepsen.history/op', 'jepsen.history/op'],
    ['some-symbol', 'some-symbol'],
    ['my.ns/sym', 'my.ns/sym'],
    ['"plain"', 'plain'],
    ['"tab\\there\\nnew \\"q\\" \\\\ \\u00e9"', 'tab\there\nnew "q" \\ é'],
    ['\\a', 'a'],
    ['\\newline', '\n'],
    ['\\space', ' '],
    ['\\tab', '\t'],
    ['\\u0041', 'A'],
    ['\\(', '('],
    ['[1 2 3]', [1, 2, 3]],
    ['(1 :a "b")', [1, 'a', 'b']],
    ['[]', []],
    ['{}', {}],
    ['{:a 1, :b [2 3]}', { a: 1, b: [2, 3] }],
    ['{1 :x "s" :y nil :z}', { '1': 'x', s: 'y', nil: 'z' }],
    ['#{3 1 2}', [1, 2, 3]],
    ['#{:b :a}', ['a', 'b']],
    ['#inst "2024-01-02T03:04:05.000-00:00"', '2024-01-02T03:04:05.000-00:00'],
    ['#uuid "f81d4fae-7dec-11d0-a765-00a0c91e6bf6"', 'f81d4fae-7dec-11d0-a765-00a0c91e6bf6'],
    ['#my/tag [1 2]', [1, 2]],
    ['[1 #_ 2 3]', [1, 3]],
    ['[1 #_ #_ 2 3 4]', [1, 4]],
    ['[1,2,,3]', [1, 2, 3]],
    ['; a comment\n[1 ; another\n 2]', [1, 2]],
    ['[[:k [1 2]] {:nested {:deep #{nil}}}]', [['k', [1, 2]], { nested: { deep: [null] } }]],
  ])('%s', (text, expected) => {
    expect(parseEdn(text)).toEqual(expected);
  });

  it('parses a Jepsen independent op with a [key value] tuple', () => {
    expect(parseEdn('{:process 3, :type :ok, :f :cas, :value [7 [1 2]], :index 12}')).toEqual({
      process: 3,
      type: 'ok',
      f: 'cas',
      value: [7, [1, 2]],
      index: 12,
    });
  });

  it('reads a sequence of forms one by one', () => {
    const parser = new EdnParser('{:a 1}\n{:b 2}\n');
    expect(parser.readForm()).toEqual({ a: 1 });
    expect(parser.readForm()).toEqual({ b: 2 });
    expect(parser.readForm()).toBeUndefined();
  });
});

describe('parseEdn errors name the line and column', () => {
  it.each([
    ['[1 2\n 3 }', /:2: '}' closes the vector opened at line 1, which needs '\]' \(column 4\)/],
    ['{:a 1\n :b}', /:1: map has a key without a value/],
    ['\n\n  ]', /:3: unexpected '\]' with nothing open \(column 3\)/],
    ['"bad \\q escape"', /invalid string escape '\\q'/],
    ['12abc', /invalid number '12abc'/],
    ['\\nope', /invalid character literal '\\nope'/],
    ['#"regex"', /unsupported dispatch '#"'/],
    ['#inst 5', /#inst must be followed by a string/],
    [':', /invalid keyword ':'/],
    ['1 2', /more than one EDN value/],
  ])('%j', (text, message) => {
    expect(() => parseEdn(text, 'f.edn')).toThrow(HistoryError);
    expect(() => parseEdn(text, 'f.edn')).toThrow(message);
  });

  it.each([
    ['[1 2', 1],
    ['{:a\n "unterminated', 2],
    ['[1 #_', 1],
    ['\n\n{:a #inst', 3],
  ])('reports truncation of %j', (text, line) => {
    let caught: unknown;
    try {
      parseEdn(text, 'f.edn');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TruncatedHistoryError);
    expect((caught as TruncatedHistoryError).line).toBe(line);
  });
});
