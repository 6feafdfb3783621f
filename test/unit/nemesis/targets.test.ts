import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/generator/rng.js';
import { nodesOf, pickNodes } from '../../../nemesis/targets.js';

const five = ['n1', 'n2', 'n3', 'n4', 'n5'];

describe('pickNodes', () => {
  it('picks one, a strict minority, a strict majority, or all', () => {
    const rng = createRng(7);
    expect(pickNodes('one', five, rng)).toHaveLength(1);
    expect(pickNodes('minority', five, rng)).toHaveLength(2);
    expect(pickNodes('majority', five, rng)).toHaveLength(3);
    expect(pickNodes('all', five, rng)).toEqual(five);
    expect(pickNodes('minority', ['n1', 'n2'], rng)).toHaveLength(1);
  });
});

describe('nodesOf', () => {
  it('keeps named nodes of the cluster and resolves targets', () => {
    expect(nodesOf(['n2', 'n9', 3], five, createRng(1))).toEqual(['n2']);
    expect(nodesOf('majority', five, createRng(1))).toHaveLength(3);
    expect(nodesOf(null, five, createRng(1))).toEqual([]);
  });
});
