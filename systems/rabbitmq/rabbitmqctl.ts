import { quoteShell } from '../../src/sdk/index.js';
import { RABBITMQCTL, erlangNode } from './rabbitmq-paths.js';

/** Shell running rabbitmqctl against the server on `node`, as root with root's Erlang cookie. */
export function rabbitmqctl(node: string, args: readonly string[]): string {
  return `HOME=/root ${RABBITMQCTL} -q -n ${erlangNode(node)} ${args.map(quoteShell).join(' ')}`;
}
