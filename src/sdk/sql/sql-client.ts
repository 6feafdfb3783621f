import type { Client, Completion } from '../../core/client.js';
import type { Op, Value } from '../../core/op.js';
import { parseListAppendTxn, parseRwRegisterTxn } from './txn-mops.js';
import { classifySqlError, describeSqlError } from './classify-sql-error.js';
import type { IsolationLevel } from './isolation.js';
import { raceAbort } from './race-abort.js';
import type { SqlConnection, SqlDialect } from './sql-dialect.js';

/** Which workload's ops a SqlClient runs. */
export type SqlWorkload = 'list-append' | 'rw-register' | 'bank';

/** Where an op goes: `write` for anything that may write, `read` for read-only ops (a replica, when configured). */
export type SqlTarget = 'write' | 'read';

export interface SqlClientOptions {
  workload: SqlWorkload;
  dialect: SqlDialect;
  isolation: IsolationLevel;
  /** Isolation of read-only ops when they run elsewhere (a hot standby cannot run SERIALIZABLE). */
  readIsolation?: IsolationLevel;
  /** Opens a session for a target; throws when the node cannot be reached. */
  connect(target: SqlTarget): Promise<SqlConnection>;
}

/**
 * One worker's client for the SQL suites: each op is one transaction at the configured isolation
 * level on a session it keeps open, reopened after a connection error.
 */
export class SqlClient implements Client {
  private readonly sessions = new Map<SqlTarget, SqlConnection>();

  constructor(private readonly opts: SqlClientOptions) {}

  async invoke(op: Op, signal: AbortSignal): Promise<Completion> {
    const target: SqlTarget = isReadOnly(op) ? 'read' : 'write';
    let commitSent = false;
    let session: SqlConnection | undefined;
    const q = async (sql: string, params: readonly unknown[] = []): Promise<Record<string, unknown>[]> => {
      session ??= await raceAbort(this.session(target), signal);
      return raceAbort(session.query(sql, params), signal);
    };
    const commit = async (): Promise<void> => {
      commitSent = true;
      await q('COMMIT');
    };
    try {
      const level =
        target === 'read' ? (this.opts.readIsolation ?? this.opts.isolation) : this.opts.isolation;
      for (const s of this.opts.dialect.begin(level)) await q(s);
      const out = await this.body(op, q);
      if (out.type === 'fail') {
        await q('ROLLBACK');
        return out;
      }
      await commit();
      return out;
    } catch (err) {
      await this.afterError(target, err, signal);
      return {
        type: classifySqlError(this.opts.dialect, err, commitSent),
        value: op.value,
        error: describeSqlError(err),
      };
    }
  }

  async close(): Promise<void> {
    for (const s of this.sessions.values()) s.destroy();
    this.sessions.clear();
    return Promise.resolve();
  }

  private async session(target: SqlTarget): Promise<SqlConnection> {
    let s = this.sessions.get(target);
    if (!s) {
      s = await this.opts.connect(target);
      this.sessions.set(target, s);
    }
    return s;
  }

  /** A server error leaves the session usable once rolled back; anything else drops it. */
  private async afterError(target: SqlTarget, err: unknown, signal: AbortSignal): Promise<void> {
    const s = this.sessions.get(target);
    if (!s) return;
    if (this.opts.dialect.isServerError(err) && !signal.aborted) {
      try {
        await raceAbort(s.query('ROLLBACK'), AbortSignal.timeout(5000));
        return;
      } catch {
        // fall through: drop the session
      }
    }
    s.destroy();
    this.sessions.delete(target);
  }

  private async body(
    op: Op,
    q: (sql: string, params?: readonly unknown[]) => Promise<Record<string, unknown>[]>,
  ): Promise<Completion> {
    const d = this.opts.dialect;
    switch (this.opts.workload) {
      case 'list-append': {
        const mops = parseListAppendTxn(op.value);
        const out: Value[] = [];
        for (const [f, k, v] of mops) {
          if (f === 'append') {
            await q(d.appendList, [k, v]);
            out.push([f, k, v]);
          } else {
            const rows = await q(d.readList, [k]);
            out.push(['r', k, rows[0] === undefined ? [] : d.decodeList(rows[0]['v'])]);
          }
        }
        return { type: 'ok', value: out };
      }
      case 'rw-register': {
        const mops = parseRwRegisterTxn(op.value);
        const out: Value[] = [];
        for (const [f, k, v] of mops) {
          if (f === 'w') {
            await q(d.writeRegister, [k, v]);
            out.push([f, k, v]);
          } else {
            const rows = await q(d.readRegister, [k]);
            out.push(['r', k, rows[0] === undefined ? null : Number(rows[0]['v'])]);
          }
        }
        return { type: 'ok', value: out };
      }
      case 'bank':
        return op.f === 'read' ? this.bankRead(q) : this.transfer(op, q);
    }
  }

  private async bankRead(
    q: (sql: string, params?: readonly unknown[]) => Promise<Record<string, unknown>[]>,
  ): Promise<Completion> {
    const rows = await q(this.opts.dialect.readAccounts);
    const value: Record<string, Value> = {};
    for (const r of rows) value[String(r['id'])] = Number(r['balance']);
    return { type: 'ok', value };
  }

  private async transfer(
    op: Op,
    q: (sql: string, params?: readonly unknown[]) => Promise<Record<string, unknown>[]>,
  ): Promise<Completion> {
    const d = this.opts.dialect;
    const { from, to, amount } = op.value as { from: number; to: number; amount: number };
    const a = Number((await q(d.readBalance, [from]))[0]?.['balance']);
    const b = Number((await q(d.readBalance, [to]))[0]?.['balance']);
    if (Number.isNaN(a) || Number.isNaN(b))
      return { type: 'fail', value: op.value, error: 'no-such-account' };
    if (a - amount < 0) return { type: 'fail', value: op.value, error: 'insufficient-funds' };
    await q(d.setBalance, [a - amount, from]);
    await q(d.setBalance, [b + amount, to]);
    return { type: 'ok', value: op.value };
  }
}

/** Ops that cannot write: all-read txns and bank reads. */
export function isReadOnly(op: Pick<Op, 'f' | 'value'>): boolean {
  if (op.f === 'read') return true;
  return op.f === 'txn' && Array.isArray(op.value) && op.value.every((m) => Array.isArray(m) && m[0] === 'r');
}
