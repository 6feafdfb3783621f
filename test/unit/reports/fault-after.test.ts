import { describe, expect, it } from 'vitest';
import type { History, Op } from '../../../src/core/op.js';
import { faultIntervals } from '../../../reports/fault-intervals.js';

const nemesisOp = (index: number, f: string, value: Op['value'], time: number): Op => ({
  index,
  type: 'info',
  process: 'nemesis',
  f,
  value,
  time,
});

describe('fault intervals of the file-system faults', () => {
  it('pairs start-/stop-lose-unfsynced and start-/stop-corrupt, and keeps what the database said after a corrupt', () => {
    const history: History = [
      nemesisOp(0, 'start-lose-unfsynced', { nodes: ['n1'], lost: {} }, 1e9),
      nemesisOp(1, 'stop-lose-unfsynced', { restarted: ['n1'] }, 2e9),
      nemesisOp(2, 'start-corrupt', { nodes: ['n2'], mode: 'bitflip' }, 3e9),
      nemesisOp(
        3,
        'stop-corrupt',
        { restarted: ['n2'], after: { n2: { running: false, said: 'panic: <checksum mismatch>\n' } } },
        4e9,
      ),
    ];
    const [lose, corrupt] = faultIntervals(history);
    expect(lose).toMatchObject({ kind: 'lose-unfsynced', start: 1e9, end: 2e9 });
    expect(lose!.after).toBeUndefined();
    expect(corrupt).toMatchObject({ kind: 'corrupt', start: 3e9, end: 4e9 });
    expect(corrupt!.after).toBe('n2: running=false\npanic: <checksum mismatch>');
  });
});
