// The reference EDN reader: the plain token-object reader faultline shipped before issue 14,
// frozen. The property test test/unit/history/edn-reader-agreement.test.ts checks that the fast
// reader in src/history agrees with it, and `npm run bench -- --suite parsing` times both in one
// run. Not used by faultline itself.
import { HistoryError } from '../../../src/core/errors.js';
import type { Value } from '../../../src/core/op.js';
import { TruncatedHistoryError } from '../../../src/history/truncated-history-error.js';

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

/**
 * Splits EDN text into tokens, one at a time. Keywords and symbols become strings (keywords lose
 * their ':' and keep a namespace as 'ns/name'); nil/true/false become null/booleans; integers
 * beyond 2^53 (or with an N suffix that does not fit) become bigint; M-suffixed decimals become numbers.
 */
export class EdnTokenizer {
  private pos = 0;
  private line = 1;
  private lineStart = 0;

  constructor(
    private readonly text: string,
    private readonly source: string | undefined,
  ) {}

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

  next(): EdnToken {
    this.skipBlank();
    const line = this.line;
    const column = this.pos - this.lineStart + 1;
    const text = this.text;
    if (this.pos >= text.length) return { kind: 'eof', line, column };
    const c = text[this.pos]!;
    switch (c) {
      case '(':
      case '[':
      case '{':
        this.pos++;
        return { kind: 'open', delim: c, line, column };
      case ')':
      case ']':
      case '}':
        this.pos++;
        return { kind: 'close', delim: c, line, column };
      case '"':
        return { kind: 'atom', value: this.readString(line), line, column };
      case '\\':
        return { kind: 'atom', value: this.readChar(line, column), line, column };
      case '#':
        return this.readDispatch(line, column);
      default: {
        const word = this.readWord();
        return { kind: 'atom', value: this.interpretWord(word, line, column), line, column };
      }
    }
  }

  private skipBlank(): void {
    const text = this.text;
    while (this.pos < text.length) {
      const code = text.charCodeAt(this.pos);
      if (code === 10) {
        this.pos++;
        this.line++;
        this.lineStart = this.pos;
      } else if (code === 32 || code === 44 || code === 9 || code === 13 || code === 12) {
        this.pos++;
      } else if (code === 59) {
        while (this.pos < text.length && text.charCodeAt(this.pos) !== 10) this.pos++;
      } else {
        return;
      }
    }
  }

  private readWord(): string {
    const start = this.pos;
    while (this.pos < this.text.length && !isDelimiterCode(this.text.charCodeAt(this.pos))) this.pos++;
    return this.text.slice(start, this.pos);
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
    out += text.slice(chunk, i);
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

  private readDispatch(line: number, column: number): EdnToken {
    const next = this.text[this.pos + 1];
    if (next === '{') {
      this.pos += 2;
      return { kind: 'open', delim: '#{', line, column };
    }
    if (next === '_') {
      this.pos += 2;
      return { kind: 'discard', line, column };
    }
    if (next === '#') {
      this.pos += 2;
      const word = this.readWord();
      const special: Record<string, number> = { Inf: Infinity, '-Inf': -Infinity, NaN: NaN };
      if (word in special) return { kind: 'atom', value: special[word]!, line, column };
      return this.fail(`unknown symbolic value '##${word}'`, line, column);
    }
    if (next !== undefined && /[A-Za-z]/.test(next)) {
      this.pos++;
      return { kind: 'tag', tag: this.readWord(), line, column };
    }
    return this.fail(`unsupported dispatch '#${next ?? ''}'`, line, column);
  }
}
