/** Prefix of every iptables chain faultline creates; `removeAllChainsScript` removes exactly these. */
export const CHAIN_PREFIX = 'faultline-';

/** The hook chains a faultline chain is jumped to from: the node's own traffic, both ways. */
const HOOKS = ['INPUT', 'OUTPUT'] as const;

/**
 * Shell scripts for one faultline-owned iptables chain (filter table), jumped to first from INPUT
 * and OUTPUT. Every rule a fault adds lives in such a chain, so healing flushes or deletes only
 * faultline's rules and leaves the host's own firewall alone.
 */
export interface IptablesChain {
  /** Full chain name, e.g. `faultline-partition`. */
  name: string;
  /** Creates the chain and its jumps unless present (idempotent). */
  ensure: string;
  /** Ensures the chain, then replaces its rules by `rules` (each the arguments after `-A <chain>`). */
  replace(rules: readonly string[]): string;
  /** Removes every rule of the chain, keeping the chain and its jumps. */
  flush: string;
  /** Removes the jumps and the chain itself; succeeds when it does not exist. */
  remove: string;
}

/** The chain `faultline-<fault>` for one kind of fault (letters, digits and dashes; at most 18 chars). */
export function iptablesChain(fault: string): IptablesChain {
  if (!/^[a-z0-9-]{1,18}$/.test(fault)) {
    throw new Error(`iptables chain suffix "${fault}" must be 1-18 lowercase letters, digits or dashes.`);
  }
  const name = `${CHAIN_PREFIX}${fault}`;
  const ensure = [
    `{ iptables -w -n -L ${name} >/dev/null 2>&1 || iptables -w -N ${name}; }`,
    ...HOOKS.map(
      (hook) => `{ iptables -w -C ${hook} -j ${name} 2>/dev/null || iptables -w -I ${hook} 1 -j ${name}; }`,
    ),
  ].join(' && ');
  const flush = `iptables -w -F ${name}`;
  return {
    name,
    ensure,
    replace: (rules) => [ensure, flush, ...rules.map((r) => `iptables -w -A ${name} ${r}`)].join(' && '),
    flush: `${ensure} && ${flush}`,
    remove: removeChainBody(name),
  };
}

/** Deletes every jump to `$c` from the hooks, then flushes and deletes `$c` (no error when absent). */
function removeChainBody(chain: string): string {
  return [
    ...HOOKS.map((hook) => `while iptables -w -D ${hook} -j ${chain} 2>/dev/null; do :; done`),
    `if iptables -w -n -L ${chain} >/dev/null 2>&1; then iptables -w -F ${chain} && iptables -w -X ${chain}; fi`,
  ].join('; ');
}

/**
 * Removes every chain whose name starts with CHAIN_PREFIX, and the jumps to it: what heal-all and
 * `faultline clean` run on a node, whichever faults created them. Other chains are never touched.
 * Succeeds (exit 0) when there is nothing to remove; exits 0 also when iptables is not installed.
 */
export const removeAllChainsScript = [
  'command -v iptables >/dev/null 2>&1 || exit 0',
  `for c in $(iptables -w -S 2>/dev/null | awk '$1 == "-N" && index($2, "${CHAIN_PREFIX}") == 1 { print $2 }'); do ${removeChainBody('"$c"')}; done`,
  `! iptables -w -S 2>/dev/null | grep -q -- ' -j ${CHAIN_PREFIX}'`,
].join('\n');
