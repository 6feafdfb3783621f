import type { ImageRecipe } from '../../src/core/system.js';

/** Debian 12's ZooKeeper 3.8 on the default JRE; the suite writes its own zoo.cfg and myid. */
export const zookeeperImage: ImageRecipe = {
  name: 'zookeeper',
  aptPackages: ['default-jre-headless', 'zookeeper'],
  run: ['mkdir -p /etc/faultline /var/lib/faultline/zookeeper /var/log/faultline'],
};
