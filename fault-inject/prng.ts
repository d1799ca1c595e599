// Deterministic randomness for fault choice. splitmix64 (Steele, Lea & Flood,
// "Fast splittable pseudorandom number generators", OOPSLA 2014) on BigInt, so
// a seed gives the same sites and parameters on every machine and Node version.

const MASK64 = (1n << 64n) - 1n;

/** One splitmix64 step: returns [nextState, output]. */
export function splitmix64(state: bigint): [bigint, bigint] {
  const next = (state + 0x9e3779b97f4a7c15n) & MASK64;
  let z = next;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return [next, z ^ (z >> 31n)];
}

/** FNV-1a 64-bit hash of a string's bytes (latin1): mixes a site ID into a seed. */
export function fnv1a64(s: string): bigint {
  let h = 0xcbf29ce484222325n;
  for (let i = 0; i < s.length; i++) {
    h ^= BigInt(s.charCodeAt(i) & 0xff);
    h = (h * 0x100000001b3n) & MASK64;
  }
  return h;
}

export class Rng {
  private state: bigint;

  constructor(seed: bigint | number) {
    this.state = BigInt.asUintN(64, BigInt(seed));
  }

  /** For a site's own parameters: independent of how many sites exist, so one-build and single-fault agree. */
  static forSite(seed: number, siteId: string): Rng {
    return new Rng(BigInt.asUintN(64, BigInt(seed)) ^ fnv1a64(siteId));
  }

  next64(): bigint {
    const [s, out] = splitmix64(this.state);
    this.state = s;
    return out;
  }

  /** Uniform integer in [0, n) (n < 2^53), by rejection so there is no modulo bias. */
  below(n: number): number {
    if (!Number.isSafeInteger(n) || n <= 0) throw new RangeError(`Rng.below(${n})`);
    const bn = BigInt(n);
    const limit = (1n << 64n) - ((1n << 64n) % bn);
    for (;;) {
      const x = this.next64();
      if (x < limit) return Number(x % bn);
    }
  }

  /** Uniform integer in [lo, hi]. */
  between(lo: number, hi: number): number {
    return lo + this.below(hi - lo + 1);
  }

  /** A float in [0, 1) with 53 random bits. */
  unit(): number {
    return Number(this.next64() >> 11n) / 2 ** 53;
  }
}
