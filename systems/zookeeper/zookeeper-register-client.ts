import type { Client, Completion } from '../../src/core/client.js';
import type { Op, Value } from '../../src/core/op.js';
import { raceAbort } from '../common/race-abort.js';
import type { JuteReader } from './jute-reader.js';
import type { JuteWriter } from './jute-writer.js';
import { OP, ZkConnection } from './zk-connection.js';
import { ZK, ZkError, classifyZkError } from './zk-error.js';
import { casMismatch } from '../../src/core/failed-cas.js';

/** Parent znode of the registers, created by setup. */
export const REGISTER_ROOT = '/faultline';

const openAcl = (w: JuteWriter): JuteWriter => w.int(1).int(31).string('world').string('anyone');

export interface ZookeeperRegisterOptions {
  host: string;
  port: number;
  /** Call sync() on the path before every read, so the server catches up with the leader first. */
  syncReads: boolean;
}

/**
 * Registers as znodes `/faultline/r<key>`: read = getData, write = setData (create when missing),
 * cas = getData then setData at the version read, so it applies only if nothing wrote in between.
 * One session bound to one server; a dropped session is replaced by a new one on the same server.
 */
export class ZookeeperRegisterClient implements Client {
  private conn: ZkConnection | undefined;

  constructor(private readonly opts: ZookeeperRegisterOptions) {}

  async invoke(op: Op, signal: AbortSignal): Promise<Completion> {
    const state = { mayHaveWritten: false };
    try {
      return await raceAbort(this.run(op, state), signal);
    } catch (err) {
      const type = state.mayHaveWritten ? classifyZkError(err, true) : 'fail';
      return { type, value: op.value, error: err instanceof Error ? err.message : String(err) };
    }
  }

  close(): Promise<void> {
    this.conn?.close();
    this.conn = undefined;
    return Promise.resolve();
  }

  private async session(): Promise<ZkConnection> {
    if (this.conn?.alive) return this.conn;
    this.conn = await ZkConnection.open(this.opts.host, this.opts.port);
    return this.conn;
  }

  private async run(op: Op, state: { mayHaveWritten: boolean }): Promise<Completion> {
    const conn = await this.session();
    const [key, arg] = op.value as [Value, Value];
    const path = `${REGISTER_ROOT}/r${String(key)}`;
    switch (op.f) {
      case 'read': {
        if (this.opts.syncReads) await conn.request(OP.sync, (w) => w.string(path));
        const got = await getData(conn, path);
        return { type: 'ok', value: [key, got === undefined ? null : got.value] };
      }
      case 'write': {
        const data = Buffer.from(String(arg as number));
        state.mayHaveWritten = true;
        try {
          await conn.request(OP.setData, (w) => w.string(path).buffer(data).int(-1));
        } catch (e) {
          if (!(e instanceof ZkError && e.code === ZK.NO_NODE)) throw e;
          try {
            await conn.request(OP.create, (w) => openAcl(w.string(path).buffer(data)).int(0));
          } catch (e2) {
            if (!(e2 instanceof ZkError && e2.code === ZK.NODE_EXISTS)) throw e2;
            await conn.request(OP.setData, (w) => w.string(path).buffer(data).int(-1));
          }
        }
        return { type: 'ok', value: op.value };
      }
      case 'cas': {
        const [from, to] = arg as [number, number];
        const got = await getData(conn, path);
        if (got === undefined || got.value !== from) return casMismatch(op.value);
        state.mayHaveWritten = true;
        try {
          await conn.request(OP.setData, (w) =>
            w
              .string(path)
              .buffer(Buffer.from(String(to)))
              .int(got.version),
          );
        } catch (e) {
          if (e instanceof ZkError && e.code === ZK.BAD_VERSION)
            return { type: 'fail', value: op.value, error: 'cas-bad-version' };
          throw e;
        }
        return { type: 'ok', value: op.value };
      }
      default:
        return { type: 'fail', value: op.value, error: `zookeeper client does not support ${op.f}` };
    }
  }
}

/** The register's value and data version, or undefined when the znode does not exist. */
async function getData(
  conn: ZkConnection,
  path: string,
): Promise<{ value: number; version: number } | undefined> {
  let r: JuteReader;
  try {
    r = await conn.request(OP.getData, (w) => w.string(path).bool(false));
  } catch (e) {
    if (e instanceof ZkError && e.code === ZK.NO_NODE) return undefined;
    throw e;
  }
  const data = r.buffer();
  const { version } = r.stat();
  return { value: Number(data?.toString('utf8')), version };
}
