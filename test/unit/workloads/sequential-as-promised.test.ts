import { describe, expect, it } from 'vitest';
import { allowedFindings, describeAllowed } from '../../../reports/allowed-findings.js';
import { workloadOptionsOf } from '../../../src/cli/test-options.js';
import { registerWorkload } from '../../../workloads/register/register-workload.js';
import { zookeeperSystem } from '../../../systems/zookeeper/zookeeper-system.js';
import { history, invoke, ok } from '../../support/history.js';

const base = { concurrency: 2, nodes: 2 };

/** p0 writes 1; after it completed, p1 reads the initial null: stale, so not linearizable, but sequential. */
const staleRead = history(
  invoke(0, 'write', ['x', 1]),
  ok(0, 'write', ['x', 1]),
  invoke(1, 'read', ['x', null]),
  ok(1, 'read', ['x', null]),
);

/** One process writes 1 and then reads null: its own order is broken, so not even sequential. */
const lostOwnWrite = history(
  invoke(0, 'write', ['x', 1]),
  ok(0, 'write', ['x', 1]),
  invoke(0, 'read', ['x', null]),
  ok(0, 'read', ['x', null]),
);

async function checkAll(options: Record<string, unknown>, h: typeof staleRead) {
  const checks = registerWorkload.checkers({ ...base, ...options });
  return Promise.all(checks.map(async (c) => ({ name: c.name, result: await c.check(h) })));
}

describe('register held to the promise of its system', () => {
  it('ZooKeeper without sync reads promises sequential objects, with sync reads linearizable ones', () => {
    expect(workloadOptionsOf({}, zookeeperSystem, { syncReads: false })).toMatchObject({
      promisedObjects: 'sequential',
    });
    expect(workloadOptionsOf({}, zookeeperSystem, { syncReads: true })).toMatchObject({
      promisedObjects: 'linearizable',
    });
  });

  it('a stale read under a sequential promise: valid, with the nonlinearizable read reported as allowed', async () => {
    const [only, ...rest] = await checkAll({ promisedObjects: 'sequential' }, staleRead);
    expect(rest).toHaveLength(0);
    expect(only!.name).toBe('sequential');
    expect(only!.result.valid).toBe(true);
    const allowed = allowedFindings(only!.result);
    expect(allowed).toEqual({
      model: 'sequential',
      allowed: { nonlinearizable: 1 },
      strongest: ['sequential'],
    });
    expect(describeAllowed(allowed!)).toBe(
      'valid for sequential; found nonlinearizable (allowed); strongest still possible: sequential',
    );
  });

  it('the same stale read under a linearizable promise is invalid', async () => {
    const results = await checkAll({ promisedObjects: 'linearizable' }, staleRead);
    expect(results.map((r) => [r.name, r.result.valid])).toEqual([['linearizability', false]]);
  });

  it('a history that breaks program order is invalid under a sequential promise too', async () => {
    const [only] = await checkAll({ promisedObjects: 'sequential' }, lostOwnWrite);
    expect(only!.result.valid).toBe(false);
    expect(allowedFindings(only!.result)).toBeUndefined();
  });

  it('a linearizable history under a sequential promise says linearizable is still possible', async () => {
    const [only] = await checkAll(
      { promisedObjects: 'sequential' },
      history(
        invoke(0, 'write', ['x', 1]),
        ok(0, 'write', ['x', 1]),
        invoke(1, 'read', ['x', null]),
        ok(1, 'read', ['x', 1]),
      ),
    );
    expect(only!.result.valid).toBe(true);
    expect(allowedFindings(only!.result)?.strongest).toEqual(['linearizable']);
  });
});
