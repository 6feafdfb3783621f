import { createHash } from 'node:crypto';

/** faultline reserves 10.89.0.0/16 and gives each run one /24 of it. */
export const SUBNET_PREFIX = '10.89';

/**
 * The third octet for a run: a hash of the run id, then the next free one, skipping octets whose
 * /24 is already used by a network on this engine. Undefined when all 256 are taken.
 */
export function pickSubnetOctet(
  runId: string,
  usedSubnets: readonly string[],
  attempt = 0,
): number | undefined {
  const used = new Set<number>();
  for (const subnet of usedSubnets) {
    const m = /^10\.89\.(\d+)\./.exec(subnet);
    if (m) used.add(Number(m[1]));
  }
  const start = createHash('sha256').update(runId).digest().readUInt8(0);
  let skipped = 0;
  for (let i = 0; i < 256; i++) {
    const octet = (start + i) % 256;
    if (used.has(octet)) continue;
    if (skipped++ === attempt) return octet;
  }
  return undefined;
}

/** The subnet, gateway and address of node i (1-based) for a third octet. */
export function subnetPlan(octet: number): { subnet: string; gateway: string; ip(index: number): string } {
  return {
    subnet: `${SUBNET_PREFIX}.${octet}.0/24`,
    gateway: `${SUBNET_PREFIX}.${octet}.1`,
    ip: (index: number) => `${SUBNET_PREFIX}.${octet}.${10 + index}`,
  };
}
