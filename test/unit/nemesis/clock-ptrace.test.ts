import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/generator/rng.js';
import { clockFault } from '../../../nemesis/clock-nemesis.js';
import { clockMechanism } from '../../../nemesis/clock-probe.js';
import { judgePtraceProbe, PTRACE_TOLERANCE_MS } from '../../../nemesis/clock-ptrace-probe.js';
import {
  ptraceResetScript,
  ptraceSetScript,
  ptraceStrobeScript,
  toNs,
} from '../../../nemesis/clock-ptrace.js';

/** The tool's probe output for skews given in ms (time() in whole seconds, rounded down like the tool). */
const output = (rt: number, mono: number, gtod = rt, timeS = Math.floor(rt / 1000), patched = 1): string =>
  [
    `realtime_skew_ns=${rt * 1e6}`,
    `monotonic_skew_ns=${mono * 1e6}`,
    `gettimeofday_skew_ns=${gtod * 1e6}`,
    `time_skew_s=${timeS}`,
    `patched=${patched}`,
  ].join('\n');

describe('judgePtraceProbe', () => {
  it('says yes when every clock the process read shows the offset, monotonic untouched', () => {
    const v = judgePtraceProbe(output(30_000.4, 0.2), 7, 30_000, 0);
    expect(v).toMatchObject({ visible: 'yes', mechanism: 'ptrace', patched: true, pid: 7 });
    expect(v.realtimeSkewMs).toBeCloseTo(30_000.4);
  });

  it('says yes for a monotonic skew only when monotonic shows it too', () => {
    expect(judgePtraceProbe(output(-60_000, -60_000), 7, -60_000, -60_000).visible).toBe('yes');
    const v = judgePtraceProbe(output(-60_000, 0), 7, -60_000, -60_000);
    expect(v.visible).toBe('no');
    expect(v.reason).toMatch(/CLOCK_MONOTONIC is off by 0 ms/);
  });

  it('records an unseen skew as no, naming each clock that missed it', () => {
    const v = judgePtraceProbe(output(0, 0, 0, 0, 0), 7, 30_000, 0);
    expect(v.visible).toBe('no');
    expect(v.reason).toMatch(
      /CLOCK_REALTIME is off by 0 ms; gettimeofday is off by 0 ms; time\(\) is off by 0 s/,
    );
  });

  it('says no when only time() misses the offset', () => {
    expect(judgePtraceProbe(output(30_000, 0, 30_000, 0), 7, 30_000, 0).visible).toBe('no');
  });

  it('says unknown, with the tool error, when the probe did not run, and without a pid', () => {
    const v = judgePtraceProbe(
      '',
      7,
      30_000,
      0,
      'faultline-clock: cannot attach to thread 7: Operation not permitted\n',
    );
    expect(v).toMatchObject({ visible: 'unknown', realtimeSkewMs: null });
    expect(v.reason).toMatch(/Operation not permitted/);
    expect(judgePtraceProbe(output(1, 1), undefined, 30_000, 0).visible).toBe('unknown');
  });

  it('property: yes exactly when each reading is within the tolerance of what was asked', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -86_400_000, max: 86_400_000 }),
        fc.boolean(),
        fc.integer({ min: -2000, max: 2000 }),
        fc.integer({ min: -2000, max: 2000 }),
        (offset, monotonic, errRt, errMono) => {
          const wantMono = monotonic ? offset : 0;
          const rt = offset + errRt;
          const mono = wantMono + errMono;
          const v = judgePtraceProbe(output(rt, mono), 1, offset, wantMono);
          // Brute force: the same rule, clock by clock.
          const timeOk = Math.abs(Math.floor(rt / 1000) * 1000 - offset) <= PTRACE_TOLERANCE_MS + 1000;
          const ok =
            Math.abs(errRt) <= PTRACE_TOLERANCE_MS && Math.abs(errMono) <= PTRACE_TOLERANCE_MS && timeOk;
          expect(v.visible).toBe(ok ? 'yes' : 'no');
        },
      ),
    );
  });
});

describe('clockMechanism', () => {
  const facts = (f: Record<string, number>): string =>
    Object.entries({ running: 1, env: 1, loaded: 1, go: 0, ...f })
      .map(([k, v]) => `${k}=${v}`)
      .join('\n');

  it('keeps libfaketime where it reaches: preloaded, loaded, not Go', () => {
    expect(clockMechanism(facts({}), 42, true)).toBe('faketime');
  });

  it('uses ptrace for a Go binary and for a process not started under libfaketime', () => {
    expect(clockMechanism(facts({ go: 1 }), 42, true)).toBe('ptrace');
    expect(clockMechanism(facts({ env: 0, loaded: 0 }), 42, true)).toBe('ptrace');
    expect(clockMechanism(facts({ running: 0 }), 42, true)).toBe('ptrace');
  });

  it('falls back to libfaketime without the tool or a pid (its probe then says why it is not seen)', () => {
    expect(clockMechanism(facts({ go: 1 }), 42, false)).toBe('faketime');
    expect(clockMechanism(facts({ go: 1 }), undefined, true)).toBe('faketime');
  });
});

describe('ptrace scripts', () => {
  it('passes offsets as exact integer nanoseconds', () => {
    expect(toNs(-86_400_000)).toBe('-86400000000000');
    expect(toNs(0)).toBe('0');
    expect(toNs(1.6)).toBe('2000000');
  });

  it('stops a strobe before setting, and resets only a process that still runs', () => {
    expect(ptraceSetScript(12, 1000, 0)).toMatch(/kill \$p.*faultline-clock set 12 1000000000 0$/);
    expect(ptraceStrobeScript(12, 1000, 1000, 100, 5000)).toMatch(
      /^echo \$\$ > \/run\/faultline\/clock-strobe.pid && exec .*faultline-clock strobe 12 1000000000 1000000000 100 5000$/,
    );
    expect(ptraceResetScript(12)).toMatch(/\[ ! -d \/proc\/12 \] \|\| .*faultline-clock reset 12/);
    expect(ptraceResetScript(undefined)).not.toMatch(/reset/);
  });
});

describe('clockFault', () => {
  it('draws bumps and strobes of at least 1 s, and asks for a monotonic skew only when told to', () => {
    const plain = clockFault(['n1', 'n2', 'n3'], { maxOffsetMs: 5000 });
    const mono = clockFault(['n1', 'n2', 'n3'], { maxOffsetMs: 5000, monotonic: true });
    const rng = createRng(3);
    for (let i = 0; i < 50; i++) {
      const a = plain.start(rng);
      const b = mono.start(rng);
      const av = a.value as { deltaMs: number; monotonic?: boolean; nodes: string[] };
      expect(['bump-clock', 'strobe-clock']).toContain(a.f);
      expect(Math.abs(av.deltaMs)).toBeGreaterThanOrEqual(1000);
      expect(Math.abs(av.deltaMs)).toBeLessThanOrEqual(5000);
      expect(av.monotonic).toBeUndefined();
      expect((b.value as { monotonic?: boolean }).monotonic).toBe(true);
    }
    expect(plain.stop).toEqual({ f: 'reset-clock', value: null });
  });
});
