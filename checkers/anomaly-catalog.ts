// The anomaly catalog: every checker family's anomaly kinds, collected from the registry. Each id is
// defined once, by the checker that reports it; reports read the entries a result carries.
import type { AnomalyKind } from '../src/core/anomaly-kind.js';
import { checkers, type CheckerName } from './index.js';

/** One catalog entry: an anomaly kind and the checker (registry name) that defines it. */
export interface CatalogEntry {
  checker: CheckerName;
  kind: AnomalyKind;
}

/** Every anomaly kind of every registered checker, in registry order. */
export function anomalyCatalog(): CatalogEntry[] {
  return (Object.keys(checkers) as CheckerName[]).flatMap((checker) =>
    Object.values(checkers[checker].anomalies).map((kind) => ({ checker, kind })),
  );
}
