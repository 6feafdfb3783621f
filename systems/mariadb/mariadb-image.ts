import type { ImageRecipe } from '../../src/core/system.js';

/** Debian 12's MariaDB 10.11 with the Galera 4 provider and rsync for state transfers. */
export const mariadbImage: ImageRecipe = {
  name: 'mariadb',
  aptPackages: ['mariadb-server', 'mariadb-client', 'galera-4', 'rsync'],
  run: [
    'mkdir -p /etc/faultline /var/lib/faultline /var/log/faultline /run/mysqld',
    'chown mysql:mysql /run/mysqld /var/log/faultline',
  ],
};
