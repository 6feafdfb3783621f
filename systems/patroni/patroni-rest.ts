import type { SystemContext } from '../../src/sdk/index.js';
import { REST_PORT } from './patroni-paths.js';

/** What Patroni's `GET /patroni` says about its own member (the fields the suite reads). */
export interface PatroniStatus {
  state?: string;
  role?: string;
  timeline?: number;
  /** On the primary: its streaming replicas. */
  replication?: readonly { application_name?: string; state?: string; sync_state?: string }[];
}

/** GETs `path` from the Patroni REST API of `node` within `timeoutMs`: the status code and JSON body. */
export async function patroniGet(
  ctx: SystemContext,
  node: string,
  path: string,
  timeoutMs = 2000,
): Promise<{ status: number; body: unknown }> {
  const r = await fetch(`http://${ctx.cluster.ip(node)}:${REST_PORT}${path}`, {
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await r.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    // Not JSON: keep the text for the error message.
  }
  return { status: r.status, body };
}

/** True for the role names Patroni 3.0 gives a primary (`master` in /patroni, `primary` from 3.x on). */
export function isPrimaryRole(role: unknown): boolean {
  return role === 'master' || role === 'primary';
}

/**
 * The nodes whose Patroni answers `GET /primary` with 200 now: it holds the leader lock and runs
 * PostgreSQL as primary. More than one means two members both believe they lead.
 */
export async function claimedPrimaries(ctx: SystemContext, timeoutMs = 1500): Promise<string[]> {
  const answers = await Promise.all(
    ctx.cluster.nodes.map(async (node) => {
      try {
        return (await patroniGet(ctx, node, '/primary', timeoutMs)).status === 200 ? node : undefined;
      } catch {
        return undefined;
      }
    }),
  );
  return answers.filter((n): n is string => n !== undefined);
}
