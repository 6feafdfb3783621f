import type { ImageRecipe } from '../../src/core/system.js';

/** Debian's etcd 3.4 server and etcdctl; the package's service is never started (policy-rc.d in the base). */
export const etcdImage: ImageRecipe = {
  name: 'etcd',
  aptPackages: ['etcd-server', 'etcd-client'],
};
