import {
  type Client,
  type Completion,
  type Op,
  type SystemContext,
  connectPostgres,
  isReadOnly,
  SqlClient,
  type SqlTarget,
  type SqlWorkload,
  type SqlConnection,
  postgresDialect,
} from '../../src/sdk/index.js';
import { parsePatroniOptions } from './patroni-options.js';
import { findPrimary } from './primary-finder.js';

/** How a session to the current primary is opened: resolve it, then connect; the node it reached. */
export type PrimaryConnector = (boundNode: string) => Promise<{ node: string; session: SqlConnection }>;

/** Resolves the primary through Patroni's REST API and opens a PostgreSQL session to it. */
export function patroniConnector(ctx: SystemContext): PrimaryConnector {
  return async (boundNode) => {
    const node = await findPrimary(ctx, boundNode);
    return { node, session: await connectPostgres(ctx.cluster.ip(node), 3000) };
  };
}

/**
 * A SqlClient that always runs on the current primary: each session is opened on the node Patroni
 * names primary at that moment, every op that does not complete ok drops the sessions (so the next
 * op re-resolves the primary), and each completion records the node whose session served it.
 */
export class PrimarySqlClient implements Client {
  private readonly served = new Map<SqlTarget, string>();
  private readonly inner: SqlClient;

  constructor(workload: SqlWorkload, ctx: SystemContext, boundNode: string, connector: PrimaryConnector) {
    const { isolation } = parsePatroniOptions(ctx.options);
    this.inner = new SqlClient({
      workload,
      dialect: postgresDialect,
      isolation,
      connect: async (target) => {
        this.served.delete(target);
        const { node, session } = await connector(boundNode);
        this.served.set(target, node);
        return session;
      },
    });
  }

  async invoke(op: Op, signal: AbortSignal): Promise<Completion> {
    const target: SqlTarget = isReadOnly(op) ? 'read' : 'write';
    const completion = await this.inner.invoke(op, signal);
    const node = this.served.get(target);
    if (completion.type !== 'ok') {
      await this.inner.close();
      this.served.clear();
    }
    return node === undefined ? completion : { ...completion, node };
  }

  async close(): Promise<void> {
    await this.inner.close();
  }
}
