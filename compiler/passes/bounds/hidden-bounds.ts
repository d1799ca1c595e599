// Deputy's hidden bounds variables, for unannotated local pointers whose
// bounds cannot be derived statically (they point into different objects over
// time): `p` gets `p__fgft_lo` and `p__fgft_hi`, declared after `p` and updated
// wherever `p` is given a value from another object. Moving `p` itself
// (p++, p += k, p = p + k) keeps its bounds. An update is a comma expression
// around the assignment, so it works in statements, for clauses and conditions.
import type Parser from 'tree-sitter';
import { identifierOfDeclarator } from './check-context.js';
import type { PassContext } from '../pass.js';
import type { VarInfo } from './variables.js';

/** The bounds a value gives the pointer it is stored into, as C text evaluated just after the store. */
export type SourceBounds = { lo: string; hi: string } | 'unbounded' | 'same';

export interface HiddenUpdate {
  assignment: Parser.SyntaxNode; // the `p = v` expression
  valueUsed: boolean; // false for `p = v;` as a statement (or a for clause): no `, p` at the end
  bounds: SourceBounds;
}

export interface HiddenBounds {
  variable: VarInfo;
  lo: string; // names of the hidden variables
  hi: string;
  declaration: Parser.SyntaxNode; // the declaration of the pointer, in a block or a for clause
  /** A for-clause declaration: the hidden variables are declarators appended at `at`, spelt `prefix` + name. */
  forInit?: { at: number; prefix: string };
  initial: SourceBounds;
  updates: HiddenUpdate[];
}

const PASS = 'bounds-hidden';

/**
 * Where the hidden variables of `v` are declared. undefined: after the whole declaration.
 * Otherwise as more declarators of it at `at`, spelt like v's (`*p` gives `*p__fgft_lo`):
 * in a for clause (no statement can follow it), and when a later declarator of the same
 * declaration uses v (`T *p = a, *q = p;`: q's bounds are p's, so p's must exist there).
 * null: they cannot be declared (v is not a plain `*`-declarator).
 */
export function hiddenDeclarators(text: string, v: VarInfo, decl: Parser.SyntaxNode, inFor: boolean): { at: number; prefix: string } | undefined | null {
  const declarators = decl.childrenForFieldName('declarator');
  const own = declarators.find((d) => d.startIndex <= v.info.node.startIndex && v.info.node.endIndex <= d.endIndex);
  const id = identifierOfDeclarator(v.info.node);
  const last = declarators[declarators.length - 1];
  if (!own || !id || !last) return null;
  const usedLater = new RegExp(`\\b${v.name}\\b`).test(text.slice(own.endIndex, decl.endIndex));
  if (!inFor && !usedLater) return undefined;
  const prefix = text.slice(v.info.node.startIndex, id.startIndex).replace(/\b(const|volatile|restrict)\b/g, '');
  if (!/^[\s*]*$/.test(prefix)) return null;
  return { at: usedLater ? own.endIndex : last.endIndex, prefix };
}

export function hiddenNames(name: string): { lo: string; hi: string } {
  return { lo: `${name}__fgft_lo`, hi: `${name}__fgft_hi` };
}

/** The hidden variables have the pointer's type; a source of another type (through a cast) is converted. */
function boundsText(b: SourceBounds, pointer: string): { lo: string; hi: string } {
  if (b === 'unbounded' || b === 'same') return { lo: '0', hi: `(__typeof__(${pointer}))~0UL` };
  return { lo: `(__typeof__(${pointer}))(${b.lo})`, hi: `(__typeof__(${pointer}))(${b.hi})` };
}

/** Declarations after the pointer's declaration; updates as `((p = v), p__fgft_lo = L, p__fgft_hi = H, p)`. */
export function placeHiddenBounds(ctx: PassContext, plans: readonly HiddenBounds[]): void {
  for (const h of plans) {
    const name = h.variable.name;
    const init = boundsText(h.initial, name);
    if (h.forInit) {
      const { at, prefix } = h.forInit;
      ctx.edits.insert(at, `, ${prefix}${h.lo} __attribute__((unused)) = ${init.lo}, ${prefix}${h.hi} __attribute__((unused)) = ${init.hi}`, PASS, 3e12);
    } else {
      ctx.edits.insert(
        h.declaration.endIndex,
        ` __typeof__(${name}) __attribute__((unused)) ${h.lo} = ${init.lo}, ${h.hi} = ${init.hi};`,
        PASS,
      );
    }
    for (const u of h.updates) {
      if (u.bounds === 'same') continue;
      const b = boundsText(u.bounds, name);
      ctx.edits.insert(u.assignment.startIndex, u.valueUsed ? '((' : '(', PASS, -2e12);
      ctx.edits.insert(u.assignment.endIndex, `), ${h.lo} = ${b.lo}, ${h.hi} = ${b.hi}${u.valueUsed ? `, ${name})` : ''}`, PASS, 2e12);
    }
  }
}
