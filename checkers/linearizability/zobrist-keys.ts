/** A deterministic 32-bit PRNG (mulberry32) for the Zobrist keys. */
function zobrist(n: number, seed: number): Int32Array {
  const out = new Int32Array(n);
  let a = seed >>> 0;
  for (let i = 0; i < n; i++) {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    out[i] = t ^ (t >>> 14);
  }
  return out;
}

const Z1 = zobrist(1 << 12, 0x9e3779b9);
const Z2 = zobrist(1 << 12, 0x85ebca6b);

/** Two independent Zobrist keys per op for `n` ops: the shared first 4096, computed afresh only for larger partitions. */
export function zobristKeys(n: number): [Int32Array, Int32Array] {
  if (n <= Z1.length) return [Z1, Z2];
  return [zobrist(n, 0x9e3779b9), zobrist(n, 0x85ebca6b)];
}
