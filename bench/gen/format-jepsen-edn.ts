import type { Op, Value } from '../../src/core/op.js';

/** One value as Jepsen writes it in history.edn: keywords for strings, vectors for arrays, nil for null. */
function ednValue(v: Value): string {
  if (v === null) return 'nil';
  if (typeof v === 'string') return `:${v}`;
  if (Array.isArray(v)) return `[${v.map(ednValue).join(' ')}]`;
  if (typeof v === 'object')
    return `{${Object.entries(v)
      .map(([k, x]) => `:${k} ${ednValue(x)}`)
      .join(', ')}}`;
  return String(v);
}

/**
 * A history as Jepsen's history.edn: one map per line with :index, :type, :f, :value, :time (ns),
 * :process, then :node and :error where the op has them, in the order Jepsen prints them.
 */
export function formatJepsenEdn(history: readonly Op[]): string {
  const lines = history.map((op) => {
    const fields = [
      `:index ${op.index}`,
      `:type :${op.type}`,
      `:f :${op.f}`,
      `:value ${ednValue(op.value)}`,
      `:time ${op.time}`,
      `:process ${typeof op.process === 'number' ? op.process : `:${op.process}`}`,
    ];
    if (typeof op.node === 'string') fields.push(`:node "${op.node}"`);
    if (op.error !== undefined) fields.push(`:error ${ednValue(op.error)}`);
    return `{${fields.join(', ')}}`;
  });
  return `${lines.join('\n')}\n`;
}
