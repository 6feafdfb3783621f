import type { SystemOption } from '../../src/sdk/index.js';

/** etcd's own `faultline test` options. */
export const etcdOptions: readonly SystemOption[] = [
  {
    key: 'serializableReads',
    flag: '--serializable-reads',
    help: 'serializable (possibly stale, served by the local member) reads instead of linearizable ones',
  },
];
