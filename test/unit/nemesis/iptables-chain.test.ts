import { describe, expect, it } from 'vitest';
import { CHAIN_PREFIX, iptablesChain, removeAllChainsScript } from '../../../nemesis/iptables-chain.js';

describe('iptablesChain', () => {
  const chain = iptablesChain('partition');

  it('names the chain with the faultline prefix', () => {
    expect(chain.name).toBe('faultline-partition');
    expect(chain.name.startsWith(CHAIN_PREFIX)).toBe(true);
  });

  it('jumps to the chain first from INPUT and OUTPUT, only when the jump is missing', () => {
    expect(chain.ensure).toContain(
      'iptables -w -C INPUT -j faultline-partition 2>/dev/null || iptables -w -I INPUT 1 -j faultline-partition',
    );
    expect(chain.ensure).toContain(
      'iptables -w -C OUTPUT -j faultline-partition 2>/dev/null || iptables -w -I OUTPUT 1 -j faultline-partition',
    );
  });

  it('changes rules of its own chain only (never flushes or appends to a hook chain)', () => {
    for (const script of [chain.ensure, chain.flush, chain.replace(['-s 10.0.0.2 -j DROP']), chain.remove]) {
      expect(script).not.toMatch(/-[AFX] (INPUT|OUTPUT|FORWARD)\b/);
    }
    expect(chain.remove).toContain('iptables -w -D INPUT -j faultline-partition');
    expect(chain.remove).toContain('iptables -w -X faultline-partition');
  });

  it('rejects names iptables would refuse or that could inject shell', () => {
    expect(() => iptablesChain('a; rm -rf /')).toThrow(/must be/);
    expect(() => iptablesChain('x'.repeat(19))).toThrow(/must be/);
  });

  it('removes all chains by the prefix, and fails when a jump to one is left', () => {
    expect(removeAllChainsScript).toContain(`index($2, "${CHAIN_PREFIX}") == 1`);
    expect(removeAllChainsScript).toContain(`grep -q -- ' -j ${CHAIN_PREFIX}'`);
  });
});
