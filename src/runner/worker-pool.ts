import type { Client, Completion } from '../core/client.js';
import { FaultlineError } from '../core/errors.js';
import type { Nemesis } from '../core/nemesis.js';
import type { Op, ProcessId } from '../core/op.js';
import type { ClientFactory, SystemContext } from '../core/system.js';
import { errorText, validateClient } from './validate-client.js';

export type Thread = number | 'nemesis';

export interface WorkerPoolOptions {
  ctx: SystemContext;
  clients: ClientFactory;
  concurrency: number;
  /** Already validated (validateNemesis); absent when the test runs without faults. */
  nemesis?: Nemesis;
  opTimeoutMs: number;
}

/**
 * The workers of a test: `concurrency` client threads, thread t bound to node t mod N (round
 * robin), plus the nemesis thread. Thread t starts as process t; after an op of it ends `info` it
 * continues as process + concurrency with a fresh client, as in Jepsen.
 */
export class WorkerPool {
  readonly threads: readonly Thread[];
  private readonly processes = new Map<number, number>();
  private readonly clients = new Map<number, Client>();

  constructor(private readonly options: WorkerPoolOptions) {
    const clientThreads = Array.from({ length: options.concurrency }, (_, t) => t);
    this.threads = options.nemesis ? [...clientThreads, 'nemesis'] : clientThreads;
    for (const t of clientThreads) this.processes.set(t, t);
  }

  nodeOf(thread: number): string {
    const nodes = this.options.ctx.cluster.nodes;
    return nodes[thread % nodes.length]!;
  }

  processOf(thread: Thread): ProcessId {
    return thread === 'nemesis' ? 'nemesis' : this.processes.get(thread)!;
  }

  /** Opens every client; throws when a node cannot be reached at all. */
  async open(): Promise<void> {
    await Promise.all(
      [...this.processes.keys()].map(async (t) => {
        this.clients.set(t, await this.connect(t));
      }),
    );
  }

  /** Runs `op` on its thread's worker; never throws. */
  async invoke(thread: Thread, op: Op, signal: AbortSignal): Promise<Completion> {
    if (thread === 'nemesis') {
      const nemesis = this.options.nemesis;
      if (!nemesis) return { type: 'info', value: op.value, error: 'no nemesis in this test' };
      const r = await nemesis.invoke(this.options.ctx, { f: op.f, value: op.value });
      return r.error === undefined
        ? { type: 'info', value: r.value }
        : { type: 'info', value: r.value, error: r.error };
    }
    let client = this.clients.get(thread);
    if (client === undefined) {
      try {
        client = await this.connect(thread);
        this.clients.set(thread, client);
      } catch (error) {
        // The op was never sent, so it certainly did not happen.
        return { type: 'fail', value: op.value, error: `cannot open a client: ${errorText(error)}` };
      }
    }
    return client.invoke(op, signal);
  }

  /** After an info completion: the thread continues as a new process with a fresh client. */
  retire(thread: Thread): void {
    if (thread === 'nemesis') return;
    this.processes.set(thread, this.processes.get(thread)! + this.options.concurrency);
    const client = this.clients.get(thread);
    this.clients.delete(thread);
    void client?.close();
  }

  async close(): Promise<void> {
    const all = [...this.clients.values()];
    this.clients.clear();
    await Promise.all(all.map((c) => c.close()));
  }

  private async connect(thread: number): Promise<Client> {
    const node = this.nodeOf(thread);
    try {
      return validateClient(
        await this.options.clients.open(this.options.ctx, node),
        this.options.opTimeoutMs,
      );
    } catch (cause) {
      if (cause instanceof FaultlineError) throw cause;
      throw new FaultlineError(
        'SYSTEM_START_FAILED',
        `Cannot open a client to ${node}: ${errorText(cause)}`,
        {
          hint: 'Check that the system started on that node (see its log in the run directory).',
          cause,
        },
      );
    }
  }
}
