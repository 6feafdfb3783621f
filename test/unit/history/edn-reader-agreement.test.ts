// Property test: the EDN reader (rewritten for speed in issue 14) reads every generated history
// exactly as the reader before it did (frozen in test/support/edn-reference): the same ops, the same
// source lines, and for broken text the same error class, message and line.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEdnHistory as parseV0 } from '../../support/edn-reference/edn-history.js';
import { referenceLineOf } from '../../support/edn-reference/op-from-record.js';
import { FaultlineError, HistoryError } from '../../../src/core/errors.js';
import type { Op } from '../../../src/core/op.js';
import { parseEdnHistory } from '../../../src/history/edn-history.js';
import { sourceLineOf } from '../../../src/history/source-lines.js';

/** EDN source text of one form, printed with the variety of real files: spacing, commas, comments. */
type Edn = fc.Arbitrary<string>;

const gap: Edn = fc.constantFrom(' ', ', ', ',', '\n', '  ', '\t', ' ; note\n', '\r\n');
const keywordName = fc.stringMatching(/^[a-z][a-z0-9*+!?<>=-]{0,6}(\/[a-z][a-z0-9-]{0,5})?$/);
const keyword: Edn = keywordName.map((k) => `:${k}`);
const stringBody = fc.string({ maxLength: 8 }).map((s) =>
  s.replace(/[\\"\n\t\r]|[^\x20-\x7e]/g, (c) => {
    const named: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\t': '\\t', '\r': '\\r' };
    return named[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  }),
);
/** A string body written raw, any unicode included (astral characters, combining marks). */
const rawUnicodeBody = fc
  .string({ unit: 'grapheme', maxLength: 6 })
  .map((s) => s.replace(/[\\"]/g, (c) => `\\${c}`));
const atom: Edn = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map((n) => `${n}`),
  fc.bigInt({ min: 0n, max: 2n ** 66n }).map((n) => `${n}N`),
  fc.constantFrom('1.5', '-0.25', '3e4', '2.5M', '1E-3', '##Inf', '##-Inf', '+7', '-0', '007'),
  fc.constantFrom('nil', 'true', 'false', 'sym', 'ns/sym', 'a.b', '\\a', '\\space', '\\newline', '\\u0041'),
  keyword,
  stringBody.map((s) => `"${s}"`),
  rawUnicodeBody.map((s) => `"${s}"`),
  fc.constantFrom('1/2', '-3/4', '22/7N', ':é', 'café', '"\\ud83d\\ude00"', '"\\x"', '"\\u12"'),
  fc.constantFrom(
    '"line\none"',
    '#inst "2024-01-01T00:00:00Z"',
    '#uuid "00000000-0000-0000-0000-000000000000"',
  ),
);
const form: Edn = fc.letrec<{ form: string }>((tie) => ({
  form: fc.oneof(
    { depthSize: 'small' },
    atom,
    fc.array(tie('form'), { maxLength: 4 }).chain((items) => join('[', items, ']')),
    fc.array(tie('form'), { maxLength: 3 }).chain((items) => join('(', items, ')')),
    fc.array(atom, { maxLength: 3 }).chain((items) => join('#{', [...new Set(items)], '}')),
    fc
      .array(fc.tuple(fc.oneof(keyword, atom), tie('form')), { maxLength: 3 })
      .chain((pairs) => join('{', pairs.flat(), '}')),
    fc.tuple(tie('form'), tie('form')).map(([dropped, kept]) => `#_ ${dropped} ${kept}`),
    tie('form').map((f) => `#my/tag ${f}`),
  ),
})).form;

/** Items between an opener and a closer, separated by generated gaps. */
function join(open: string, items: readonly string[], close: string): Edn {
  return fc
    .array(gap, { minLength: items.length + 1, maxLength: items.length + 1 })
    .map(
      (gaps) => `${open}${items.map((item, i) => `${gaps[i]}${item}`).join('')}${gaps[items.length]}${close}`,
    );
}

/** One event map: the required fields (in any order) and a few extra ones. */
const event: Edn = fc
  .tuple(
    fc.constantFrom(':invoke', ':ok', ':fail', ':info', ':bogus'),
    fc.oneof(fc.nat(20).map(String), fc.constant(':nemesis')),
    fc.constantFrom(':read', ':write', ':cas', ':append', ':start'),
    form,
    fc.option(fc.nat(10 ** 12).map(String), { nil: undefined }),
    fc.array(fc.tuple(keyword, form), { maxLength: 2 }),
  )
  .chain(([type, process, f, value, time, extra]) => {
    const pairs: [string, string][] = [
      [':type', type],
      [':process', process],
      [':f', f],
      [':value', value],
      ...(time === undefined ? [] : ([[':time', time]] as [string, string][])),
      ...extra,
    ];
    return fc
      .shuffledSubarray(pairs, { minLength: pairs.length })
      .chain((shuffled) => join('{', shuffled.flat(), '}'));
  });

/** A history file: one map per line (history.edn), or one vector of maps (Knossos). */
const historyText: Edn = fc.oneof(
  fc.array(event, { maxLength: 8 }).map((events) => `${events.join('\n')}\n`),
  fc.array(event, { maxLength: 8 }).map((events) => `[${events.join('\n ')}]`),
);

/** What a reader made of a text: the ops with their source lines, or the error it threw. */
function outcome(read: () => Op[], lineOf: (op: Op) => number | undefined): unknown {
  try {
    return read().map((op) => ({ op, line: lineOf(op) }));
  } catch (error) {
    if (!(error instanceof FaultlineError)) throw error;
    const line = error instanceof HistoryError ? error.line : undefined;
    return { error: error.constructor.name, code: error.code, message: error.message, line };
  }
}

function expectAgreement(text: string, ignoreTruncated: boolean): void {
  const options = { source: 'h.edn', ignoreTruncated };
  expect(outcome(() => parseEdnHistory(text, options), sourceLineOf)).toEqual(
    outcome(() => parseV0(text, options), referenceLineOf),
  );
}

describe('the EDN reader agrees with the reader before it', () => {
  it('on generated histories', () => {
    fc.assert(
      fc.property(historyText, fc.boolean(), (text, ignoreTruncated) =>
        expectAgreement(text, ignoreTruncated),
      ),
      { numRuns: 400 },
    );
  });

  it('on generated histories cut off or damaged at any point', () => {
    const damaged = historyText.chain((text) =>
      fc.tuple(
        fc.constant(text),
        fc.nat(Math.max(0, text.length)),
        fc.constantFrom('', ']', '}', ')', '#', '"', ':', '\\', '#_', '{', '::x', '1.2.3', '##Foo', '#{1 1}'),
      ),
    );
    fc.assert(
      fc.property(damaged, fc.boolean(), ([text, at, insert], ignoreTruncated) =>
        expectAgreement(text.slice(0, at) + insert + (insert === '' ? '' : text.slice(at)), ignoreTruncated),
      ),
      { numRuns: 600 },
    );
  });
});
