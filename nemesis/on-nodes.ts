import type { Value } from '../src/core/op.js';

/** Runs `action` on every node in parallel; returns the error text per failed node (empty when all worked). */
export async function onNodes(
  nodes: readonly string[],
  action: (node: string) => Promise<void>,
): Promise<Record<string, Value>> {
  const errors: Record<string, Value> = {};
  await Promise.all(
    nodes.map(async (node) => {
      try {
        await action(node);
      } catch (error) {
        errors[node] = error instanceof Error ? error.message : String(error);
      }
    }),
  );
  return errors;
}
