import type { ImageRecipe } from '../../src/sdk/index.js';

/**
 * Debian 12's Patroni 3.0 with PostgreSQL 15 and etcd 3.4 for its DCS. python3-etcd is the client
 * module Patroni's etcd3 DCS imports; the packages' own services and the `main` cluster are removed.
 */
export const patroniImage: ImageRecipe = {
  name: 'patroni',
  aptPackages: [
    'patroni',
    'python3-etcd',
    'postgresql-15',
    'postgresql-client-15',
    'etcd-server',
    'etcd-client',
  ],
  run: [
    'pg_dropcluster --stop 15 main || true',
    'mkdir -p /var/lib/faultline /var/log/faultline /run/faultline /var/run/postgresql',
    'chown postgres:postgres /var/lib/faultline /var/log/faultline /var/run/postgresql',
  ],
};
