import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { builtinSystems } from '../../../src/cli/registries.js';
import {
  addSystemOptions,
  addWorkloadOptions,
  clockOptionsOf,
  packetOptionsOf,
  systemOptionsFrom,
  validateWorkloadFlags,
  workloadOptionsOf,
} from '../../../src/cli/test-options.js';

const byName = (name: string) => builtinSystems.find((s) => s.name === name)!;

describe('the flags test and test-all build from the systems', () => {
  const parse = (args: string[]): Record<string, unknown> => {
    const command = addWorkloadOptions(new Command('t').exitOverride());
    addSystemOptions(command, builtinSystems);
    command.parse(args, { from: 'user' });
    return command.opts();
  };

  it('declare each system option once, naming the systems that take it', () => {
    const command = new Command('t');
    addSystemOptions(command, builtinSystems);
    const isolation = command.options.filter((o) => o.long === '--isolation');
    expect(isolation).toHaveLength(1);
    expect(isolation[0]!.description).toMatch(/^postgres, mariadb: /);
    expect(command.options.map((o) => o.long)).toContain('--serializable-reads');
  });

  it('parse into the system options with defaults, and the model the configuration promises', () => {
    const flags = parse(['--isolation', 'repeatable-read', '--reads', 'replicas', '--sequential']);
    const options = systemOptionsFrom(byName('postgres'), flags, builtinSystems);
    expect(options).toEqual({ isolation: 'repeatable-read', reads: 'replicas' });
    expect(workloadOptionsOf(flags, byName('postgres'), options)).toEqual({
      sequential: true,
      promisedModel: 'snapshot-isolation',
    });
    const maria = systemOptionsFrom(
      byName('mariadb'),
      parse(['--isolation', 'repeatable-read']),
      builtinSystems,
    );
    expect(workloadOptionsOf({}, byName('mariadb'), maria)).toEqual({
      sequential: false,
      promisedModel: 'repeatable-read',
    });
    expect(systemOptionsFrom(byName('etcd'), parse([]), builtinSystems)).toEqual({
      serializableReads: false,
    });
    expect(systemOptionsFrom(byName('zookeeper'), parse(['--sync-reads']), builtinSystems)).toEqual({
      syncReads: true,
    });
  });

  it('reject a bad choice and a flag of another system, before anything starts', () => {
    expect(() =>
      systemOptionsFrom(byName('redis'), parse(['--redis-mode', 'chaos']), builtinSystems),
    ).toThrow(/--redis-mode chaos is not valid for redis/);
    expect(() => systemOptionsFrom(byName('postgres'), parse(['--sync-reads']), builtinSystems)).toThrow(
      /--sync-reads is an option of zookeeper, not of postgres/,
    );
  });

  it("run the system's validate against the node count", () => {
    const redis = byName('redis');
    expect(() => redis.validate!({ redisMode: 'sentinel' }, 2)).toThrow(/at least 3 nodes/);
    expect(() => redis.validate!({ redisMode: 'single' }, 3)).toThrow(/runs one server/);
    expect(() => redis.validate!({ redisMode: 'single' }, 1)).not.toThrow();
  });

  it('pass --consistency-model through, and reject an unknown one', () => {
    const flags = parse(['--consistency-model', 'causal']);
    expect(workloadOptionsOf(flags, byName('redis'), {})).toEqual({
      sequential: false,
      consistencyModel: 'causal',
    });
    expect(() => validateWorkloadFlags({ consistencyModel: 'snapshot' })).toThrow(
      /--consistency-model snapshot is not a model faultline knows/,
    );
    expect(() => validateWorkloadFlags({ consistencyModel: 'snapshot-isolation' })).not.toThrow();
  });
});

describe('fault flags', () => {
  it('passes --packet-loss and --packet-link to the packet fault, and refuses them without it', () => {
    expect(packetOptionsOf({ packetLoss: '0.3' }, ['packet'])).toEqual({ probability: 0.3 });
    expect(packetOptionsOf({}, ['partition'])).toBeUndefined();
    expect(() => packetOptionsOf({ packetLoss: '0.3' }, ['partition'])).toThrow(
      /only applies to the packet fault/,
    );
    expect(() => packetOptionsOf({ packetLoss: '1.5' }, ['packet'])).toThrow(/at most 1, got 1.5/);
  });

  it('passes --clock-monotonic to the clock fault, and refuses it without it', () => {
    expect(clockOptionsOf({ clockMonotonic: true }, ['clock'])).toEqual({ monotonic: true });
    expect(clockOptionsOf({}, ['kill'])).toBeUndefined();
    expect(() => clockOptionsOf({ clockMonotonic: true }, ['kill'])).toThrow(
      /only applies to the clock fault/,
    );
  });
});
