// Shared by the etcd and nemesis integration tests: one real etcd cluster per test file.
import { randomBytes } from 'node:crypto';
import { createCluster, type DockerCluster } from '../../../../src/control/docker-cluster.js';
import { ensureImages } from '../../../../src/control/images.js';
import type { Client } from '../../../../src/core/client.js';
import type { NodePrivileges } from '../../../../src/core/nemesis.js';
import type { Op, Value } from '../../../../src/core/op.js';
import type { SystemContext } from '../../../../src/core/system.js';
import { etcd } from '../../../../systems/etcd/etcd.js';

export interface EtcdCluster {
  cluster: DockerCluster;
  ctx: SystemContext;
  /** Opens a client of `workload` on `node`, closed by `stop`. */
  client(workload: 'register' | 'set', node: string, options?: Record<string, unknown>): Promise<Client>;
  stop(): Promise<void>;
}

/** A unique run id for a test file, so parallel files and leftovers never collide. */
export function testRunId(name: string): string {
  return `it-${name}-${randomBytes(3).toString('hex')}`;
}

/** Builds (or reuses) the etcd image, creates `nodeCount` nodes and starts etcd on them. */
export async function startEtcdCluster(
  name: string,
  nodeCount = 3,
  privileges?: NodePrivileges,
): Promise<EtcdCluster> {
  const images = await ensureImages(etcd.image, { onProgress: () => {} });
  console.log(`images ready in ${images.ms} ms: ${images.image}`);
  const cluster = await createCluster({
    runId: testRunId(name),
    nodeCount,
    image: images.image,
    ...(privileges ? { privileges } : {}),
  });
  const ctx: SystemContext = { cluster, options: {}, log: (m) => console.log(m) };
  const clients: Client[] = [];
  try {
    const started = performance.now();
    await etcd.setup(ctx);
    console.log(`etcd setup on ${nodeCount} nodes: ${Math.round(performance.now() - started)} ms`);
  } catch (error) {
    await cluster.destroy();
    throw error;
  }
  return {
    cluster,
    ctx,
    async client(workload, node, options = {}) {
      const c = await etcd.clients[workload]!.open({ ...ctx, options }, node);
      clients.push(c);
      return c;
    },
    async stop() {
      await Promise.all(clients.map((c) => c.close()));
      await cluster.destroy();
    },
  };
}

let index = 0;
/** An invocation for a client. */
export function op(f: string, value: Value): Op {
  return { index: index++, type: 'invoke', process: 0, f, value, time: 0 };
}

/** Invokes until the completion is ok (or the deadline passes): waiting out a leader election. */
export async function untilOk(
  client: Client,
  o: Op,
  timeoutMs = 20_000,
): Promise<{ type: string; value: Value }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const c = await client.invoke(o, AbortSignal.timeout(2000));
    if (c.type === 'ok' || Date.now() > deadline) return c;
    await new Promise((r) => setTimeout(r, 200));
  }
}
