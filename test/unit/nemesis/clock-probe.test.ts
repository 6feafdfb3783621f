import { describe, expect, it } from 'vitest';
import { judgeClockProbe } from '../../../nemesis/clock-probe.js';
import { faketimeOffset } from '../../../nemesis/clock-nemesis.js';

const probe = (facts: Record<string, string | number>): string =>
  Object.entries(facts)
    .map(([k, v]) => `${k}=${v}`)
    .join('\n');

describe('judgeClockProbe', () => {
  const base = { running: 1, env: 1, loaded: 1, go: 0, real: 1000, skewed: 31000 };

  it('says yes when libfaketime is loaded in a non-Go process and the probe sees the offset', () => {
    const v = judgeClockProbe(probe(base), 42, 30_000);
    expect(v).toMatchObject({ visible: 'yes', pid: 42, probeSkewMs: 30_000, goBinary: false });
  });

  it('accepts any of several offsets (a strobe may be in either phase)', () => {
    expect(judgeClockProbe(probe({ ...base, skewed: 1000 }), 42, [30_000, 0]).visible).toBe('yes');
  });

  it('says no for a Go binary, even though the preload is there', () => {
    const v = judgeClockProbe(probe({ ...base, go: 1 }), 42, 30_000);
    expect(v.visible).toBe('no');
    expect(v.reason).toMatch(/Go binary/);
  });

  it('says no when the process was not started under libfaketime', () => {
    expect(judgeClockProbe(probe({ ...base, env: 0, loaded: 0 }), 42, 30_000).visible).toBe('no');
  });

  it('says unknown without a pid, for a dead process, or when the probe misses the offset', () => {
    expect(judgeClockProbe('', undefined, 1000).visible).toBe('unknown');
    expect(judgeClockProbe('running=0', 42, 1000).visible).toBe('unknown');
    expect(judgeClockProbe(probe({ ...base, skewed: 1000 }), 42, 30_000).visible).toBe('unknown');
  });
});

describe('faketimeOffset', () => {
  it('writes signed seconds with millisecond decimals', () => {
    expect(faketimeOffset(1500)).toBe('+1.500');
    expect(faketimeOffset(-2250)).toBe('-2.250');
    expect(faketimeOffset(0)).toBe('+0.000');
  });
});
