// fgft_* attributes are for fgftc only: gcc would warn about them, so their
// __attribute__ groups are blanked to spaces (same length: nothing moves).
import { isFgftAttribute } from '../../../annotations/language.js';
import type { Pass } from '../pass.js';

export const stripAnnotationsPass: Pass = {
  name: 'strip-annotations',
  description: 'remove fgft_* annotation attributes from the output',
  enabled: () => true,
  run(ctx) {
    const groups = new Map<number, { end: number; all: boolean }>();
    for (const a of ctx.unit.attributes) {
      const g = groups.get(a.start) ?? { end: a.end, all: true };
      g.all &&= isFgftAttribute(a.name);
      groups.set(a.start, g);
    }
    for (const [start, g] of groups) {
      if (!g.all) continue;
      const original = ctx.unit.text.slice(start, g.end);
      ctx.edits.replace(start, g.end, original.replace(/[^\n]/g, ' '), this.name);
    }
  },
};
