// How far a scan overruns its end, drawn as SafeDrive's injector and the Nooks
// SWIFI injector drew it: +1 with probability 0.5, +2..1024 with 0.44,
// +2048..4096 with 0.06 (uniform inside each band).
import type { Rng } from './prng.js';

export interface OverrunBand {
  probability: number;
  min: number;
  max: number;
}

export const OVERRUN_BANDS: readonly OverrunBand[] = [
  { probability: 0.5, min: 1, max: 1 },
  { probability: 0.44, min: 2, max: 1024 },
  { probability: 0.06, min: 2048, max: 4096 },
];

export function drawOverrun(rng: Rng): number {
  // Work in parts per hundred so the bands are exact integers.
  const roll = rng.below(100);
  let acc = 0;
  for (const band of OVERRUN_BANDS) {
    acc += Math.round(band.probability * 100);
    if (roll < acc) return rng.between(band.min, band.max);
  }
  const last = OVERRUN_BANDS[OVERRUN_BANDS.length - 1];
  return rng.between(last.min, last.max);
}
