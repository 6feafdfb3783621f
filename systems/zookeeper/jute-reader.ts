/** Reads ZooKeeper's jute records from one frame (without its length prefix). */
export class JuteReader {
  private at = 0;

  constructor(private readonly buf: Buffer) {}

  int(): number {
    const v = this.buf.readInt32BE(this.at);
    this.at += 4;
    return v;
  }

  long(): bigint {
    const v = this.buf.readBigInt64BE(this.at);
    this.at += 8;
    return v;
  }

  bool(): boolean {
    return this.buf.readUInt8(this.at++) !== 0;
  }

  /** A buffer, or null for length -1. */
  buffer(): Buffer | null {
    const len = this.int();
    if (len < 0) return null;
    const v = this.buf.subarray(this.at, this.at + len);
    this.at += len;
    return v;
  }

  string(): string | null {
    return this.buffer()?.toString('utf8') ?? null;
  }

  /** A znode Stat; only the data version matters to the clients here. */
  stat(): { version: number; mzxid: bigint } {
    this.long(); // czxid
    const mzxid = this.long();
    this.long(); // ctime
    this.long(); // mtime
    const version = this.int();
    this.at += 4 + 4 + 8 + 4 + 4 + 8; // cversion, aversion, ephemeralOwner, dataLength, numChildren, pzxid
    return { version, mzxid };
  }

  get remaining(): number {
    return this.buf.length - this.at;
  }
}
