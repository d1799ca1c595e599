// Range queries over the (sorted) attribute list, so symbols can pick up the
// attributes that lie between two byte offsets.
import type { Attribute } from './unit.js';

export class AttributeIndex {
  private readonly starts: Int32Array;

  constructor(private readonly attributes: readonly Attribute[]) {
    this.starts = Int32Array.from(attributes, (a) => a.start);
  }

  get size(): number {
    return this.attributes.length;
  }

  /** Attributes whose group starts in [from, to). */
  between(from: number, to: number): Attribute[] {
    if (this.attributes.length === 0 || to <= from) return [];
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid] < from) lo = mid + 1;
      else hi = mid;
    }
    const out: Attribute[] = [];
    for (let k = lo; k < this.starts.length && this.starts[k] < to; k++) out.push(this.attributes[k]);
    return out;
  }
}
