import { describe, expect, it } from 'vitest';
import { pickSubnetOctet, subnetPlan } from '../../../src/control/subnet.js';

describe('pickSubnetOctet', () => {
  it('is stable for a run id and skips used /24s', () => {
    const first = pickSubnetOctet('run-a', []);
    expect(first).toBe(pickSubnetOctet('run-a', []));
    const next = pickSubnetOctet('run-a', [`10.89.${first}.0/24`, '172.17.0.0/16']);
    expect(next).toBe((first! + 1) % 256);
    expect(pickSubnetOctet('run-a', [], 1)).toBe((first! + 1) % 256);
  });

  it('gives undefined when every /24 is taken', () => {
    const all = Array.from({ length: 256 }, (_, i) => `10.89.${i}.0/24`);
    expect(pickSubnetOctet('x', all)).toBeUndefined();
  });
});

describe('subnetPlan', () => {
  it('puts node i at .10+i behind gateway .1', () => {
    const p = subnetPlan(7);
    expect([p.subnet, p.gateway, p.ip(1), p.ip(5)]).toEqual([
      '10.89.7.0/24',
      '10.89.7.1',
      '10.89.7.11',
      '10.89.7.15',
    ]);
  });
});
