/** Nanoseconds since the start as milliseconds for labels: `12.34 ms`, or whole ms past 1 s. */
export function formatMs(ns: number): string {
  return `${(ns / 1e6).toFixed(ns < 1e9 ? 2 : 0)} ms`;
}
