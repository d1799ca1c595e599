// p[e % n] with p's count n, and p[e & m] with p's count m + 1: the index is
// below the count by construction. Only where that is true for every value:
//   e % n  needs n > 0: n unsigned (n == 0 is already undefined) or a positive constant;
//          the result is >= 0 too when e is unsigned;
//   e & m  needs m + 1 not to wrap: m a constant, or of a type narrower than
//          int (promoted before + 1); the result is >= 0 when m >= 0.
import type Parser from 'tree-sitter';
import { constValue, parseBoundExpr } from '../../../../annotations/bound-expr.js';
import type { Resolver } from '../resolve.js';
import type { CheckSite } from '../sites.js';
import { isUnsignedType } from '../variables.js';
import { sameExpr } from './loop-context.js';
import { live, type Optimization } from './optimization.js';

function strip(n: Parser.SyntaxNode): Parser.SyntaxNode {
  while (n.type === 'parenthesized_expression' && n.namedChild(0)) n = n.namedChild(0)!;
  return n;
}

const NARROW = /^(const |volatile )*(unsigned char|unsigned short|unsigned short int|u8|u16|__u8|__u16|uint8_t|uint16_t)$/;

function constOf(n: Parser.SyntaxNode, r: Resolver): bigint | undefined {
  try {
    return constValue(parseBoundExpr(r.text(n)), r.constLookup);
  } catch {
    return undefined;
  }
}

/** 'both' when upper and lower are proved, 'upper' when only the upper one. */
function proves(site: CheckSite, count: string, r: Resolver): 'both' | 'upper' | undefined {
  const idx = site.index?.node;
  if (!idx) return undefined;
  const e = strip(idx);
  if (e.type !== 'binary_expression') return undefined;
  const op = e.childForFieldName('operator')?.text;
  const left = strip(e.childForFieldName('left')!);
  const right = strip(e.childForFieldName('right')!);
  const rightType = r.typeOf(right);
  const leftType = r.typeOf(left);
  if (op === '%' && sameExpr(r.text(right), count)) {
    const k = constOf(right, r);
    const positive = k !== undefined ? k > 0n : rightType !== undefined && isUnsignedType(rightType);
    if (!positive) return undefined;
    return leftType !== undefined && isUnsignedType(leftType) ? 'both' : 'upper';
  }
  if (op === '&' && (sameExpr(`${r.text(right)} + 1`, count) || sameExpr(`(${r.text(right)}) + 1`, count))) {
    const k = constOf(right, r);
    if (k !== undefined) return k >= 0n && k < (1n << 62n) ? 'both' : undefined;
    return rightType !== undefined && NARROW.test(rightType.trim()) ? 'both' : undefined;
  }
  return undefined;
}

export const moduloIndex: Optimization = {
  name: 'modulo-index',
  description: 'remove bound checks on indexes reduced modulo the count (e % n, e & m with count m + 1)',
  run({ sites, resolver }) {
    const byOperand = new Map<string, CheckSite[]>();
    for (const s of live(sites)) {
      const k = `${s.operand.start}:${s.operand.end}`;
      byOperand.set(k, [...(byOperand.get(k) ?? []), s]);
    }
    for (const group of byOperand.values()) {
      const upper = group.find((s) => s.check.kind === 'upper');
      if (!upper || upper.check.kind !== 'upper') continue;
      const p = proves(upper, upper.check.count, resolver);
      if (!p) continue;
      upper.removedBy = this.name;
      const lower = group.find((s) => s.check.kind === 'lower');
      if (lower && p === 'both') lower.removedBy = this.name;
    }
  },
};
