/**
 * A growable list of dependency edges in typed arrays (no per-edge objects). `key` is the key id an
 * edge was inferred from (-1 for process/realtime edges); `aux` is an extra txn or mop id that
 * explains it (e.g. the reader behind an inferred write order), -1 when unused.
 */
export class EdgeList {
  length = 0;
  from = new Int32Array(1024);
  to = new Int32Array(1024);
  kind = new Uint8Array(1024);
  key = new Int32Array(1024);
  aux = new Int32Array(1024);

  add(from: number, to: number, kind: number, key = -1, aux = -1): void {
    if (from === to) return;
    if (this.length === this.from.length) this.grow();
    const i = this.length++;
    this.from[i] = from;
    this.to[i] = to;
    this.kind[i] = kind;
    this.key[i] = key;
    this.aux[i] = aux;
  }

  /** A copy that can grow on its own. */
  clone(): EdgeList {
    const c = new EdgeList();
    for (let i = 0; i < this.length; i++)
      c.add(this.from[i]!, this.to[i]!, this.kind[i]!, this.key[i], this.aux[i]);
    return c;
  }

  private grow(): void {
    const n = this.from.length * 2;
    const g = <T extends Int32Array | Uint8Array>(a: T, b: T): T => (b.set(a), b);
    this.from = g(this.from, new Int32Array(n));
    this.to = g(this.to, new Int32Array(n));
    this.kind = g(this.kind, new Uint8Array(n));
    this.key = g(this.key, new Int32Array(n));
    this.aux = g(this.aux, new Int32Array(n));
  }
}
