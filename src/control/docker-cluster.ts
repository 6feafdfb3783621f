import { networkInterfaces } from 'node:os';
import type Docker from 'dockerode';
import { FaultlineError } from '../core/errors.js';
import type { NodePrivileges } from '../core/nemesis.js';
import type { Cluster, Remote } from '../core/remote.js';
import { collectNodeFiles } from './collect-node-files.js';
import { dockerEngine } from './docker-engine.js';
import { DockerRemote } from './docker-remote.js';
import { NODE_LABEL, runLabels } from './labels.js';
import { pickSubnetOctet, subnetPlan } from './subnet.js';

export interface ClusterOptions {
  /** Run id: names containers `faultline-<runId>-n1` and the network `faultline-<runId>`. */
  runId: string;
  nodeCount: number;
  /** Image tag, from ensureSystemImage. */
  image: string;
  /** Progress lines ("creating n3"). */
  onProgress?: (line: string) => void;
  docker?: Docker;
  /** The pid stamped as faultline.pid (default: this process); reap removes the run once it is dead. */
  ownerPid?: number;
  /** Capabilities and devices beyond the default NET_ADMIN, for faults that ask for them. */
  privileges?: NodePrivileges;
}

/** A running set of labelled containers on one labelled bridge network. */
export class DockerCluster implements Cluster {
  readonly remote: Remote;

  constructor(
    readonly docker: Docker,
    readonly runId: string,
    readonly nodes: readonly string[],
    readonly network: string,
    readonly subnet: string,
    private readonly ips: ReadonlyMap<string, string>,
  ) {
    this.remote = new DockerRemote(docker, (node) => this.containerName(node));
  }

  ip(node: string): string {
    const ip = this.ips.get(node);
    if (ip === undefined)
      throw new FaultlineError(
        'BAD_ARGUMENT',
        `No node ${node} in run ${this.runId}; nodes are ${this.nodes.join(', ')}.`,
      );
    return ip;
  }

  containerName(node: string): string {
    return `faultline-${this.runId}-${node}`;
  }

  /**
   * Copies each node's files into `<dir>/<node>/<basename>` (the whole path, slashes as `_`, when two
   * basenames clash); missing files are skipped. Returns the written paths.
   */
  async collectLogs(dir: string, files: (node: string) => readonly string[]): Promise<string[]> {
    return collectNodeFiles(this.remote, this.nodes, dir, files);
  }

  /** Removes the containers and the network; safe to call twice. */
  async destroy(): Promise<void> {
    await Promise.all(
      this.nodes.map((node) =>
        this.docker
          .getContainer(this.containerName(node))
          .remove({ force: true, v: true })
          .catch(ignoreMissing),
      ),
    );
    await this.docker.getNetwork(this.network).remove().catch(ignoreMissing);
  }
}

function ignoreMissing(error: unknown): void {
  const status = (error as { statusCode?: number }).statusCode;
  if (status !== 404 && status !== 409) throw error;
}

/** Node names n1..nN. */
export function nodeNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `n${i + 1}`);
}

/**
 * Creates the network (an explicit 10.89.x.0/24 subnet) and N running containers, each kept alive
 * by `sleep infinity` under docker-init, with NET_ADMIN for iptables (and `privileges` when a fault asks). Cleans up what it made on failure.
 */
export async function createCluster(options: ClusterOptions): Promise<DockerCluster> {
  if (!Number.isInteger(options.nodeCount) || options.nodeCount < 1 || options.nodeCount > 200) {
    throw new FaultlineError(
      'BAD_ARGUMENT',
      `nodeCount must be an integer from 1 to 200, got ${options.nodeCount}.`,
    );
  }
  const docker = options.docker ?? (await dockerEngine());
  const progress = options.onProgress ?? (() => {});
  const labels = runLabels(options.runId, options.ownerPid);
  const networkName = `faultline-${options.runId}`;
  const nodes = nodeNames(options.nodeCount);

  let plan: ReturnType<typeof subnetPlan> | undefined;
  for (let attempt = 0; attempt < 8 && !plan; attempt++) {
    // Subnets of Docker networks and addresses of host interfaces (a VPN may use 10.89.x too).
    const used = [
      ...(await docker.listNetworks()).flatMap((n) => (n.IPAM?.Config ?? []).map((c) => c.Subnet ?? '')),
      ...Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((a) => a.address)),
    ];
    const octet = pickSubnetOctet(options.runId, used, attempt);
    if (octet === undefined) break;
    const candidate = subnetPlan(octet);
    try {
      await docker.createNetwork({
        Name: networkName,
        Driver: 'bridge',
        CheckDuplicate: true,
        Labels: labels,
        IPAM: { Driver: 'default', Config: [{ Subnet: candidate.subnet, Gateway: candidate.gateway }] },
      });
      plan = candidate;
    } catch (error) {
      // Another run may have taken the same /24 between listing and creating: try the next one.
      if (!/overlap|already exists|in use/i.test(String((error as Error).message))) throw error;
    }
  }
  if (!plan) {
    throw new FaultlineError(
      'CLUSTER_START_FAILED',
      `No free /24 in 10.89.0.0/16 for run ${options.runId}.`,
      {
        hint: 'Remove leftover networks with `faultline clean`, or `docker network ls --filter label=faultline`.',
      },
    );
  }
  progress(`network ${networkName} ${plan.subnet}`);
  const ips = new Map(nodes.map((node, i) => [node, plan.ip(i + 1)]));
  const cluster = new DockerCluster(docker, options.runId, nodes, networkName, plan.subnet, ips);
  try {
    await Promise.all(
      nodes.map(async (node) => {
        const container = await docker.createContainer({
          name: cluster.containerName(node),
          Hostname: node,
          Image: options.image,
          Cmd: ['sleep', 'infinity'],
          Labels: { ...labels, [NODE_LABEL]: node },
          StopSignal: 'SIGKILL',
          HostConfig: {
            Init: true,
            CapAdd: [...new Set(['NET_ADMIN', ...(options.privileges?.capAdd ?? [])])],
            Devices: (options.privileges?.devices ?? []).map((path) => ({
              PathOnHost: path,
              PathInContainer: path,
              CgroupPermissions: 'rwm',
            })),
            NetworkMode: networkName,
            ExtraHosts: nodes.map((n, i) => `${n}:${plan.ip(i + 1)}`),
          },
          NetworkingConfig: {
            EndpointsConfig: {
              [networkName]: { IPAMConfig: { IPv4Address: ips.get(node) }, Aliases: [node] },
            },
          },
        });
        await container.start();
        progress(`started ${node} ${ips.get(node)}`);
      }),
    );
  } catch (cause) {
    await cluster.destroy().catch(() => {});
    throw new FaultlineError(
      'CLUSTER_START_FAILED',
      `Cannot start the containers of run ${options.runId}: ${(cause as Error).message}`,
      {
        hint: 'Check `docker info` and that the image exists (`docker images faultline/*`).',
        cause,
      },
    );
  }
  return cluster;
}
