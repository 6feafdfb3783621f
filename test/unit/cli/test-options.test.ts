import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { systems } from '../../../src/cli/registries.js';
import {
  addSystemWorkloadOptions,
  systemOptionsOf,
  validateSystemWorkloadFlags,
  workloadOptionsOf,
} from '../../../src/cli/test-options.js';

describe('the system and workload flags test and test-all share', () => {
  const parse = (args: string[]): Record<string, unknown> => {
    const command = addSystemWorkloadOptions(new Command('t').exitOverride());
    command.parse(args, { from: 'user' });
    return command.opts();
  };

  it('parse into the TestSpec system and workload options', () => {
    const flags = parse(['--isolation', 'repeatable-read', '--reads', 'replicas', '--sequential']);
    expect(systemOptionsOf(flags)).toEqual({
      syncReads: false,
      isolation: 'repeatable-read',
      reads: 'replicas',
    });
    expect(workloadOptionsOf(flags, systems.postgres)).toEqual({
      system: 'postgres',
      sequential: true,
      isolation: 'repeatable-read',
    });
  });

  it('pass --consistency-model, --redis-mode, --sync-reads and serializable reads through', () => {
    const flags = { ...parse(['--redis-mode', 'single', '--sync-reads', '--consistency-model', 'causal']) };
    expect(systemOptionsOf({ ...flags, serializableReads: false })).toEqual({
      serializableReads: false,
      syncReads: true,
      redisMode: 'single',
    });
    expect(workloadOptionsOf(flags, systems.redis)).toEqual({
      system: 'redis',
      sequential: false,
      consistencyModel: 'causal',
    });
  });

  it('reject an unknown --consistency-model, listing the known ones', () => {
    expect(() => validateSystemWorkloadFlags({ consistencyModel: 'snapshot' })).toThrow(
      /--consistency-model snapshot is not a model faultline knows/,
    );
    expect(() => validateSystemWorkloadFlags({ consistencyModel: 'snapshot-isolation' })).not.toThrow();
  });
});
