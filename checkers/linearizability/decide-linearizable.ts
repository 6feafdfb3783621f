import type { Model } from '../../src/core/model.js';
import { impossibleOp } from './impossible-op.js';
import type { PartitionOp } from './partition-op.js';
import { indexOps } from './search-ops.js';
import type { SearchOutcome } from './search-outcome.js';
import { wglSearch, type SearchLimits } from './wgl-search.js';

/** Exact configurations tried first (at most a tenth of the budget): valid histories usually need far fewer. */
const FIRST_TRY = 20_000;
/**
 * Configurations per op of a first, tiny search, before the impossible-op pass: a key with few ops
 * or one client is decided in about as many configurations as it has ops, while the pass can spend
 * thousands of transitions on a model whose states never repeat (strings that appends keep growing).
 */
const GLANCE_PER_OP = 4;
const GLANCE_BASE = 64;

/**
 * Decides one partition in three steps, all within `limits.budget` states in total, after a glance
 * (an exact search of a few configurations per op, which settles small and sequential partitions)
 * and a cheap check for an op that no reachable state allows (see impossibleOp). A short exact
 * search settles most valid histories. Then a search where info ops may take effect any number
 * of times: it tracks no set of used info ops, so it is far smaller, and since it admits every
 * real order, its false is a real refutation (its true proves nothing). Last, the exact search
 * with the rest of the budget. The ops are indexed once and shared by the three searches.
 */
export function decideLinearizable(
  model: Model,
  ops: readonly PartitionOp[],
  limits: SearchLimits,
): SearchOutcome {
  const indexed = indexOps(model, ops);
  const glanceBudget = GLANCE_PER_OP * ops.length + GLANCE_BASE;
  let glanced = 0;
  if (glanceBudget * 2 <= limits.budget) {
    const glance = wglSearch(model, indexed, { ...limits, budget: glanceBudget });
    if (glance.verdict !== 'unknown' || glance.stoppedBy !== 'budget') return glance;
    glanced = glance.explored;
  }
  const impossible = impossibleOp(model, indexed);
  if (impossible !== undefined)
    return { verdict: false, explored: glanced, deepest: [], deepestRequired: 0, impossible };
  const rest = limits.budget - glanced;
  const hasInfo = indexed.nOpt > 0;
  const first = wglSearch(model, indexed, {
    ...limits,
    budget: hasInfo ? Math.max(1, Math.min(FIRST_TRY, Math.floor(rest / 10))) : rest,
  });
  if (first.verdict !== 'unknown' || first.stoppedBy !== 'budget' || !hasInfo)
    return { ...first, explored: glanced + first.explored };
  let spent = glanced + first.explored;
  const relaxed = wglSearch(model, indexed, { ...limits, budget: limits.budget - spent, reuseInfo: true });
  spent += relaxed.explored;
  if (relaxed.verdict === false) return { ...relaxed, explored: spent };
  // A relaxed search that hit a memory cap (reused appends grow states without end) leaves the exact one to decide.
  if (relaxed.stoppedBy === 'timeout' || spent >= limits.budget) {
    const out: SearchOutcome = { ...first, explored: spent, stoppedBy: relaxed.stoppedBy ?? 'budget' };
    if (relaxed.cap !== undefined) out.cap = relaxed.cap;
    return out;
  }
  const exact = wglSearch(model, indexed, { ...limits, budget: limits.budget - spent });
  return { ...exact, explored: spent + exact.explored };
}
