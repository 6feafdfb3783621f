import type { ImageRecipe } from '../../src/core/system.js';

/** Debian 12's rabbitmq-server 3.10 on its Erlang; the package's own service is never started. */
export const rabbitmqImage: ImageRecipe = {
  name: 'rabbitmq',
  aptPackages: ['rabbitmq-server'],
};
