/** Where the suite keeps ZooKeeper on each node. */
export const ZK_PORT = 2181;
export const ZK_CONF = '/etc/faultline/zoo.cfg';
export const ZK_DATA = '/var/lib/faultline/zookeeper';
export const ZK_LOG = '/var/log/faultline/zookeeper.log';

/** zoo.cfg for an ensemble of `ips` (server ids 1..N in node order); one node runs standalone. */
export function zooCfg(ips: readonly string[]): string {
  return [
    'tickTime=1000',
    'initLimit=10',
    'syncLimit=3',
    `dataDir=${ZK_DATA}`,
    `clientPort=${ZK_PORT}`,
    'maxClientCnxns=0',
    'admin.enableServer=false',
    '4lw.commands.whitelist=srvr,stat,ruok,mntr,conf',
    'autopurge.purgeInterval=0',
    ...(ips.length > 1 ? ips.map((ip, i) => `server.${i + 1}=${ip}:2888:3888`) : []),
    '',
  ].join('\n');
}

/** The server id of the i-th node (0-based), as written to `myid`. */
export function myId(index: number): string {
  return `${index + 1}\n`;
}
