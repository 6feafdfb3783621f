import type { ImageRecipe } from '../../src/core/system.js';

/** Debian 12's nats-server 2.9; the package's own service is never started (policy-rc.d in the base). */
export const natsImage: ImageRecipe = {
  name: 'nats',
  aptPackages: ['nats-server'],
};
