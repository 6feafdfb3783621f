/** Monotonic nanoseconds since the clock was made (the test start). */
export type Clock = () => number;

export function createClock(): Clock {
  const start = process.hrtime.bigint();
  return () => Number(process.hrtime.bigint() - start);
}
