import { checkLinearizability } from '../../checkers/linearizability/check-linearizability.js';
import type { LinearizabilityOptions } from '../../checkers/linearizability/linearizability-options.js';
import type { Op } from '../../src/core/op.js';
import { crashedWrites, generateJepsenHistories } from '../gen/generate-jepsen-histories.js';
import { models } from '../../checkers/models/index.js';
import { generateKvHistory } from '../gen/generate-kv-history.js';
import { generateRegisterHistory, type RegisterHistoryOptions } from '../gen/generate-register-history.js';
import type { BenchCase, BenchSuite } from '../harness.js';

/** Wall-clock cap per check so the whole bench finishes; a case that hits it reports unknown. */
const TIMEOUT_MS = 60_000;
/** The kv cases' cap: Porcupine's slowest kv check takes about 4 s, so 20 s leaves room and keeps the suite short. */
const KV_TIMEOUT_MS = 20_000;

/** A variant of the checker's options, compared with the default on the same input within one run. */
interface Variant {
  label: string;
  options: Partial<LinearizabilityOptions>;
}

function generated(
  name: string,
  shape: Omit<RegisterHistoryOptions, 'seed'>,
  quick = false,
  variant?: Variant,
): BenchCase<Op[]> {
  const keys = shape.keys ?? 1;
  return {
    name: variant ? `${name}-${variant.label}` : name,
    quick,
    params: {
      ...(variant ? { variant: variant.label } : {}),
      ops: shape.ops,
      processes: shape.processes,
      keys,
      infoRate: shape.infoRate ?? 0,
      valid: !shape.corrupt && !shape.stale,
      corruption: shape.corrupt ? 'phantom-read' : shape.stale ? 'stale-read' : 'none',
    },
    prepare: () => generateRegisterHistory({ ...shape, cas: true, seed: 42 }),
    run: async (history) => {
      const result = await checkLinearizability(history, {
        model: 'cas-register',
        independent: keys > 1,
        timeoutMs: TIMEOUT_MS,
        ...variant?.options,
      });
      return { ops: shape.ops, verdict: { valid: result.valid, explored: result.stats?.['explored'] } };
    },
  };
}

function jepsen(corrupt: 'none' | 'phantom' | 'stale', variant?: Variant): BenchCase<Op[][]> {
  const count = 40;
  const base = `jepsen-shaped-${corrupt === 'none' ? 'valid' : corrupt}-x${count}`;
  return {
    name: variant ? `${base}-${variant.label}` : base,
    quick: true,
    params: {
      ...(variant ? { variant: variant.label } : {}),
      histories: count,
      events: 170,
      processes: '5-15',
      values: '0-4',
      corruption: corrupt,
    },
    prepare: () => generateJepsenHistories(count, corrupt),
    run: async (histories) => {
      const verdicts = { true: 0, false: 0, unknown: 0 };
      let maxMs = 0;
      let maxDecideMs = 0;
      let crashed = [Infinity, 0];
      for (const h of histories) {
        // The verdict alone, then verdict plus shrunk counterexample (the "< 100 ms each" target is the verdict).
        let started = performance.now();
        await checkLinearizability(h, {
          model: 'cas-register',
          workers: 0,
          counterexample: false,
          ...variant?.options,
        });
        maxDecideMs = Math.max(maxDecideMs, performance.now() - started);
        started = performance.now();
        const r = await checkLinearizability(h, { model: 'cas-register', workers: 0, ...variant?.options });
        maxMs = Math.max(maxMs, performance.now() - started);
        verdicts[String(r.valid) as keyof typeof verdicts]++;
        const c = crashedWrites(h);
        crashed = [Math.min(crashed[0]!, c), Math.max(crashed[1]!, c)];
      }
      const ops = histories.reduce((n, h) => n + h.length / 2, 0);
      return {
        ops,
        verdict: {
          ...verdicts,
          maxDecideMsPerHistory: Math.round(maxDecideMs),
          maxMsPerHistoryWithCounterexample: Math.round(maxMs),
          crashedWritesRange: crashed,
        },
      };
    },
  };
}

/** The checker's options for a kv case: per key (the registry model), or one unpartitioned map (a model object). */
function kvOptions(perKey: boolean): LinearizabilityOptions {
  if (perKey) return { model: 'kv-append', timeoutMs: KV_TIMEOUT_MS };
  const { key: _key, ...whole } = models['kv-append']();
  return { model: whole, timeoutMs: KV_TIMEOUT_MS };
}

/**
 * Porcupine-kv-shaped: get/put/append on 10 string keys, valid or with one stale get, checked per
 * key or as one map. `lab`: log-normal op durations (sigma 2.5), the shape measured from
 * Porcupine's recorded lab histories (docs/linearizability.md); `busy`: every client's op overlaps
 * about twice the client count of completions, harder than the recorded histories. Each run times
 * the verdict alone, then the default run (verdict plus counterexample), on the same history.
 */
function kvCase(
  clients: number,
  ops: number,
  stale: boolean,
  perKey: boolean,
  shape: 'lab' | 'busy' = 'lab',
): BenchCase<Op[]> {
  const busy = shape === 'busy' && clients > 1 ? '-busy' : '';
  const name = `kv-c${clients}${busy}-${stale ? 'bad' : 'ok'}-${perKey ? 'per-key' : 'whole'}`;
  const latency = shape === 'lab' && clients > 1 ? 'heavy-tailed' : 'busy';
  return {
    name,
    quick: clients < 50 && busy === '',
    params: {
      clients,
      ops,
      keys: 10,
      latency,
      valid: !stale,
      corruption: stale ? 'stale-get' : 'none',
      perKey,
    },
    prepare: () => generateKvHistory({ ops, clients, stale, latency, sigma: 2.5, seed: 7 }),
    run: async (history) => {
      const options = kvOptions(perKey);
      let started = performance.now();
      const decided = await checkLinearizability(history, { ...options, counterexample: false });
      const verdictMs = performance.now() - started;
      started = performance.now();
      const full = await checkLinearizability(history, options);
      const withCounterexampleMs = performance.now() - started;
      return {
        ops,
        verdict: {
          valid: full.valid,
          verdictOnly: decided.valid,
          verdictMs: Math.round(verdictMs * 10) / 10,
          withCounterexampleMs: Math.round(withCounterexampleMs * 10) / 10,
          explored: decided.stats?.['explored'],
          counterexampleOps: full.counterexample?.ops.length,
        },
      };
    },
  };
}

/** Porcupine's reading of a bare failed cas (a failed comparison), against Knossos's (the default: it tells nothing). */
const observeFailedCas: Variant = {
  label: 'observe-failed-cas',
  options: { modelOptions: { failedCas: 'observe' } },
};
/** Every key on the main thread, against the default worker threads (one per core). */
const mainThread: Variant = { label: 'main-thread', options: { workers: 0 } };

/**
 * Linearizability on generated cas-register histories: sizes, concurrency, keys, info rate, valid and
 * invalid; plus two variants measured in the same run as their defaults.
 */
export const suite: BenchSuite = {
  name: 'linearizability',
  cases: () => [
    kvCase(1, 1_000, false, true),
    kvCase(1, 1_000, true, true),
    kvCase(1, 1_000, false, false),
    kvCase(1, 1_000, true, false),
    kvCase(10, 1_000, false, true),
    kvCase(10, 1_000, true, true),
    kvCase(10, 1_000, false, false),
    kvCase(10, 1_000, true, false),
    kvCase(50, 1_500, false, true),
    kvCase(50, 1_500, true, true),
    kvCase(10, 5_000, false, true, 'busy'),
    kvCase(10, 5_000, true, true, 'busy'),
    kvCase(10, 5_000, false, false, 'busy'),
    kvCase(10, 5_000, true, false, 'busy'),
    kvCase(50, 10_000, false, true, 'busy'),
    kvCase(50, 10_000, true, true, 'busy'),
    jepsen('none'),
    jepsen('phantom'),
    jepsen('stale'),
    jepsen('none', observeFailedCas),
    jepsen('stale', observeFailedCas),
    generated('register-1k-c5', { ops: 1_000, processes: 5 }, true),
    generated('register-1k-c5-invalid', { ops: 1_000, processes: 5, corrupt: true }, true),
    generated('register-10k-c20', { ops: 10_000, processes: 20 }),
    generated('register-10k-c20-invalid', { ops: 10_000, processes: 20, corrupt: true }),
    generated('register-10k-c20-stale', { ops: 10_000, processes: 20, stale: true }),
    generated('register-10k-c20-info5', { ops: 10_000, processes: 20, infoRate: 0.05 }),
    generated('register-10k-c100', { ops: 10_000, processes: 100 }),
    generated('register-100k-c5', { ops: 100_000, processes: 5 }),
    generated('keys1k-100k-c20-info5', { ops: 100_000, processes: 20, keys: 1000, infoRate: 0.05 }, true),
    generated(
      'keys1k-100k-c20-info5-invalid',
      { ops: 100_000, processes: 20, keys: 1000, infoRate: 0.05, corrupt: true },
      true,
    ),
    generated('keys1k-100k-c100-info5', { ops: 100_000, processes: 100, keys: 1000, infoRate: 0.05 }),
    generated('keys1k-1m-c20', { ops: 1_000_000, processes: 20, keys: 1000 }),
    generated('keys1k-1m-c20', { ops: 1_000_000, processes: 20, keys: 1000 }, false, mainThread),
    generated('keys1k-1m-c20-info5', { ops: 1_000_000, processes: 20, keys: 1000, infoRate: 0.05 }),
    generated('keys1k-1m-c20-info5-invalid', {
      ops: 1_000_000,
      processes: 20,
      keys: 1000,
      infoRate: 0.05,
      corrupt: true,
    }),
    generated('keys1k-1m-c20-info5-stale', {
      ops: 1_000_000,
      processes: 20,
      keys: 1000,
      infoRate: 0.05,
      stale: true,
    }),
    generated('keys1k-1m-c100-info5', { ops: 1_000_000, processes: 100, keys: 1000, infoRate: 0.05 }),
  ],
};
