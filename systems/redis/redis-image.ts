import type { ImageRecipe } from '../../src/core/system.js';

/** Debian 12's Redis 7 with Sentinel; the package's own server is not used, the suite starts its own. */
export const redisImage: ImageRecipe = {
  name: 'redis',
  aptPackages: ['redis-server', 'redis-sentinel', 'redis-tools'],
  run: ['mkdir -p /etc/faultline /var/lib/faultline/redis /var/log/faultline /var/run/faultline'],
};
