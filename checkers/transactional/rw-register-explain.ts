import type { EdgeList } from './edge-list.js';
import { VIA_PROCESS, VIA_REALTIME, WR } from './edge-kinds.js';
import { READ, type TxnHistory } from './txn-history.js';
import { keyName, txnName } from './txn-names.js';
import { showValue } from './value-key.js';
import { lastWrite } from './writer-index.js';
import { BY_PROCESS, BY_REALTIME } from './version-basis.js';

/** Plain-language reason for each rw-register data edge (ww, wr, rw), by edge id. */
export function explainRegisterEdge(h: TxnHistory, edges: EdgeList): (e: number) => string {
  const T = (t: number): string => txnName(h, t);
  const valueOf = (t: number, k: number): string => {
    const m = lastWrite(h, t, k);
    return m < 0 ? '?' : showValue(h.mopVal[m]!);
  };
  return (e) => {
    const a = edges.from[e]!;
    const b = edges.to[e]!;
    const k = edges.key[e]!;
    const aux = edges.aux[e]!;
    const kind = edges.kind[e]!;
    const K = keyName(h, k);
    const wb = `${T(b)}'s write of ${valueOf(b, k)}`;
    if (kind === WR)
      return `${T(b)} read ${T(a)}'s write of ${valueOf(a, k)} to key ${K}, so ${T(a)} < ${T(b)}`;
    if (aux < 0 || h.mopKind[aux] !== READ) {
      const why =
        aux === BY_REALTIME
          ? `${T(a)} completed before ${T(b)} began`
          : aux === BY_PROCESS
            ? `process ${String(h.processNames[h.proc[a]!])} ran ${T(a)} before ${T(b)}`
            : `${T(b)} read ${T(a)}'s version before overwriting it`;
      return `${T(a)} wrote ${valueOf(a, k)} to key ${K} and ${wb} is the later version (${why}), so ${T(a)} < ${T(b)}`;
    }
    const seen = h.mopVal[aux]!;
    if (seen === null) {
      return `${T(a)} read key ${K} = nil, the initial state, which ${wb} overwrites, so ${T(a)} < ${T(b)}`;
    }
    const why =
      kind & VIA_REALTIME
        ? `its writer completed before ${T(b)} began`
        : kind & VIA_PROCESS
          ? `its writer ran before ${T(b)} in the same process`
          : `${T(b)} read that version and then overwrote it`;
    return `${T(a)} read key ${K} = ${showValue(seen)} and ${wb} is the next version (${why}), so ${T(a)} < ${T(b)}`;
  };
}
