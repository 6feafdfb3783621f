const SLOTS = 2048; // a power of two
const MAX_LENGTH = 40;

/**
 * Interns short substrings of one text: a keyword, symbol or string that a history repeats
 * thousands of times (`:type`, `:invoke`, `"n1"`) is sliced out once, then found again by hash
 * without allocating. A collision evicts the slot's string, so the pool stays small.
 */
export class EdnStringPool {
  private readonly strings: (string | undefined)[] = new Array<string | undefined>(SLOTS);

  constructor(private readonly text: string) {}

  /** `text.slice(start, end)`, shared with earlier equal slices where the pool still holds one. */
  slice(start: number, end: number): string {
    const length = end - start;
    if (length > MAX_LENGTH) return this.text.slice(start, end);
    const text = this.text;
    let hash = length;
    for (let i = start; i < end; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
    const slot = hash & (SLOTS - 1);
    const held = this.strings[slot];
    if (held !== undefined && held.length === length && sameChars(held, text, start)) return held;
    const fresh = text.slice(start, end);
    this.strings[slot] = fresh;
    return fresh;
  }
}

/** Whether `text` from `start` begins with `word`. */
function sameChars(word: string, text: string, start: number): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}
