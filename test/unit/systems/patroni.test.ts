import { describe, expect, it } from 'vitest';
import {
  parseSystemOptions,
  type Op,
  type SystemContext,
  type SqlConnection,
} from '../../../src/sdk/index.js';
import { DCS_TIMINGS, patroniConfig } from '../../../systems/patroni/patroni-config.js';
import { patroniKillable, patroniPausable } from '../../../systems/patroni/patroni-faults.js';
import { unhealthyMembers, type MemberHealth } from '../../../systems/patroni/patroni-health.js';
import { parsePatroniOptions, patroniPromises } from '../../../systems/patroni/patroni-options.js';
import { patroniSystem } from '../../../systems/patroni/patroni-system.js';
import { PrimarySqlClient, type PrimaryConnector } from '../../../systems/patroni/primary-sql-client.js';
import { PatroniSetClient } from '../../../systems/patroni/set-client.js';

const cluster = {
  runId: 'r',
  nodes: ['n1', 'n2', 'n3'],
  ip: (n: string) => `10.0.0.${n.slice(1)}`,
  remote: {} as never,
};
const signal = new AbortController().signal;
const op = (f: string, value: Op['value']): Op => ({
  index: 0,
  type: 'invoke',
  process: 0,
  f,
  value,
  time: 0,
});

/** A context whose remote records every script it is asked to run. */
function recordingCtx(options: Record<string, unknown>): { ctx: SystemContext; scripts: string[] } {
  const scripts: string[] = [];
  const remote = {
    exec: (_node: string, cmd: readonly string[]) => {
      scripts.push(cmd.at(-1)!);
      return Promise.resolve({ exitCode: 0, stdout: '', stderr: '' });
    },
  };
  return { ctx: { cluster: { ...cluster, remote } as never, options, log: () => {} }, scripts };
}

/** A fake PostgreSQL session: `fail` decides, per statement, whether it throws and with what. */
function fakeSession(
  fail: (sql: string) => Error | undefined,
  rows: Record<string, unknown>[] = [],
): SqlConnection {
  return {
    query: (sql) => {
      const e = fail(sql);
      return e ? Promise.reject(e) : Promise.resolve(rows);
    },
    destroy: () => {},
  };
}

/** A connector that hands out the given primaries in turn and counts its calls. */
function connector(
  primaries: string[],
  session: () => SqlConnection,
): { connect: PrimaryConnector; calls: () => number } {
  let calls = 0;
  return {
    connect: (bound) => {
      const node = primaries[Math.min(calls++, primaries.length - 1)]!;
      if (node === 'none') return Promise.reject(new Error(`no primary (bound ${bound})`));
      return Promise.resolve({ node, session: session() });
    },
    calls: () => calls,
  };
}

const connReset = (): Error => Object.assign(new Error('Connection terminated unexpectedly'), {});
const readOnly = (): Error =>
  Object.assign(new Error('cannot execute INSERT in a read-only transaction'), { code: '25006' });

describe('patroni options', () => {
  it('default to asynchronous replication, Patroni’s 1 MiB lag limit, serializable, faults on PostgreSQL', () => {
    expect(parseSystemOptions(patroniSystem, {})).toEqual({
      isolation: 'serializable',
      synchronousMode: 'off',
      maximumLagOnFailover: 1_048_576,
      faultProcess: 'postgres',
    });
  });
  it('parse --maximum-lag-on-failover as whole bytes and reject anything else, naming the flag', () => {
    expect(parseSystemOptions(patroniSystem, { maximumLagOnFailover: '0' })).toMatchObject({
      maximumLagOnFailover: 0,
    });
    expect(() => parseSystemOptions(patroniSystem, { maximumLagOnFailover: '1MB' })).toThrow(
      /--maximum-lag-on-failover 1MB is not a number of bytes/,
    );
    expect(() => parsePatroniOptions({ maximumLagOnFailover: -1 })).toThrow(/not a number of bytes/);
  });
  it('reject a bad synchronous mode or fault process before any container starts', () => {
    expect(() => patroniSystem.validate!({ synchronousMode: 'quorum' }, 3)).toThrow(
      /--synchronous-mode quorum/,
    );
    expect(() => patroniSystem.validate!({ faultProcess: 'etcd' }, 3)).toThrow(/--fault-process etcd/);
    expect(() => patroniSystem.validate!({}, 3)).not.toThrow();
  });
  it('promise what PostgreSQL’s isolation level is', () => {
    expect(patroniPromises({ isolation: 'repeatable-read' }).transactions).toBe('snapshot-isolation');
    expect(patroniPromises({}).transactions).toBe('serializable');
  });
});

describe('patroniConfig', () => {
  const config = (mode: 'off' | 'on' | 'strict') =>
    JSON.parse(patroniConfig(cluster, 'n2', { synchronousMode: mode, maximumLagOnFailover: 4096 })) as {
      name: string;
      restapi: { connect_address: string };
      etcd3: { hosts: string[] };
      bootstrap: { dcs: Record<string, unknown> };
      postgresql: { connect_address: string; bin_dir: string; pg_hba: string[] };
    };
  it('names the member after its node, on its own address, with every node’s etcd as the DCS', () => {
    const c = config('off');
    expect(c.name).toBe('n2');
    expect(c.restapi.connect_address).toBe('10.0.0.2:8008');
    expect(c.postgresql.connect_address).toBe('10.0.0.2:5432');
    expect(c.etcd3.hosts).toEqual(['10.0.0.1:2379', '10.0.0.2:2379', '10.0.0.3:2379']);
    expect(c.postgresql.bin_dir).toBe('/usr/lib/postgresql/15/bin');
    expect(c.postgresql.pg_hba).toContain('host replication all 0.0.0.0/0 trust');
  });
  it('maps --synchronous-mode and --maximum-lag-on-failover onto the bootstrap DCS settings', () => {
    expect(config('off').bootstrap.dcs).toMatchObject({
      synchronous_mode: false,
      synchronous_mode_strict: false,
    });
    expect(config('on').bootstrap.dcs).toMatchObject({
      synchronous_mode: true,
      synchronous_mode_strict: false,
    });
    expect(config('strict').bootstrap.dcs).toMatchObject({
      synchronous_mode: true,
      synchronous_mode_strict: true,
    });
    expect(config('off').bootstrap.dcs['maximum_lag_on_failover']).toBe(4096);
  });
  it('uses DCS timings Patroni accepts: ttl >= 20 and loop_wait + 2 * retry_timeout <= ttl', () => {
    expect(DCS_TIMINGS.ttl).toBeGreaterThanOrEqual(20);
    expect(DCS_TIMINGS.loop_wait + 2 * DCS_TIMINGS.retry_timeout).toBeLessThanOrEqual(DCS_TIMINGS.ttl);
  });
});

describe('unhealthyMembers', () => {
  const member = (
    role: string,
    replication?: { application_name: string; state: string }[],
  ): MemberHealth => ({
    ok: true,
    status: { state: 'running', role, ...(replication ? { replication } : {}) },
  });
  const streaming = (...names: string[]) =>
    names.map((application_name) => ({ application_name, state: 'streaming' }));
  it('is empty for one primary that streams to every other member', () => {
    const health = {
      n1: member('replica'),
      n2: member('master', streaming('n1', 'n3')),
      n3: member('replica'),
    };
    expect(unhealthyMembers(cluster.nodes, health)).toEqual({});
  });
  it('names the replica that is not streaming yet', () => {
    const health = { n1: member('replica'), n2: member('primary', streaming('n1')), n3: member('replica') };
    expect(unhealthyMembers(cluster.nodes, health)).toEqual({ n3: 'not streaming from the primary n2' });
  });
  it('names every node when no member, or two, are primary, and the unreachable ones with their reason', () => {
    const none = {
      n1: member('replica'),
      n2: { ok: false as const, why: 'ECONNREFUSED' },
      n3: member('replica'),
    };
    expect(unhealthyMembers(cluster.nodes, none)).toEqual({
      n1: '0 members report role primary',
      n2: 'ECONNREFUSED',
      n3: '0 members report role primary',
    });
    const two = { n1: member('master'), n2: member('master'), n3: member('replica') };
    expect(Object.keys(unhealthyMembers(cluster.nodes, two))).toEqual(['n1', 'n2', 'n3']);
  });
});

describe('PrimarySqlClient', () => {
  const ctx = recordingCtx({ isolation: 'serializable' }).ctx;
  const append = op('txn', [['append', 1, 5]]);
  it('records the primary that served each op, and re-resolves the primary after an error', async () => {
    let broken = false;
    const c = connector(['n2', 'n3'], () =>
      fakeSession((sql) => (broken && sql.startsWith('INSERT') ? connReset() : undefined)),
    );
    const client = new PrimarySqlClient('list-append', ctx, 'n1', c.connect);
    expect(await client.invoke(append, signal)).toMatchObject({ type: 'ok', node: 'n2' });
    broken = true;
    // The connection broke before COMMIT: certainly not committed, and the node that failed is named.
    expect(await client.invoke(append, signal)).toMatchObject({ type: 'fail', node: 'n2' });
    broken = false;
    expect(await client.invoke(append, signal)).toMatchObject({ type: 'ok', node: 'n3' });
    expect(c.calls()).toBe(2);
  });
  it('makes an op whose COMMIT got no answer indeterminate (info)', async () => {
    const c = connector(['n2'], () => fakeSession((sql) => (sql === 'COMMIT' ? connReset() : undefined)));
    const client = new PrimarySqlClient('list-append', ctx, 'n1', c.connect);
    expect(await client.invoke(append, signal)).toMatchObject({ type: 'info', node: 'n2' });
  });
  it('fails an op when no primary can be found, naming no node', async () => {
    const c = connector(['none'], () => fakeSession(() => undefined));
    const client = new PrimarySqlClient('list-append', ctx, 'n1', c.connect);
    const out = await client.invoke(append, signal);
    expect(out).toMatchObject({ type: 'fail' });
    expect(out.node).toBeUndefined();
  });
});

describe('PatroniSetClient', () => {
  it('adds on the primary it resolved and reads every element, sorted as the server returns them', async () => {
    const c = connector(['n3'], () => fakeSession(() => undefined, [{ v: 1 }, { v: 2 }]));
    const client = new PatroniSetClient('n1', c.connect);
    expect(await client.invoke(op('add', 7), signal)).toEqual({ type: 'ok', value: 7, node: 'n3' });
    expect(await client.invoke(op('read', null), signal)).toEqual({ type: 'ok', value: [1, 2], node: 'n3' });
  });
  it('fails an add the server rejected and one never sent; a lost session after sending is info', async () => {
    const rejected = connector(['n1'], () => fakeSession(readOnly));
    expect(await new PatroniSetClient('n1', rejected.connect).invoke(op('add', 1), signal)).toMatchObject({
      type: 'fail',
      node: 'n1',
    });
    const unsent = connector(['none'], () => fakeSession(() => undefined));
    expect(await new PatroniSetClient('n1', unsent.connect).invoke(op('add', 1), signal)).toMatchObject({
      type: 'fail',
    });
    const lost = connector(['n2', 'n3'], () => fakeSession(connReset));
    const client = new PatroniSetClient('n1', lost.connect);
    expect(await client.invoke(op('add', 1), signal)).toMatchObject({ type: 'info', node: 'n2' });
    // The session was dropped: the next op resolves the primary again.
    expect(await client.invoke(op('read', null), signal)).toMatchObject({ type: 'fail', node: 'n3' });
  });
});

describe('patroni faults', () => {
  it('kill and pause every postgres process by default, and start Patroni to bring it back', async () => {
    const { ctx, scripts } = recordingCtx({ faultProcess: 'postgres' });
    await patroniKillable.kill(ctx, 'n1');
    await patroniPausable.pause(ctx, 'n1');
    await patroniKillable.start(ctx, 'n1');
    expect(scripts[0]).toBe("pkill -KILL -x 'postgres' || true");
    expect(scripts[1]).toBe("pkill -STOP -x 'postgres' || true");
    expect(scripts[2]).toContain('/usr/bin/patroni');
  });
  it('kill and pause only Patroni, by its pid file, with --fault-process patroni', async () => {
    const { ctx, scripts } = recordingCtx({ faultProcess: 'patroni' });
    await patroniKillable.kill(ctx, 'n1');
    await patroniPausable.pause(ctx, 'n1');
    await patroniPausable.resume(ctx, 'n1');
    expect(scripts[0]).toContain('kill -KILL "$pid"');
    expect(scripts[0]).toContain('/run/faultline/patroni.pid');
    expect(scripts[1]).toContain('kill -STOP');
    expect(scripts[2]).toContain('kill -CONT');
    expect(scripts.join('\n')).not.toContain('pkill');
  });
});
