import type { FaultKind } from '../core/nemesis.js';
import type { Op } from '../core/op.js';
import type { Clock } from './clock.js';
import { FaultTracker } from './fault-tracker.js';

/** Where progress goes: a terminal gets a live line, anything else periodic plain lines. */
export interface ProgressOutput {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface ProgressOptions {
  out: ProgressOutput;
  /** 'live': one redrawn line (TTY); 'plain': a line every `plainEveryMs`; 'none'. */
  mode: 'live' | 'plain' | 'none';
  timeLimitS: number;
  faults: readonly FaultKind[];
  plainEveryMs?: number;
}

/** Live mode on a TTY unless CI is set; plain otherwise. */
export function progressMode(out: ProgressOutput, env: NodeJS.ProcessEnv = process.env): 'live' | 'plain' {
  const ci = env['CI'] !== undefined && env['CI'] !== '' && env['CI'] !== 'false' && env['CI'] !== '0';
  return out.isTTY === true && !ci ? 'live' : 'plain';
}

/** Counts ops as they are recorded and shows elapsed/limit, ops/s, ok/fail/info and current faults. */
export class Progress {
  private ok = 0;
  private fail = 0;
  private info = 0;
  private lastCount = 0;
  private lastAt = 0;
  private rate = 0;
  private timer: NodeJS.Timeout | undefined;
  private clock: Clock | undefined;
  private drawn = false;

  constructor(
    private readonly options: ProgressOptions,
    private readonly faults: FaultTracker = new FaultTracker(options.faults),
  ) {}

  /** Feed every recorded event here. */
  onEvent = (op: Op): void => {
    if (op.type === 'invoke') return;
    if (op.process === 'nemesis') {
      this.faults.onEvent(op);
      return;
    }
    this[op.type]++;
  };

  start(clock: Clock): void {
    if (this.options.mode === 'none') return;
    this.clock = clock;
    const every = this.options.mode === 'live' ? 250 : (this.options.plainEveryMs ?? 5000);
    this.timer = setInterval(() => this.tick(), every);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.options.mode !== 'none') this.tick();
    this.clearLine();
    this.clock = undefined;
  }

  /** Prints a message above the live line (or as a plain line). */
  log(message: string): void {
    if (this.options.mode === 'none') return;
    this.clearLine();
    this.options.out.write(message + '\n');
  }

  /** The current status text. */
  line(): string {
    const elapsed = this.clock ? this.clock() / 1e9 : 0;
    const active = this.faults.current().map((k) => k.name);
    const faults = active.length === 0 ? 'none' : active.join(',');
    return (
      `${elapsed.toFixed(0)}/${this.options.timeLimitS}s  ${this.rate.toFixed(0)} ops/s  ` +
      `ok ${this.ok}  fail ${this.fail}  info ${this.info}  faults: ${faults}`
    );
  }

  private tick(): void {
    if (!this.clock) return;
    const now = this.clock();
    const count = this.ok + this.fail + this.info;
    if (now > this.lastAt) this.rate = ((count - this.lastCount) * 1e9) / (now - this.lastAt);
    this.lastCount = count;
    this.lastAt = now;
    if (this.options.mode === 'live') {
      this.options.out.write(`\r\x1b[2K${this.line()}`);
      this.drawn = true;
    } else {
      this.options.out.write(`[progress] ${this.line()}\n`);
    }
  }

  private clearLine(): void {
    if (this.drawn) this.options.out.write('\r\x1b[2K');
    this.drawn = false;
  }
}
