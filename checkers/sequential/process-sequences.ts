import type { Partition } from '../linearizability/partition-history.js';
import type { PartitionOp } from '../linearizability/partition-op.js';

/** An op of a sequential-consistency search: the partition (key) it belongs to and the op. */
export interface SeqOp {
  part: number;
  op: PartitionOp;
}

/** The ops of each process in program order (invocation order), across partitions. */
export function processSequences(partitions: readonly Partition[]): SeqOp[][] {
  const byProcess = new Map<number | string, SeqOp[]>();
  partitions.forEach((p, part) => {
    for (const op of p.ops) {
      let list = byProcess.get(op.process);
      if (list === undefined) byProcess.set(op.process, (list = []));
      list.push({ part, op });
    }
  });
  const out = [...byProcess.values()];
  for (const list of out) list.sort((a, b) => a.op.call - b.op.call);
  return out;
}
