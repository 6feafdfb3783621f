import { HistoryError } from '../core/errors.js';
import type { Value } from '../core/op.js';
import { EdnTokenizer, TOKEN, type EdnToken, type TokenKind } from './edn-tokenizer.js';
import { TruncatedHistoryError } from './truncated-history-error.js';

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

  /** Advances to the next token that is not a discard (discarded forms are read and dropped). */
  private advance(): TokenKind {
    for (;;) {
      const kind = this.tokens.advance();
      if (kind !== TOKEN.discard) return kind;
      const line = this.tokens.tokenLine;
      const dropped = this.advance();
      if (dropped === TOKEN.eof) this.truncated('#_ with nothing to discard', line);
      if (dropped === TOKEN.close)
        this.tokens.fail(
          `#_ before '${this.tokens.delim}' discards nothing`,
          this.tokens.tokenLine,
          this.tokens.tokenColumn,
        );
      this.formAt(dropped);
    }
  }

  /** The form whose first token the tokenizer holds (of `kind`, not eof, close or discard). */
  private formAt(kind: TokenKind): Value {
    const t = this.tokens;
    if (kind === TOKEN.atom) return t.value;
    if (kind === TOKEN.open) return this.readCollection(t.delim as '(' | '[' | '{' | '#{', t.tokenLine);
    return this.readTagged(t.tag, t.tokenLine);
  }

  /** Reads the next token of a collection opened at `line`: true at its (matching) closer. */
  private atCloser(kind: TokenKind, open: '(' | '[' | '{' | '#{', line: number): boolean {
    if (kind === TOKEN.eof) this.truncated(`${NAMES[open]} opened here is never closed`, line);
    if (kind !== TOKEN.close) return false;
    const t = this.tokens;
    if (t.delim !== CLOSER[open]) {
      t.fail(
        `'${t.delim}' closes the ${NAMES[open]} opened at line ${line}, which needs '${CLOSER[open]}'`,
        t.tokenLine,
        t.tokenColumn,
      );
    }
    return true;
  }

  private readCollection(open: '(' | '[' | '{' | '#{', line: number): Value {
    if (open === '{') return this.readMap(line);
    const items: Value[] = [];
    for (let kind = this.advance(); !this.atCloser(kind, open, line); kind = this.advance()) {
      items.push(this.formAt(kind));
    }
    return open === '#{' ? items.sort(compareValues) : items;
  }

  /** A map, built as its pairs are read; a later duplicate key wins. */
  private readMap(line: number): Value {
    const map: { [key: string]: Value } = {};
    for (let kind = this.advance(); !this.atCloser(kind, '{', line); kind = this.advance()) {
      const key = mapKey(this.formAt(kind));
      const next = this.advance();
      if (this.atCloser(next, '{', line)) this.tokens.fail(`map has a key without a value`, line, 1);
      map[key] = this.formAt(next);
    }
    return map;
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
