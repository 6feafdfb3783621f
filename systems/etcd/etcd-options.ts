import { FaultlineError, type SystemOption } from '../../src/sdk/index.js';
import { DEFAULT_LEASE_TTL_S } from './lock-client.js';

/** etcd grants no lease shorter than 1.5 election timeouts (1.5 s with its default 1 s timeout). */
const MIN_LEASE_TTL_S = 2;

function parseLeaseTtl(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < MIN_LEASE_TTL_S || n > 600) {
    throw new FaultlineError(
      'BAD_ARGUMENT',
      `--lease-ttl ${text} is not a whole number of seconds from 2 to 600.`,
      {
        hint: 'etcd grants no lease shorter than about 2 s; the lock workload defaults to 3.',
      },
    );
  }
  return n;
}

/** etcd's own `faultline test` options. */
export const etcdOptions: readonly SystemOption[] = [
  {
    key: 'serializableReads',
    flag: '--serializable-reads',
    help: 'serializable (possibly stale, served by the local member) reads instead of linearizable ones',
  },
  {
    key: 'leaseTtl',
    flag: '--lease-ttl <seconds>',
    help: `lock workload: TTL of each holder's lease, renewed every third of it (default ${DEFAULT_LEASE_TTL_S})`,
    default: DEFAULT_LEASE_TTL_S,
    parse: parseLeaseTtl,
  },
];
