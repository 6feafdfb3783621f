import type { ImageRecipe } from '../../src/core/system.js';

/** Debian 12's PostgreSQL 15; the package's own `main` cluster is dropped, the suite runs its own data dir. */
export const postgresImage: ImageRecipe = {
  name: 'postgres',
  aptPackages: ['postgresql-15', 'postgresql-client-15'],
  run: [
    'pg_dropcluster --stop 15 main || true',
    'mkdir -p /var/lib/faultline /var/log/faultline /var/run/postgresql',
    'chown postgres:postgres /var/lib/faultline /var/log/faultline /var/run/postgresql',
  ],
};
