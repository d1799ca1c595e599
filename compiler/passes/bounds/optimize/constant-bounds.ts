// Constant index and constant count: 0 <= i < n is decided at compile time;
// so is a call/assignment whose needed count is the count it has (f(p, n) with p COUNT(n)).
import { sameExpr } from './loop-context.js';
import { live, type Optimization } from './optimization.js';

export const constantBounds: Optimization = {
  name: 'constant-bounds',
  description: 'remove bound checks whose index and count are constants (and lower checks on unsigned indexes)',
  run({ sites }) {
    for (const s of live(sites)) {
      const i = s.index?.value;
      if (s.check.kind === 'lower' && i !== undefined && i >= 0n) s.removedBy = this.name;
      if (s.check.kind === 'upper' && i !== undefined && s.count?.value !== undefined && i < s.count.value) s.removedBy = this.name;
      if ((s.check.kind === 'call' || s.check.kind === 'assign') && sameExpr(s.check.need, s.check.have)) s.removedBy = this.name;
      if (s.check.kind === 'ptr-arith' && i !== undefined && s.count?.value !== undefined && i >= 0n && i <= s.count.value) s.removedBy = this.name;
    }
  },
};
