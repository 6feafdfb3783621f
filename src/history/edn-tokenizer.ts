import { HistoryError } from '../core/errors.js';
import type { Value } from '../core/op.js';
import { EdnStringPool } from './edn-string-pool.js';
import { TruncatedHistoryError } from './truncated-history-error.js';

/** One lexical token of EDN text, with the 1-based line and column where it starts. */
export type EdnToken =
  | { kind: 'open'; delim: '(' | '[' | '{' | '#{'; line: number; column: number }
  | { kind: 'close'; delim: ')' | ']' | '}'; line: number; column: number }
  | { kind: 'atom'; value: Value; line: number; column: number }
  | { kind: 'tag'; tag: string; line: number; column: number }
  | { kind: 'discard'; line: number; column: number }
  | { kind: 'eof'; line: number; column: number };

const NAMED_CHARS: Readonly<Record<string, string>> = {
  newline: '\n',
  space: ' ',
  tab: '\t',
  return: '\r',
  formfeed: '\f',
  backspace: '\b',
};

const STRING_ESCAPES: Readonly<Record<string, string>> = {
  t: '\t',
  r: '\r',
  n: '\n',
  b: '\b',
  f: '\f',
  '\\': '\\',
  '"': '"',
  "'": "'",
};

// Characters that end a symbol, keyword, number or character literal (by char code, below 128).
const DELIMITER = new Uint8Array(128);
for (const c of ' \t\n\r\f\v,()[]{}"\\;') DELIMITER[c.charCodeAt(0)] = 1;

function isDelimiterCode(code: number): boolean {
  return code < 128
    ? DELIMITER[code] === 1
    : code === 0xa0 || code === 0xfeff || code === 0x2028 || code === 0x2029;
}

const INTEGER = /^[+-]?\d+N?$/;
const SMALL_INTEGER = /^[+-]?\d+$/;
const FLOAT = /^[+-]?\d+(\.\d*)?([eE][+-]?\d+)?M?$/;

/** Kinds of token, as `EdnTokenizer.advance` returns them (numbers, so the hot loop allocates nothing). */
export const TOKEN = { eof: 0, open: 1, close: 2, atom: 3, tag: 4, discard: 5 } as const;
export type TokenKind = (typeof TOKEN)[keyof typeof TOKEN];

/**
 * Splits EDN text into tokens, one at a time. Keywords and symbols become strings (keywords lose
 * their ':' and keep a namespace as 'ns/name'); nil/true/false become null/booleans; integers
 * beyond 2^53 (or with an N suffix that does not fit) become bigint; M-suffixed decimals become numbers.
 *
 * `advance()` reads a token into the cursor fields (`value`, `delim`, `tag`, `tokenLine`,
 * `tokenColumn`) and returns its kind; `next()` returns the same token as an object.
 */
export class EdnTokenizer {
  private pos = 0;
  private line = 1;
  private lineStart = 0;
  /** The last token's value (atom), delimiter (open/close) or tag name (tag). */
  value: Value = null;
  delim: '(' | '[' | '{' | '#{' | ')' | ']' | '}' = '(';
  tag = '';
  /** 1-based line and column where the last token starts. */
  tokenLine = 1;
  tokenColumn = 1;
  private readonly pool: EdnStringPool;

  constructor(
    private readonly text: string,
    private readonly source: string | undefined,
  ) {
    this.pool = new EdnStringPool(text);
  }

  /** The 1-based line the tokenizer is at (after the last token read). */
  get currentLine(): number {
    return this.line;
  }

  fail(message: string, line: number, column: number): never {
    throw new HistoryError(`${message} (column ${column})`, {
      line,
      source: this.source,
      hint: 'Fix the EDN syntax at that position; see docs/history-format.md for the accepted EDN.',
    });
  }

  /** The next token as an object. */
  next(): EdnToken {
    const kind = this.advance();
    const line = this.tokenLine;
    const column = this.tokenColumn;
    switch (kind) {
      case TOKEN.eof:
        return { kind: 'eof', line, column };
      case TOKEN.open:
        return { kind: 'open', delim: this.delim as '(' | '[' | '{' | '#{', line, column };
      case TOKEN.close:
        return { kind: 'close', delim: this.delim as ')' | ']' | '}', line, column };
      case TOKEN.atom:
        return { kind: 'atom', value: this.value, line, column };
      case TOKEN.tag:
        return { kind: 'tag', tag: this.tag, line, column };
      case TOKEN.discard:
        return { kind: 'discard', line, column };
    }
  }

  /** Reads the next token into the cursor fields and returns its kind. */
  advance(): TokenKind {
    this.skipBlank();
    const line = this.line;
    const column = this.pos - this.lineStart + 1;
    this.tokenLine = line;
    this.tokenColumn = column;
    const text = this.text;
    if (this.pos >= text.length) return TOKEN.eof;
    const code = text.charCodeAt(this.pos);
    switch (code) {
      case 40: // (
      case 91: // [
      case 123: // {
        this.delim = text[this.pos++] as '(' | '[' | '{';
        return TOKEN.open;
      case 41: // )
      case 93: // ]
      case 125: // }
        this.delim = text[this.pos++] as ')' | ']' | '}';
        return TOKEN.close;
      case 34: // "
        this.value = this.readString(line);
        return TOKEN.atom;
      case 92: // \
        this.value = this.readChar(line, column);
        return TOKEN.atom;
      case 35: // #
        return this.readDispatch(line, column);
      case 58: // :
        this.value = this.readKeyword(line, column);
        return TOKEN.atom;
      default:
        this.value =
          (code >= 48 && code <= 57) || code === 45 || code === 43
            ? this.readNumberOrWord(line, column)
            : this.interpretWord(this.readWord(), line, column);
        return TOKEN.atom;
    }
  }

  /**
   * A word starting with a digit or a sign. Plain integers of up to 15 digits, the bulk of a
   * history, are summed from their digits; anything else goes through `interpretWord`.
   */
  private readNumberOrWord(line: number, column: number): Value {
    const text = this.text;
    let i = this.pos;
    const sign = text.charCodeAt(i);
    if (sign === 45 || sign === 43) i++;
    const digits = i;
    let n = 0;
    let code = 0;
    while (i < text.length) {
      code = text.charCodeAt(i);
      if (code < 48 || code > 57) break;
      n = n * 10 + (code - 48);
      i++;
    }
    const count = i - digits;
    if (count > 0 && count < 16 && (i >= text.length || isDelimiterCode(code))) {
      this.pos = i;
      return sign === 45 ? -n : n;
    }
    return this.interpretWord(this.readWord(), line, column);
  }

  /** A keyword, as its name without the ':' (a namespace stays in it as 'ns/name'). */
  private readKeyword(line: number, column: number): string {
    const start = this.pos;
    this.pos++;
    this.skipWord();
    const name = this.pool.slice(start + 1, this.pos);
    if (name === '' || name.charCodeAt(0) === 58 || name.charCodeAt(name.length - 1) === 47)
      this.fail(`invalid keyword '${this.text.slice(start, this.pos)}'`, line, column);
    return name;
  }

  /** Moves past whitespace, commas and comments, counting lines. */
  private skipBlank(): void {
    const text = this.text;
    const length = text.length;
    let i = this.pos;
    while (i < length) {
      const code = text.charCodeAt(i);
      if (code === 32 || code === 44) {
        i++;
      } else if (code === 10) {
        i++;
        this.line++;
        this.lineStart = i;
      } else if (code === 9 || code === 13 || code === 12) {
        i++;
      } else if (code === 59) {
        while (i < length && text.charCodeAt(i) !== 10) i++;
      } else {
        break;
      }
    }
    this.pos = i;
  }

  /** Moves past the rest of a symbol, keyword or number. */
  private skipWord(): void {
    const text = this.text;
    let i = this.pos;
    while (i < text.length && !isDelimiterCode(text.charCodeAt(i))) i++;
    this.pos = i;
  }

  private readWord(): string {
    const start = this.pos;
    this.skipWord();
    return this.pool.slice(start, this.pos);
  }

  private interpretWord(word: string, line: number, column: number): Value {
    if (word === '') this.fail(`unexpected character '${this.text[this.pos] ?? ''}'`, line, column);
    const c = word[0]!;
    const second = word[1];
    if (c >= '0' && c <= '9') return this.number(word, line, column);
    if ((c === '-' || c === '+') && second !== undefined && second >= '0' && second <= '9') {
      return this.number(word, line, column);
    }
    if (c === ':') {
      const name = word.slice(1);
      if (name === '' || name.startsWith(':') || name.endsWith('/'))
        this.fail(`invalid keyword '${word}'`, line, column);
      return name;
    }
    if (word === 'nil') return null;
    if (word === 'true') return true;
    if (word === 'false') return false;
    return word;
  }

  private number(word: string, line: number, column: number): number | bigint {
    if (word.length < 16 && SMALL_INTEGER.test(word)) return Number(word);
    if (INTEGER.test(word)) {
      const digits = word.endsWith('N') ? word.slice(0, -1) : word;
      const big = BigInt(digits);
      return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER)
        ? Number(big)
        : big;
    }
    if (FLOAT.test(word)) return Number(word.endsWith('M') ? word.slice(0, -1) : word);
    return this.fail(`invalid number '${word}'`, line, column);
  }

  private readString(line: number): string {
    const text = this.text;
    let out = '';
    let i = this.pos + 1;
    let chunk = i;
    for (;;) {
      if (i >= text.length)
        throw new TruncatedHistoryError('unterminated string', { line, source: this.source });
      const code = text.charCodeAt(i);
      if (code === 34) break;
      if (code === 10) {
        this.line++;
        this.lineStart = i + 1;
        i++;
      } else if (code === 92) {
        out += text.slice(chunk, i);
        const e = text[i + 1];
        if (e === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex))
            this.fail(`invalid unicode escape '\\u${hex}'`, this.line, i - this.lineStart + 1);
          out += String.fromCharCode(parseInt(hex, 16));
          i += 6;
        } else if (e !== undefined && STRING_ESCAPES[e] !== undefined) {
          out += STRING_ESCAPES[e];
          i += 2;
        } else {
          this.fail(`invalid string escape '\\${e ?? ''}'`, this.line, i - this.lineStart + 1);
        }
        chunk = i;
      } else {
        i++;
      }
    }
    out = chunk === this.pos + 1 ? this.pool.slice(chunk, i) : out + text.slice(chunk, i);
    this.pos = i + 1;
    return out;
  }

  private readChar(line: number, column: number): string {
    const start = this.pos + 1;
    if (start >= this.text.length) this.fail('a backslash must be followed by a character', line, column);
    // The first character is taken even when it is a delimiter: \( \space \, are all characters.
    let end = start + 1;
    while (end < this.text.length && !isDelimiterCode(this.text.charCodeAt(end))) end++;
    const name = this.text.slice(start, end);
    this.pos = end;
    if (name.length === 1) return name;
    const named = NAMED_CHARS[name];
    if (named !== undefined) return named;
    if (/^u[0-9a-fA-F]{4}$/.test(name)) return String.fromCharCode(parseInt(name.slice(1), 16));
    if (/^o[0-7]{1,3}$/.test(name)) return String.fromCharCode(parseInt(name.slice(1), 8));
    return this.fail(`invalid character literal '\\${name}'`, line, column);
  }

  private readDispatch(line: number, column: number): TokenKind {
    const next = this.text[this.pos + 1];
    if (next === '{') {
      this.pos += 2;
      this.delim = '#{';
      return TOKEN.open;
    }
    if (next === '_') {
      this.pos += 2;
      return TOKEN.discard;
    }
    if (next === '#') {
      this.pos += 2;
      const word = this.readWord();
      const special: Record<string, number> = { Inf: Infinity, '-Inf': -Infinity, NaN: NaN };
      if (!(word in special)) this.fail(`unknown symbolic value '##${word}'`, line, column);
      this.value = special[word]!;
      return TOKEN.atom;
    }
    if (next !== undefined && /[A-Za-z]/.test(next)) {
      this.pos++;
      this.tag = this.readWord();
      return TOKEN.tag;
    }
    return this.fail(`unsupported dispatch '#${next ?? ''}'`, line, column);
  }
}
