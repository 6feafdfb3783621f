// Benchmarks of the transactional checker: list-append checked for serializable (Elle-style graph
// plus the causal vector-clock pass) and the vector-clock causal pass alone on rw-register, at
// growing sizes. Histories are strictly serializable, so the checkers must do all their work; they
// are generated in `prepare`, outside the timed part.
import type { History } from '../../src/core/op.js';
import { checkTransactional, checkWeakIsolation } from '../../checkers/transactional/index.js';
import type { BenchCase, BenchSuite } from '../harness.js';
import { generateTxnHistory, type TxnGenOptions } from '../gen/txn-history-gen.js';

const shape = { processes: 20, keys: 1000, mopsPerTxn: 4, seed: 7, failRate: 0.01, infoRate: 0.001 };

function benchCase(
  name: string,
  gen: TxnGenOptions,
  check: (h: History) => { valid: unknown; stats?: Record<string, number> },
  quick = false,
): BenchCase<History> {
  return {
    name,
    quick,
    params: { txns: gen.txns, microOps: gen.txns * gen.mopsPerTxn, processes: gen.processes, keys: gen.keys },
    prepare: () => generateTxnHistory(gen),
    run(h) {
      // CPU time too: on the shared 2-core box wall time mostly measures other people's load.
      const cpu = process.cpuUsage();
      const r = check(h);
      const used = process.cpuUsage(cpu);
      const cpuMs = Math.round((used.user + used.system) / 1000);
      return Promise.resolve({
        ops: gen.txns * gen.mopsPerTxn,
        verdict: { valid: r.valid, cpuMs, ...r.stats },
      });
    },
  };
}

export const suite: BenchSuite = {
  name: 'transactional',
  cases: () =>
    [
      ...[12_500, 25_000, 50_000, 100_000].map((txns) =>
        benchCase(
          `list-append-serializable-${txns / 1000}k-txns`,
          { ...shape, workload: 'list-append', txns },
          (h) => checkTransactional(h, { workload: 'list-append', consistencyModel: 'serializable' }),
          txns === 12_500,
        ),
      ),
      benchCase(
        'list-append-strict-serializable-100k-txns',
        { ...shape, workload: 'list-append', txns: 100_000 },
        (h) => checkTransactional(h, { workload: 'list-append', consistencyModel: 'strict-serializable' }),
      ),
      ...[125_000, 250_000, 500_000, 1_000_000].map((mops) =>
        benchCase(
          `rw-register-causal-${mops / 1000}k-mops`,
          { ...shape, workload: 'rw-register', txns: mops / 4 },
          (h) => checkWeakIsolation(h, { workload: 'rw-register', level: 'causal' }),
          mops === 125_000,
        ),
      ),
    ] as BenchCase[],
};
