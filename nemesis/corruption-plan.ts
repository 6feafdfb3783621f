import { createRng } from '../src/generator/rng.js';

/** How a file is damaged: its tail cut off, or single bits flipped. */
export const CORRUPT_MODES = ['truncate', 'bitflip'] as const;
export type CorruptMode = (typeof CORRUPT_MODES)[number];

/** A file the system declared fair game, as listed on the node. */
export interface CandidateFile {
  path: string;
  size: number;
}

/** What to do to one file: `truncateTo` bytes, or flip `flips` (byte offset, bit 0-7). */
export interface CorruptionPlan {
  file: string;
  mode: CorruptMode;
  size: number;
  truncateTo?: number;
  flips?: { offset: number; bit: number }[];
}

/** Bits flipped by one bitflip fault. */
export const FLIPS = 8;

/**
 * The damage for one node, drawn from `seed` (so a schedule is reproducible): a non-empty candidate,
 * then for truncate a cut of 1 byte up to half the file, for bitflip FLIPS distinct bits anywhere in it.
 * Undefined when no candidate has a byte.
 */
export function planCorruption(
  files: readonly CandidateFile[],
  mode: CorruptMode,
  seed: number,
): CorruptionPlan | undefined {
  const candidates = files.filter((f) => f.size > 0).sort((a, b) => (a.path < b.path ? -1 : 1));
  if (candidates.length === 0) return undefined;
  const rng = createRng(seed);
  const chosen = rng.pick(candidates);
  if (mode === 'truncate') {
    const cut = 1 + rng.int(Math.max(1, Math.floor(chosen.size / 2)));
    return { file: chosen.path, mode, size: chosen.size, truncateTo: chosen.size - cut };
  }
  const seen = new Set<number>();
  const flips: { offset: number; bit: number }[] = [];
  const bits = chosen.size * 8;
  while (flips.length < Math.min(FLIPS, bits)) {
    const b = rng.int(bits);
    if (seen.has(b)) continue;
    seen.add(b);
    flips.push({ offset: Math.floor(b / 8), bit: b % 8 });
  }
  flips.sort((x, y) => x.offset - y.offset || x.bit - y.bit);
  return { file: chosen.path, mode, size: chosen.size, flips };
}

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** Shell: prints `<size> <path>` for every regular, non-empty file matching the globs under `dir`. */
export function listScript(dir: string, globs: readonly string[]): string {
  return [
    `cd ${quote(dir)} 2>/dev/null || exit 0`,
    `for f in ${globs.join(' ')}; do if [ -f "$f" ] && [ ! -L "$f" ]; then printf '%s %s\\n' "$(stat -c %s "$f")" "$f"; fi; done | sort -u -k2`,
  ].join('\n');
}

/** Parses listScript's output. */
export function parseList(out: string): CandidateFile[] {
  return out
    .split('\n')
    .map((line) => /^(\d+) (.+)$/.exec(line.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ size: Number(m[1]), path: m[2]! }));
}

/** Shell: applies a plan to the file under `dir` (the database must be stopped). */
export function corruptScript(dir: string, plan: CorruptionPlan): string {
  const file = quote(`${dir}/${plan.file}`);
  if (plan.mode === 'truncate') return `truncate -s ${plan.truncateTo ?? plan.size} ${file}`;
  // Read the byte, flip the bit, write the byte back in place (od and dd are in every node).
  return (plan.flips ?? [])
    .map(
      ({ offset, bit }) =>
        `v=$(od -An -tu1 -j ${offset} -N1 ${file} | tr -d ' ') && ` +
        `printf "$(printf '\\\\%03o' $((v ^ ${1 << bit})))" | dd of=${file} bs=1 seek=${offset} count=1 conv=notrunc status=none`,
    )
    .join(' &&\n');
}
