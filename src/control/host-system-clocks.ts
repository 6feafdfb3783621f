import { FaultlineError } from '../core/errors.js';
import type { Remote } from '../core/remote.js';
import type { ClockOffset, ClockRestore, SystemClocks } from '../core/system-clocks.js';
import { bestOffset, controlNowMs, type ClockSample } from './clock-offset.js';
import {
  READ_CLOCK_COMMAND,
  shiftClockScript,
  STOP_SYSTEM_CLOCK_STROBE,
  strobeClockScript,
} from './system-clock-scripts.js';

/** Readings per offset measurement; the one with the shortest round trip counts. */
const SAMPLES = 5;

/** A restore leaves the clock alone when it is already this close to where it was (ms). */
const GOOD_ENOUGH_MS = 1;

/**
 * System clocks of hosts reached through a Remote (as root): set with `date -s`, measured against
 * the control node's clock. The first change of a node records its offset; restore returns to it.
 * Nodes named in `shared` are refused: their kernel is not theirs alone.
 */
export class HostSystemClocks implements SystemClocks {
  private readonly original = new Map<string, ClockOffset>();

  constructor(
    private readonly remote: Remote,
    private readonly shared: ReadonlyMap<string, string>,
  ) {}

  sharedWith(node: string): string | undefined {
    return this.shared.get(node);
  }

  /** The node's offset from the control node's clock, best of a few readings. */
  async measure(node: string): Promise<ClockOffset> {
    const samples: ClockSample[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const sentMs = controlNowMs();
      const r = await this.remote.exec(node, READ_CLOCK_COMMAND, { timeoutMs: 10_000 });
      const receivedMs = controlNowMs();
      const ns = r.stdout.trim();
      if (r.exitCode !== 0 || !/^\d+$/.test(ns)) {
        throw new FaultlineError(
          'NODE_EXEC_FAILED',
          `Cannot read the clock of ${node}: ${r.stderr.trim() || ns}`,
        );
      }
      samples.push({ sentMs, nodeMs: Number(BigInt(ns) / 1000n) / 1000, receivedMs });
    }
    return bestOffset(samples);
  }

  async shift(node: string, deltaMs: number): Promise<ClockOffset> {
    const original = await this.remember(node);
    await this.sh(node, `${STOP_SYSTEM_CLOCK_STROBE}\n${shiftClockScript(deltaMs)}`);
    const now = await this.measure(node);
    return {
      offsetMs: now.offsetMs - original.offsetMs,
      uncertaintyMs: now.uncertaintyMs + original.uncertaintyMs,
    };
  }

  async strobe(node: string, deltaMs: number, periodMs: number, durationMs: number): Promise<void> {
    await this.remember(node);
    await this.sh(node, STOP_SYSTEM_CLOCK_STROBE);
    await this.remote.exec(node, ['sh', '-c', strobeClockScript(deltaMs, periodMs, durationMs)], {
      detach: true,
    });
  }

  async restore(node: string): Promise<ClockRestore | undefined> {
    const original = this.original.get(node);
    if (!original) return undefined;
    await this.sh(node, STOP_SYSTEM_CLOCK_STROBE);
    let now = await this.measure(node);
    if (Math.abs(now.offsetMs - original.offsetMs) > GOOD_ENOUGH_MS) {
      await this.sh(node, shiftClockScript(original.offsetMs - now.offsetMs));
      now = await this.measure(node);
    }
    this.original.delete(node);
    return {
      errorMs: now.offsetMs - original.offsetMs,
      uncertaintyMs: now.uncertaintyMs + original.uncertaintyMs,
    };
  }

  /** Restores every node changed and not yet restored; the error text per node that failed. */
  async restoreAll(): Promise<Record<string, string>> {
    const failed: Record<string, string> = {};
    await Promise.all(
      [...this.original.keys()].map((node) =>
        this.restore(node).then(
          () => undefined,
          (e: unknown) => {
            failed[node] = e instanceof Error ? e.message : String(e);
          },
        ),
      ),
    );
    return failed;
  }

  /** The offset before the node's first change (measured now if this is the first). */
  private async remember(node: string): Promise<ClockOffset> {
    const reason = this.shared.get(node);
    if (reason !== undefined) {
      // A caller that skipped sharedWith is a bug: refuse rather than move other machines' time.
      throw new FaultlineError('INTERNAL', `Refusing to set the clock of ${node}: ${reason}`, {
        hint: 'Skew the database process instead (the clock nemesis falls back to it on its own).',
      });
    }
    const known = this.original.get(node);
    if (known) return known;
    const measured = await this.measure(node);
    this.original.set(node, measured);
    return measured;
  }

  private async sh(node: string, script: string): Promise<void> {
    const r = await this.remote.exec(node, ['sh', '-c', script], { timeoutMs: 20_000 });
    if (r.exitCode !== 0) {
      throw new FaultlineError(
        'NODE_EXEC_FAILED',
        `Setting the clock of ${node} failed (exit ${r.exitCode}): ${r.stderr.trim()}`,
        {
          hint: 'faultline sets host clocks with `date -s` as root: check that the host allows it (no container, CAP_SYS_TIME).',
        },
      );
    }
  }
}
