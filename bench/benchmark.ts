// The shape of one benchmark: a name and a run that resolves to named
// measurements (numbers, or strings for context such as the project built).
export type BenchResult = Record<string, number | string>;

export interface Benchmark {
  name: string;
  run(): Promise<BenchResult>;
}

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Round to `digits` decimals, for readable results. */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
