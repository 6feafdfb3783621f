/** Serialises ZooKeeper's jute records: big-endian ints/longs, length-prefixed strings and buffers. */
export class JuteWriter {
  private readonly parts: Buffer[] = [];

  int(v: number): this {
    const b = Buffer.alloc(4);
    b.writeInt32BE(v);
    this.parts.push(b);
    return this;
  }

  long(v: bigint): this {
    const b = Buffer.alloc(8);
    b.writeBigInt64BE(v);
    this.parts.push(b);
    return this;
  }

  bool(v: boolean): this {
    this.parts.push(Buffer.from([v ? 1 : 0]));
    return this;
  }

  /** A buffer; null is written as length -1. */
  buffer(v: Buffer | null): this {
    if (v === null) return this.int(-1);
    this.int(v.length);
    this.parts.push(v);
    return this;
  }

  string(v: string): this {
    return this.buffer(Buffer.from(v, 'utf8'));
  }

  /** The record, prefixed with its length as every ZooKeeper frame is. */
  frame(): Buffer {
    const body = Buffer.concat(this.parts);
    const len = Buffer.alloc(4);
    len.writeInt32BE(body.length);
    return Buffer.concat([len, body]);
  }
}
