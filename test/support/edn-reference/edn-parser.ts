// The reference EDN reader: the plain token-object reader faultline shipped before issue 14,
// frozen. The property test test/unit/history/edn-reader-agreement.test.ts checks that the fast
// reader in src/history agrees with it, and `npm run bench -- --suite parsing` times both in one
// run. Not used by faultline itself.
import { HistoryError } from '../../../src/core/errors.js';
import type { Value } from '../../../src/core/op.js';
import { EdnTokenizer, type EdnToken } from './edn-tokenizer.js';
import { TruncatedHistoryError } from '../../../src/history/truncated-history-error.js';

const CLOSER = { '(': ')', '[': ']', '{': '}', '#{': '}' } as const;
const NAMES = { '(': 'list', '[': 'vector', '{': 'map', '#{': 'set' } as const;

/**
 * A recursive-descent EDN reader over EdnTokenizer. Maps become objects with string keys (keyword
 * keys lose the ':'; other keys are printed), sets become sorted arrays, lists and vectors arrays,
 * `#inst`/`#uuid` their string, any other tagged literal its value; `#_` discards the next form.
 */
export class EdnParser {
  private readonly tokens: EdnTokenizer;

  constructor(
    text: string,
    private readonly source?: string,
  ) {
    this.tokens = new EdnTokenizer(text, source);
  }

  /** The next token that is not a discard (discarded forms are read and dropped). */
  nextToken(): EdnToken {
    for (;;) {
      const token = this.tokens.next();
      if (token.kind !== 'discard') return token;
      const dropped = this.nextToken();
      if (dropped.kind === 'eof') this.truncated('#_ with nothing to discard', dropped.line);
      if (dropped.kind === 'close')
        this.tokens.fail(`#_ before '${dropped.delim}' discards nothing`, dropped.line, dropped.column);
      this.readFormFrom(dropped);
    }
  }

  /** Reads the next whole form, or returns undefined at the end of the input. */
  readForm(): Value | undefined {
    const token = this.nextToken();
    if (token.kind === 'eof') return undefined;
    return this.readFormFrom(token);
  }

  /** Reads the form that starts with `token` (already taken from nextToken). */
  readFormFrom(token: EdnToken): Value {
    switch (token.kind) {
      case 'atom':
        return token.value;
      case 'open':
        return this.readCollection(token.delim, token.line);
      case 'tag':
        return this.readTagged(token.tag, token.line);
      case 'close':
        return this.tokens.fail(`unexpected '${token.delim}' with nothing open`, token.line, token.column);
      case 'eof':
      case 'discard':
        return this.truncated('expected a value', token.line);
    }
  }

  private truncated(message: string, line: number): never {
    throw new TruncatedHistoryError(message, { line, source: this.source });
  }

  private readCollection(open: '(' | '[' | '{' | '#{', line: number): Value {
    const items: Value[] = [];
    for (;;) {
      const token = this.nextToken();
      if (token.kind === 'eof') this.truncated(`${NAMES[open]} opened here is never closed`, line);
      if (token.kind === 'close') {
        if (token.delim !== CLOSER[open]) {
          this.tokens.fail(
            `'${token.delim}' closes the ${NAMES[open]} opened at line ${line}, which needs '${CLOSER[open]}'`,
            token.line,
            token.column,
          );
        }
        break;
      }
      items.push(this.readFormFrom(token));
    }
    let value: Value;
    if (open === '{') {
      if (items.length % 2 !== 0) this.tokens.fail(`map has a key without a value`, line, 1);
      const map: { [key: string]: Value } = {};
      for (let i = 0; i < items.length; i += 2) map[mapKey(items[i]!)] = items[i + 1]!;
      value = map;
    } else if (open === '#{') {
      value = items.sort(compareValues);
    } else {
      value = items;
    }
    return value;
  }

  private readTagged(tag: string, line: number): Value {
    const token = this.nextToken();
    if (token.kind === 'eof') this.truncated(`#${tag} has no value`, line);
    const value = this.readFormFrom(token);
    if ((tag === 'inst' || tag === 'uuid') && typeof value !== 'string') {
      this.tokens.fail(`#${tag} must be followed by a string`, token.line, token.column);
    }
    return value;
  }
}

/** Object key for an EDN map key: strings (keywords) as they are, anything else printed. */
function mapKey(key: Value): string {
  if (typeof key === 'string') return key;
  if (key === null) return 'nil';
  if (typeof key === 'bigint' || typeof key === 'number' || typeof key === 'boolean') return String(key);
  return JSON.stringify(key, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

const TYPE_ORDER = ['boolean', 'number', 'bigint', 'string', 'object'];

/** A total order on values, so sets read the same way whatever order the file lists them in. */
export function compareValues(a: Value, b: Value): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? -1 : 1;
  const ta = TYPE_ORDER.indexOf(typeof a);
  const tb = TYPE_ORDER.indexOf(typeof b);
  if ((typeof a === 'number' || typeof a === 'bigint') && (typeof b === 'number' || typeof b === 'bigint')) {
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (ta !== tb) return ta - tb;
  if (typeof a === 'string' || typeof a === 'boolean')
    return a < (b as typeof a) ? -1 : a > (b as typeof a) ? 1 : 0;
  return mapKey(a).localeCompare(mapKey(b));
}

/** Parses text holding exactly one EDN form. */
export function parseEdn(text: string, source?: string): Value {
  const parser = new EdnParser(text, source);
  const token = parser.nextToken();
  if (token.kind === 'eof') throw new TruncatedHistoryError('no EDN value', { line: token.line, source });
  const value = parser.readFormFrom(token);
  const rest = parser.nextToken();
  if (rest.kind !== 'eof') {
    throw new HistoryError(`more than one EDN value where one was expected (column ${rest.column})`, {
      line: rest.line,
      source,
    });
  }
  return value;
}
