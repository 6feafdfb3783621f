import type { History } from '../../src/core/op.js';
import type { Workload, WorkloadOptions } from '../../src/core/workload.js';
import { checkLinearizability } from '../../checkers/linearizability/check-linearizability.js';
import { checkSequential } from '../../checkers/sequential/check-sequential.js';
import { registerOps, type RegisterOpsOptions } from './register-ops.js';

function opsOptions(options: WorkloadOptions): RegisterOpsOptions {
  const num = (name: string, fallback: number): number => {
    const v = options[name];
    return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : fallback;
  };
  // Sequential consistency is decided in polynomial time when written values are unique per key.
  const unique = options['uniqueValues'] ?? options['sequential'];
  return {
    keys: num('keys', 3),
    opsPerKey: num('opsPerKey', 200),
    values: num('values', 5),
    uniqueValues: unique === true,
  };
}

/**
 * Keyed compare-and-set registers: read/write/cas on a few keys with small int values, checked for
 * linearizability per key with the cas-register model. A client returns `fail` for a cas whose
 * compare did not match, and reads `[k, null]` for a key never written. With `sequential` (or
 * `uniqueValues`) each key's written values are unique, so sequential consistency is decidable
 * on long runs with many keys.
 */
export const registerWorkload: Workload = {
  name: 'register',
  description: 'read, write and compare-and-set on a few keys; linearizable per key (cas-register model)',
  generator: (options) => registerOps(opsOptions(options)),
  checkers: (options) => [
    {
      name: 'linearizability',
      check: (history) =>
        checkLinearizability(history, { model: 'cas-register', independent: true, timeoutMs: 120_000 }),
    },
    // `sequential: true` also checks sequential consistency, reported beside linearizability.
    ...(options['sequential'] === true
      ? [
          {
            name: 'sequential',
            check: (history: History) =>
              checkSequential(history, { model: 'cas-register', independent: true }),
          },
        ]
      : []),
  ],
};
