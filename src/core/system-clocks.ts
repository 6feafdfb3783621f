/** How far a node's system clock is from the control node's, as one measurement over the wire. */
export interface ClockOffset {
  /** Node clock minus control clock, ms. */
  offsetMs: number;
  /** Half the round trip of the best sample: the true offset is within offsetMs ± uncertaintyMs. */
  uncertaintyMs: number;
}

/** What a restore left: the node's offset now, against the one measured before the first change. */
export interface ClockRestore {
  /** Remaining error (now minus original offset), ms; within ± uncertaintyMs of the truth. */
  errorMs: number;
  uncertaintyMs: number;
}

/**
 * A cluster's power over its nodes' system clocks (the kernel's CLOCK_REALTIME), offered by
 * platforms whose nodes may have kernels of their own (SSH hosts). A node may only be changed when
 * `sharedWith` says nothing: setting a shared kernel's clock would change other machines' time too.
 * Every change is undone by `restore`, against the offset from the control node's clock measured
 * before the first change.
 */
export interface SystemClocks {
  /** Undefined when the node's clock is its own; else who shares its kernel (a sentence). */
  sharedWith(node: string): string | undefined;
  /** Moves the node's clock by `deltaMs`; the offset it then has against the one before any change. */
  shift(node: string, deltaMs: number): Promise<ClockOffset>;
  /** Flips the node's clock `deltaMs` ahead and back every `periodMs` for `durationMs`, in the background. */
  strobe(node: string, deltaMs: number, periodMs: number, durationMs: number): Promise<void>;
  /** Stops a strobe and sets the clock back; undefined when the node's clock was never changed. */
  restore(node: string): Promise<ClockRestore | undefined>;
}
