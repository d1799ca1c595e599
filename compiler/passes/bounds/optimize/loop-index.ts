// for (i = A; i < B; i++) p[i]: i stays in [A, B). If A >= 0 the lower check
// goes; if B is p's count (or a constant <= it) the upper check goes. The
// loop body must not write i or anything the count depends on.
import { live, type Optimization } from './optimization.js';
import { enclosingLoops, sameExpr } from './loop-context.js';

export const loopIndex: Optimization = {
  name: 'loop-index',
  description: 'remove bound checks on a loop index whose range the loop header proves',
  run({ sites, resolver }) {
    for (const s of live(sites)) {
      if (s.check.kind !== 'lower' && s.check.kind !== 'upper') continue;
      const idx = s.index?.node;
      if (!idx || idx.type !== 'identifier') continue;
      for (const loop of enclosingLoops(s.node, resolver)) {
        if (loop.index !== idx.text) continue;
        const body = loop.body;
        if (resolver.writes.writtenIn(loop.index, body.startIndex, body.endIndex)) break;
        if (s.check.kind === 'lower' && loop.loValue !== undefined && loop.loValue >= 0n) s.removedBy = this.name;
        if (s.check.kind === 'upper') {
          const names = [...(s.count?.names ?? [])];
          if (names.some((n) => resolver.writes.writtenIn(n, loop.loop.startIndex, loop.loop.endIndex) || resolver.writes.writtenIn(n, loop.loop.startIndex, loop.loop.endIndex, true))) break;
          const countFits = sameExpr(loop.hi, s.check.count) || (loop.hiValue !== undefined && s.count?.value !== undefined && loop.hiValue <= s.count.value);
          if (countFits) s.removedBy = this.name;
        }
        break;
      }
    }
  },
};
