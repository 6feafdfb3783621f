import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { bestOffset } from '../../../src/control/clock-offset.js';
import { sharedKernels } from '../../../src/control/ssh-cluster.js';
import {
  SYSTEM_CLOCK_STROBE_PID,
  shiftClockScript,
  strobeClockScript,
} from '../../../src/control/system-clock-scripts.js';

/** Runs a clock script under the real sh with a `date` that reads NOW and prints what it would set. */
function dateSetBy(script: string, nowNs: string): string {
  const stub = `date() { if [ "$1" = +%s%N ]; then echo ${nowNs}; else echo "$3" >&2; fi; }`;
  const r = spawnSync('sh', ['-c', `${stub}\n${script}`], { encoding: 'utf8' });
  expect(r.status).toBe(0);
  return r.stderr.trim();
}

describe('system clock scripts', () => {
  it('shift adds the offset in integer nanoseconds, with nine fraction digits', () => {
    expect(dateSetBy(shiftClockScript(60_000), '1700000000000000005')).toBe('@1700000060.000000005');
    expect(dateSetBy(shiftClockScript(-1500.25), '1700000000000000000')).toBe('@1699999998.499750000');
    expect(dateSetBy(shiftClockScript(0.001), '1700000000999999999')).toBe('@1700000001.000000999');
  });

  it('the strobe goes ahead and back the same amount, records its pid and ends by removing it', () => {
    const s = strobeClockScript(2000, 100, 1000);
    expect(s).toContain(`echo $$ > ${SYSTEM_CLOCK_STROBE_PID}`);
    expect(s).toContain('+ (2000000000)');
    expect(s).toContain('+ (-(2000000000))');
    expect(s).toContain('while [ $i -lt 5 ]');
    expect(s.endsWith(`rm -f ${SYSTEM_CLOCK_STROBE_PID}`)).toBe(true);
  });

  it('the offset is that of the shortest round trip, read at its middle (Cristian)', () => {
    const o = bestOffset([
      { sentMs: 0, nodeMs: 1000, receivedMs: 40 },
      { sentMs: 100, nodeMs: 1105, receivedMs: 110 },
    ]);
    expect(o).toEqual({ offsetMs: 1000, uncertaintyMs: 5 });
    expect(() => bestOffset([])).toThrow(RangeError);
  });
});

describe('sharedKernels', () => {
  it('names the control node and other hosts with the same boot id; an unread boot id counts as shared', () => {
    const shared = sharedKernels(
      new Map([
        ['h1', 'a'],
        ['h2', 'a'],
        ['h3', 'c'],
        ['h4', 'd'],
        ['h5', ''],
      ]),
      'c',
    );
    expect([...shared.keys()].sort()).toEqual(['h1', 'h2', 'h3', 'h5']);
    expect(shared.get('h1')).toBe('its kernel (boot id a) is shared with h2');
    expect(shared.get('h3')).toBe('its kernel (boot id c) is shared with the control node');
    expect(shared.get('h5')).toMatch(/could not be read/);
    expect(shared.has('h4')).toBe(false);
  });
});
