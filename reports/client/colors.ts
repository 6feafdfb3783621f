/** Outcome colours, matching the report's CSS variables. */
export const COLORS = { ok: '#3f9b68', fail: '#d9534f', info: '#e89f2c', pending: '#9a9a9a' };
/** By outcome code: ok, fail, info, pending. */
export const TYPE_COLORS = [COLORS.ok, COLORS.fail, COLORS.info, COLORS.pending];
/** Outline of ops in an anomaly. */
export const HIGHLIGHT = '#6d28d9';

const KIND_COLORS: Record<string, string> = {
  partition: '#5b8fd1',
  kill: '#c9483f',
  pause: '#8e6cc4',
  clock: '#c9a227',
};

/** Colour of a fault kind; grey for kinds without their own. */
export function kindColor(kind: string): string {
  return KIND_COLORS[kind] ?? '#7b8794';
}
