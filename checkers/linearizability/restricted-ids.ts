/**
 * Numbers the configurations right after an info op x by (kind of x, state before x, state after
 * x), since the op that may follow x depends on them (see the search's `allowed`).
 */
export class RestrictedIds {
  private readonly byBefore = new Map<number, Map<number, number>>();
  size = 0;

  constructor(private readonly kinds: number) {}

  /** The id of (kind, before, after), assigned in order of first use. */
  id(kind: number, before: number, after: number): number {
    const outer = before * this.kinds + kind;
    let inner = this.byBefore.get(outer);
    if (inner === undefined) {
      inner = new Map();
      this.byBefore.set(outer, inner);
    }
    let r = inner.get(after);
    if (r === undefined) {
      r = this.size++;
      inner.set(after, r);
    }
    return r;
  }
}
