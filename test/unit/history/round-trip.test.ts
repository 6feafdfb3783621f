// Property tests: what the writers produce, the readers read back unchanged.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Op, Value } from '../../../src/core/op.js';
import { parseEdn } from '../../../src/history/edn-parser.js';
import { formatJsonlHistory } from '../../../src/history/jsonl-history-writer.js';
import { parseHistory } from '../../../src/history/parse-history.js';

const key = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);
const scalar: fc.Arbitrary<Value> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.bigInt({ min: 2n ** 60n, max: 2n ** 70n }),
  // -0 prints as 0 in JSON and EDN alike.
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map((d) => (d === 0 ? 0 : d)),
  fc.string({ maxLength: 12 }),
);
const value: fc.Arbitrary<Value> = fc.letrec<{ v: Value }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    scalar,
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(key, tie('v'), { maxKeys: 3 }),
  ),
})).v;

/** A test-local EDN printer: maps with keyword keys, strings escaped, bigints with N. */
function toEdn(v: Value): string {
  if (v === null) return 'nil';
  if (typeof v === 'bigint') return `${v}N`;
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toExponential();
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'string') {
    return `"${v.replace(/[\\"\n\t\r]|[^\x20-\x7e]/g, (c) => {
      const named: Record<string, string> = {
        '\\': '\\\\',
        '"': '\\"',
        '\n': '\\n',
        '\t': '\\t',
        '\r': '\\r',
      };
      return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    })}"`;
  }
  if (Array.isArray(v)) return `[${v.map(toEdn).join(' ')}]`;
  return `{${Object.entries(v)
    .map(([k, x]) => `:${k} ${toEdn(x)}`)
    .join(', ')}}`;
}

const op = fc.record({
  type: fc.constantFrom('invoke', 'ok', 'fail', 'info'),
  process: fc.oneof(fc.nat(50), fc.constant('nemesis' as const)),
  f: fc.constantFrom('read', 'write', 'cas', 'start-partition'),
  value,
  time: fc.nat(),
});

describe('round trips', () => {
  it('EDN text of any value parses back to that value', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(parseEdn(toEdn(v))).toEqual(v);
      }),
    );
  });

  it('a history written as JSONL reads back identically (bigints exact)', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 20 }), (events) => {
        const history: Op[] = events.map((e, index) => ({ index, ...e }) as Op);
        expect(parseHistory(formatJsonlHistory(history), { format: 'jsonl' })).toEqual(history);
      }),
    );
  });

  it('a history printed as Jepsen EDN reads back identically', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 20 }), (events) => {
        const history: Op[] = events.map((e, index) => ({ index, ...e }) as Op);
        const text = history
          .map(
            (o) =>
              `{:index ${o.index}, :type :${o.type}, :process ${o.process === 'nemesis' ? ':nemesis' : o.process}, :f :${o.f}, :value ${toEdn(o.value)}, :time ${o.time}}`,
          )
          .join('\n');
        expect(parseHistory(text, { format: 'edn' })).toEqual(history);
      }),
    );
  });
});
