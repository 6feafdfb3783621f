import { describe, expect, it } from 'vitest';
import {
  SqlClient,
  isReadOnly,
  parseListAppendTxn,
  parseRwRegisterTxn,
  postgresDialect,
  type Op,
  type SqlConnection,
} from '../../../src/sdk/index.js';

const signal = new AbortController().signal;
const op = (f: string, value: Op['value']): Op => ({
  index: 0,
  type: 'invoke',
  process: 0,
  f,
  value,
  time: 0,
});
const sqlError = (code: string) => Object.assign(new Error(`sqlstate ${code}`), { code });

/** A session over in-memory lists, registers and balances that logs each statement and can fail one. */
function fakeDb(failOn?: (sql: string) => Error | undefined) {
  const log: string[] = [];
  const lists = new Map<number, number[]>();
  const balances = new Map<number, number>([
    [0, 10],
    [1, 0],
  ]);
  let opened = 0;
  const connect = (): Promise<SqlConnection> => {
    opened++;
    return Promise.resolve({
      query: (sql, params = []) => {
        log.push(sql);
        const e = failOn?.(sql);
        if (e) return Promise.reject(e);
        const [a, b] = params as number[];
        if (sql === postgresDialect.appendList) lists.set(a!, [...(lists.get(a!) ?? []), b!]);
        if (sql === postgresDialect.readList)
          return Promise.resolve(lists.has(a!) ? [{ v: lists.get(a!) }] : []);
        if (sql === postgresDialect.readBalance) return Promise.resolve([{ balance: balances.get(a!) }]);
        if (sql === postgresDialect.setBalance) balances.set(b!, a!);
        if (sql === postgresDialect.readAccounts)
          return Promise.resolve([...balances].map(([id, balance]) => ({ id, balance })));
        return Promise.resolve([]);
      },
      destroy: () => {},
    });
  };
  return { log, connect, opened: () => opened, balances };
}

describe('SqlClient (SDK)', () => {
  it('runs a list-append txn as one transaction at its level and returns what it read', async () => {
    const db = fakeDb();
    const c = new SqlClient({
      workload: 'list-append',
      dialect: postgresDialect,
      isolation: 'serializable',
      connect: db.connect,
    });
    const out = await c.invoke(
      op('txn', [
        ['append', 1, 5],
        ['r', 1, null],
        ['r', 2, null],
      ]),
      signal,
    );
    expect(out).toEqual({
      type: 'ok',
      value: [
        ['append', 1, 5],
        ['r', 1, [5]],
        ['r', 2, []],
      ],
    });
    expect(db.log[0]).toBe('BEGIN ISOLATION LEVEL SERIALIZABLE');
    expect(db.log.at(-1)).toBe('COMMIT');
  });

  it('fails an error before COMMIT, keeps a session after a server error and reopens it after a lost one', async () => {
    let fail: Error | undefined = sqlError('23505');
    const db = fakeDb((sql) => (sql === postgresDialect.writeRegister ? fail : undefined));
    const c = new SqlClient({
      workload: 'rw-register',
      dialect: postgresDialect,
      isolation: 'read-committed',
      connect: db.connect,
    });
    const w = op('txn', [['w', 1, 2]]);
    expect(await c.invoke(w, signal)).toMatchObject({ type: 'fail', error: '23505 sqlstate 23505' });
    expect(db.log.at(-1)).toBe('ROLLBACK');
    fail = new Error('Connection terminated unexpectedly');
    expect(await c.invoke(w, signal)).toMatchObject({ type: 'fail' });
    fail = undefined;
    expect(await c.invoke(w, signal)).toEqual({ type: 'ok', value: [['w', 1, 2]] });
    expect(db.opened()).toBe(2);
  });

  it('makes a COMMIT without an answer info, and a COMMIT the server rolled back fail', async () => {
    const lost = fakeDb((sql) => (sql === 'COMMIT' ? new Error('socket hang up') : undefined));
    const a = new SqlClient({
      workload: 'list-append',
      dialect: postgresDialect,
      isolation: 'serializable',
      connect: lost.connect,
    });
    expect(await a.invoke(op('txn', [['append', 1, 1]]), signal)).toMatchObject({ type: 'info' });
    const rolledBack = fakeDb((sql) => (sql === 'COMMIT' ? sqlError('40001') : undefined));
    const b = new SqlClient({
      workload: 'list-append',
      dialect: postgresDialect,
      isolation: 'serializable',
      connect: rolledBack.connect,
    });
    expect(await b.invoke(op('txn', [['append', 1, 1]]), signal)).toMatchObject({ type: 'fail' });
  });

  it('moves money in one transaction, refuses an overdraft, and reads every balance', async () => {
    const db = fakeDb();
    const c = new SqlClient({
      workload: 'bank',
      dialect: postgresDialect,
      isolation: 'serializable',
      connect: db.connect,
    });
    expect(await c.invoke(op('transfer', { from: 0, to: 1, amount: 4 }), signal)).toMatchObject({
      type: 'ok',
    });
    expect(await c.invoke(op('transfer', { from: 0, to: 1, amount: 7 }), signal)).toMatchObject({
      type: 'fail',
      error: 'insufficient-funds',
    });
    expect(await c.invoke(op('read', null), signal)).toEqual({ type: 'ok', value: { '0': 6, '1': 4 } });
  });

  it('parses generated txns and calls anything else a generator bug; read-only ops are recognised', () => {
    expect(
      parseListAppendTxn([
        ['append', 1, 2],
        ['r', 3, null],
      ]),
    ).toEqual([
      ['append', 1, 2],
      ['r', 3, null],
    ]);
    expect(parseRwRegisterTxn([['w', 1, 2]])).toEqual([['w', 1, 2]]);
    expect(() => parseRwRegisterTxn([['append', 1, 2]])).toThrow(/Not a rw-register transaction/);
    expect(() => parseListAppendTxn('x')).toThrow(/generator bug|Not a list-append/);
    expect(isReadOnly(op('txn', [['r', 1, null]]))).toBe(true);
    expect(
      isReadOnly(
        op('txn', [
          ['r', 1, null],
          ['w', 1, 2],
        ]),
      ),
    ).toBe(false);
    expect(isReadOnly(op('read', null))).toBe(true);
  });
});
