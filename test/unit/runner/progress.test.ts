import { describe, expect, it } from 'vitest';
import type { FaultKind } from '../../../src/core/nemesis.js';
import type { Op } from '../../../src/core/op.js';
import { Progress, progressMode } from '../../../src/runner/progress.js';

const kinds: FaultKind[] = [
  {
    name: 'partition',
    start: () => ({ f: 'start-partition', value: 'one' }),
    stop: { f: 'stop-partition', value: null },
  },
  { name: 'kill', start: () => ({ f: 'kill', value: 'n1' }), stop: { f: 'start', value: 'n1' } },
];
const ev = (type: Op['type'], process: Op['process'], f: string): Op => ({
  index: 0,
  type,
  process,
  f,
  value: null,
  time: 0,
});

describe('progress', () => {
  it('is live on a TTY, plain when not or under CI', () => {
    expect(progressMode({ write: () => true, isTTY: true }, {})).toBe('live');
    expect(progressMode({ write: () => true, isTTY: true }, { CI: 'true' })).toBe('plain');
    expect(progressMode({ write: () => true }, {})).toBe('plain');
  });

  it('counts completions and shows the faults in effect', () => {
    const p = new Progress({ out: { write: () => true }, mode: 'none', timeLimitS: 60, faults: kinds });
    p.onEvent(ev('invoke', 0, 'read'));
    p.onEvent(ev('ok', 0, 'read'));
    p.onEvent(ev('fail', 1, 'cas'));
    p.onEvent(ev('info', 'nemesis', 'start-partition'));
    p.onEvent(ev('info', 'nemesis', 'kill'));
    expect(p.line()).toMatch(/ok 1 {2}fail 1 {2}info 0 {2}faults: partition,kill/);
    p.onEvent(ev('info', 'nemesis', 'stop-partition'));
    expect(p.line()).toMatch(/faults: kill$/);
  });

  it('writes plain lines when not on a terminal', () => {
    const out: string[] = [];
    const p = new Progress({
      out: { write: (t: string) => out.push(t) },
      mode: 'plain',
      timeLimitS: 10,
      faults: [],
    });
    p.start(() => 2e9);
    p.stop();
    expect(out.join('')).toMatch(/^\[progress\] 2\/10s .* faults: none\n$/);
  });
});
