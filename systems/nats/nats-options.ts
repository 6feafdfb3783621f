import { FaultlineError, type SystemOption } from '../../src/sdk/index.js';

/** A Go duration as nats-server reads it, e.g. `10s`, `1m30s`, `500ms`. */
const GO_DURATION = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/;

/** `--sync`: `always` or a Go duration; anything else is a BAD_ARGUMENT naming the value. */
export function parseSync(text: string): string {
  if (text === 'always' || text === 'default' || GO_DURATION.test(text)) return text;
  throw new FaultlineError('BAD_ARGUMENT', `--sync ${text} is neither 'always' nor a duration.`, {
    hint: "Use --sync always (fsync every write) or a Go duration such as --sync 10s or --sync 500ms; omit it for the server's own policy.",
  });
}

/** `--replicas`: a positive integer. */
export function parseReplicas(text: string): number {
  const n = Number(text);
  if (Number.isInteger(n) && n >= 1 && n <= 5) return n;
  throw new FaultlineError('BAD_ARGUMENT', `--replicas ${text} is not an integer from 1 to 5.`, {
    hint: 'JetStream replicates a stream or bucket 1 to 5 times; use --replicas 3 (the default) or 5.',
  });
}

/** NATS JetStream's own `faultline test` options. */
export const natsOptions: readonly SystemOption[] = [
  {
    key: 'replicas',
    flag: '--replicas <n>',
    help: 'replicas of the KV bucket and the stream (default 3; at most the node count)',
    default: 3,
    parse: parseReplicas,
  },
  {
    key: 'sync',
    flag: '--sync <policy>',
    help: "the file store's sync_interval: always | a duration such as 10s (needs nats-server 2.10+; default: the server's own)",
    default: 'default',
    parse: parseSync,
  },
];

/** Rejects more replicas than nodes. */
export function validateNatsOptions(options: Readonly<Record<string, unknown>>, nodeCount: number): void {
  const replicas = options['replicas'] as number;
  if (replicas > nodeCount) {
    throw new FaultlineError(
      'BAD_ARGUMENT',
      `--replicas ${replicas} needs at least ${replicas} nodes, but the cluster has ${nodeCount}.`,
      { hint: `Use --nodes ${replicas} or more, or fewer --replicas.` },
    );
  }
}
