// Benchmarks of the transactional checker: list-append checked for serializable (Elle-style graph
// plus the causal vector-clock pass) and the vector-clock causal pass alone on rw-register, at
// growing sizes. Histories are generated once per case, outside the timed part when the harness
// calls `setup`, and are strictly serializable, so the checkers must do all their work.
import type { History } from '../../src/core/op.js';
import { checkTransactional, checkWeakIsolation } from '../../checkers/transactional/index.js';
import { generateTxnHistory, type TxnGenOptions } from '../gen/txn-history-gen.js';

/** The harness contract (bench/harness.ts): a named suite of cases, each timed by the harness. */
export interface TransactionalBenchCase {
  name: string;
  params: Record<string, number | string>;
  setup(): Promise<void>;
  run(): Promise<{ ops: number; verdict?: boolean | 'unknown' }>;
  teardown(): Promise<void>;
}

function benchCase(
  name: string,
  gen: TxnGenOptions,
  check: (h: History) => boolean | 'unknown',
): TransactionalBenchCase {
  let h: History | undefined;
  const setup = async (): Promise<void> => {
    h ??= generateTxnHistory(gen);
    await Promise.resolve();
  };
  return {
    name,
    params: { txns: gen.txns, microOps: gen.txns * gen.mopsPerTxn, processes: gen.processes, keys: gen.keys },
    setup,
    async run() {
      await setup();
      return { ops: gen.txns * gen.mopsPerTxn, verdict: check(h!) };
    },
    async teardown() {
      h = undefined;
      await Promise.resolve();
    },
  };
}

const shape = { processes: 20, keys: 1000, mopsPerTxn: 4, seed: 7, failRate: 0.01, infoRate: 0.001 };

export const suite = {
  name: 'transactional',
  cases(): TransactionalBenchCase[] {
    return [
      ...[12_500, 25_000, 50_000, 100_000].map((txns) =>
        benchCase(
          `list-append serializable ${txns} txns`,
          { ...shape, workload: 'list-append', txns },
          (h) => checkTransactional(h, { workload: 'list-append', consistencyModel: 'serializable' }).valid,
        ),
      ),
      benchCase(
        'list-append strict-serializable 100000 txns',
        { ...shape, workload: 'list-append', txns: 100_000 },
        (h) =>
          checkTransactional(h, { workload: 'list-append', consistencyModel: 'strict-serializable' }).valid,
      ),
      ...[125_000, 250_000, 500_000, 1_000_000].map((mops) =>
        benchCase(
          `rw-register causal (vector clocks) ${mops} micro-ops`,
          { ...shape, workload: 'rw-register', txns: mops / 4 },
          (h) => checkWeakIsolation(h, { workload: 'rw-register', level: 'causal' }).valid,
        ),
      ),
    ];
  },
};
