import { Socket } from 'node:net';
import { JuteReader } from './jute-reader.js';
import { JuteWriter } from './jute-writer.js';
import { ZK, ZkError } from './zk-error.js';

/** ZooKeeper request op codes used here. */
export const OP = {
  create: 1,
  delete: 2,
  exists: 3,
  getData: 4,
  setData: 5,
  sync: 9,
  ping: 11,
  closeSession: -11,
} as const;

const PING_XID = -2;
const WATCH_XID = -1;

interface Pending {
  resolve(r: JuteReader): void;
  reject(e: ZkError): void;
}

/**
 * One ZooKeeper session over one TCP connection to one server, speaking the wire protocol directly.
 * It never moves to another server and never retries: when the connection drops, every pending
 * request fails with CONNECTION_LOSS and the session is dead (`alive` is false).
 */
export class ZkConnection {
  private readonly pending = new Map<number, Pending>();
  private nextXid = 1;
  private input: Buffer = Buffer.alloc(0);
  private handshake: ((frame: Buffer) => void) | undefined;
  private ping: NodeJS.Timeout | undefined;
  private dead: string | undefined;
  sessionId = 0n;

  private constructor(private readonly socket: Socket) {}

  /** Opens a session to `host:port`; rejects with a not-sent ZkError when the server does not accept one. */
  static open(
    host: string,
    port: number,
    sessionTimeoutMs = 10_000,
    connectTimeoutMs = 3000,
  ): Promise<ZkConnection> {
    const socket = new Socket();
    const conn = new ZkConnection(socket);
    return new Promise<ZkConnection>((resolve, reject) => {
      const fail = (why: string): void => {
        clearTimeout(timer);
        conn.kill(why);
        reject(
          new ZkError(
            ZK.CONNECTION_LOSS,
            `cannot open a ZooKeeper session on ${host}:${port}: ${why}`,
            false,
          ),
        );
      };
      const timer = setTimeout(() => fail('timed out'), connectTimeoutMs);
      socket.setNoDelay(true);
      socket.on('data', (d: Buffer) => conn.onData(d));
      socket.on('error', (e) => conn.kill(e.message));
      socket.on('close', () => {
        if (conn.handshake) fail('connection closed (the server may not be serving: no quorum)');
        conn.kill('connection closed');
      });
      conn.handshake = (frame) => {
        conn.handshake = undefined;
        clearTimeout(timer);
        const r = new JuteReader(frame);
        r.int(); // protocol version
        const timeout = r.int();
        conn.sessionId = r.long();
        if (timeout <= 0) return fail('session refused');
        conn.ping = setInterval(() => conn.sendPing(), Math.max(500, Math.floor(timeout / 3)));
        resolve(conn);
      };
      socket.connect(port, host, () => {
        const req = new JuteWriter()
          .int(0)
          .long(0n)
          .int(sessionTimeoutMs)
          .long(0n)
          .buffer(Buffer.alloc(16))
          .bool(false);
        socket.write(req.frame());
      });
    });
  }

  get alive(): boolean {
    return this.dead === undefined;
  }

  /** Sends a request and resolves with the response body; rejects with a ZkError (server code, or connection loss). */
  request(type: number, body: (w: JuteWriter) => void): Promise<JuteReader> {
    if (this.dead !== undefined) {
      return Promise.reject(new ZkError(ZK.CONNECTION_LOSS, `not connected: ${this.dead}`, false));
    }
    const xid = this.nextXid++;
    const w = new JuteWriter().int(xid).int(type);
    body(w);
    return new Promise<JuteReader>((resolve, reject) => {
      this.pending.set(xid, { resolve, reject });
      this.socket.write(w.frame());
    });
  }

  /** Closes the session politely when possible, and the socket in any case. */
  close(): void {
    if (this.dead === undefined) {
      this.socket.write(new JuteWriter().int(this.nextXid++).int(OP.closeSession).frame());
      this.socket.end();
    }
    this.kill('closed by the client');
  }

  private sendPing(): void {
    if (this.dead === undefined) this.socket.write(new JuteWriter().int(PING_XID).int(OP.ping).frame());
  }

  private onData(d: Buffer): void {
    this.input = this.input.length === 0 ? d : Buffer.concat([this.input, d]);
    while (this.input.length >= 4) {
      const len = this.input.readInt32BE(0);
      if (this.input.length < 4 + len) return;
      const frame = this.input.subarray(4, 4 + len);
      this.input = this.input.subarray(4 + len);
      if (this.handshake) this.handshake(frame);
      else this.onReply(frame);
    }
  }

  private onReply(frame: Buffer): void {
    const r = new JuteReader(frame);
    const xid = r.int();
    r.long(); // zxid
    const err = r.int();
    if (xid === PING_XID || xid === WATCH_XID) return;
    const p = this.pending.get(xid);
    if (!p) return;
    this.pending.delete(xid);
    if (err === ZK.OK) p.resolve(r);
    else p.reject(new ZkError(err, `ZooKeeper error ${err}`, true));
  }

  private kill(why: string): void {
    if (this.dead !== undefined) return;
    this.dead = why;
    if (this.ping) clearInterval(this.ping);
    this.socket.destroy();
    for (const p of this.pending.values())
      p.reject(new ZkError(ZK.CONNECTION_LOSS, `connection lost: ${why}`, true));
    this.pending.clear();
  }
}
