/** Pretty JSON that keeps bigint values as plain integers and turns Infinity/NaN into strings. */
export function toJson(value: unknown): string {
  const bigs: string[] = [];
  const json = JSON.stringify(
    value,
    (_key, v: unknown) => {
      if (typeof v === 'bigint') {
        bigs.push(v.toString());
        return `\u0000big${bigs.length - 1}`;
      }
      if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
      return v;
    },
    2,
  );
  return bigs.length === 0 ? json : json.replace(/"\\u0000big(\d+)"/g, (_m, i: string) => bigs[Number(i)]!);
}
