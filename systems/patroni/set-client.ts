import {
  type Client,
  type Completion,
  type Op,
  type SystemContext,
  describeSqlError,
  postgresDialect,
  raceAbort,
  type SqlConnection,
} from '../../src/sdk/index.js';
import type { PrimaryConnector } from './primary-sql-client.js';

/** The set workload's table: one row per element, the element its primary key. */
export const SET_SCHEMA = 'CREATE TABLE IF NOT EXISTS set_elements (v int PRIMARY KEY)';
const ADD = 'INSERT INTO set_elements (v) VALUES ($1)';
const READ = 'SELECT v FROM set_elements ORDER BY v';

/**
 * The `set` workload on the current primary: `add x` inserts the row x (one autocommit statement),
 * `read` returns every element, sorted. A statement the server rejected is `fail`; a session lost
 * after the statement was sent is `info` (it may have committed). Each completion names its node.
 */
export class PatroniSetClient implements Client {
  private session: { node: string; conn: SqlConnection } | undefined;

  constructor(
    private readonly boundNode: string,
    private readonly connector: PrimaryConnector,
  ) {}

  async invoke(op: Op, signal: AbortSignal): Promise<Completion> {
    if (op.f !== 'add' && op.f !== 'read')
      return { type: 'fail', value: op.value, error: `unsupported f ${op.f}` };
    let sent = false;
    let node: string | undefined;
    try {
      if (!this.session) {
        const { node: n, session } = await raceAbort(this.connector(this.boundNode), signal);
        this.session = { node: n, conn: session };
      }
      node = this.session.node;
      sent = true;
      if (op.f === 'add') {
        await raceAbort(this.session.conn.query(ADD, [op.value]), signal);
        return { type: 'ok', value: op.value, node };
      }
      const rows = await raceAbort(this.session.conn.query(READ), signal);
      return { type: 'ok', value: rows.map((r) => Number(r['v'])), node };
    } catch (err) {
      const rejected = !sent || op.f === 'read' || postgresDialect.isServerError(err);
      this.drop();
      const out: Completion = {
        type: rejected ? 'fail' : 'info',
        value: op.value,
        error: describeSqlError(err),
      };
      return node === undefined ? out : { ...out, node };
    }
  }

  close(): Promise<void> {
    this.drop();
    return Promise.resolve();
  }

  private drop(): void {
    this.session?.conn.destroy();
    this.session = undefined;
  }
}

/** Opens a set client for a worker bound to `node`. */
export function patroniSetClient(_ctx: SystemContext, node: string, connector: PrimaryConnector): Client {
  return new PatroniSetClient(node, connector);
}
