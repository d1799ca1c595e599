// Walk one function body: for every dereference, index, pointer arithmetic,
// annotated call, dependent write and union member access, record the checks
// it needs (CheckSite) or, when a check must fail / a rule is broken, an error.
// The checks themselves live in one module per family (checks-*.ts).
import type Parser from 'tree-sitter';
import { constValue, parseBoundExpr } from '../../../annotations/bound-expr.js';
import type { Diagnostic } from '../../diagnostics.js';
import type { ParsedUnit } from '../../frontend/unit.js';
import type { PassContext } from '../pass.js';
import { annotationsOfAttributes } from './annotations-of.js';
import { isPure, type CheckContext } from './check-context.js';
import { arithmetic, deref, movedCountedPointer, subscript } from './checks-access.js';
import { dependentWrite } from './checks-dependent-write.js';
import { famCountWrite } from './fam-count.js';
import { call, flowInto, initialisation, nonnullTarget, returnValue } from './checks-flow.js';
import { unionMember } from './checks-union-tag.js';
import { ntConversionCheck } from './nt-conversions.js';
import { seqBackwards, seqDerefMoving } from './seq.js';
import type { PtrFacts } from './facts.js';
import type { Resolver } from './resolve.js';
import type { CheckSite } from './sites.js';
import { isUnsignedType } from './variables.js';

export class CheckFinder implements CheckContext {
  readonly sites: CheckSite[] = [];
  readonly handledArith = new Set<number>();

  constructor(
    private readonly ctx: PassContext,
    readonly r: Resolver,
  ) {}

  get unit(): ParsedUnit {
    return this.ctx.unit;
  }

  error(at: number, message: string, rule: string, facts?: PtrFacts): void {
    const notes: Diagnostic[] = [];
    if (facts?.origin) notes.push({ severity: 'note', location: this.unit.lineMap.locate(facts.origin.declOffset), message: facts.origin.describe });
    this.ctx.diagnostics.error(this.unit.lineMap.locate(at), message, rule, notes);
  }

  add(site: CheckSite): void {
    this.sites.push(site);
  }

  /** A block opened with TRUSTEDBLOCK, or TC(e): no checks inside. (NTDROP(e) / NTEXPAND(e) are checked: nt-conversions.ts.) */
  private isTrusted(n: Parser.SyntaxNode): boolean {
    const first = n.namedChild(0);
    const end = first ? first.startIndex : n.endIndex;
    const inner = annotationsOfAttributes(this.unit.attributes.filter((a) => a.start > n.startIndex && a.start < end));
    return inner.some((a) => a.kind === 'trusted-block' || a.kind === 'trusted' || a.kind === 'tc');
  }

  walk(n: Parser.SyntaxNode): void {
    // Operands of sizeof/_Alignof/typeof are not evaluated: nothing to check.
    if (n.type === 'sizeof_expression' || n.type === 'alignof_expression' || n.type === 'offsetof_expression' || n.type === 'type_descriptor') return;
    if ((n.type === 'compound_statement' || n.type === 'parenthesized_expression') && this.isTrusted(n)) return;
    switch (n.type) {
      case 'subscript_expression':
        subscript(this, n);
        break;
      case 'pointer_expression':
        if (n.childForFieldName('operator')?.text === '*') deref(this, n, n.childForFieldName('argument')!);
        if (n.childForFieldName('operator')?.text === '*') seqDerefMoving(this, n, n.childForFieldName('argument')!);
        break;
      case 'field_expression':
        if (n.childForFieldName('operator')?.text === '->') deref(this, n, n.childForFieldName('argument')!);
        unionMember(this, n);
        break;
      case 'binary_expression':
        arithmetic(this, n);
        seqBackwards(this, n);
        break;
      case 'update_expression':
      case 'assignment_expression':
        this.modification(n);
        seqBackwards(this, n);
        break;
      case 'call_expression':
        call(this, n);
        break;
      case 'return_statement':
        returnValue(this, n);
        break;
      case 'init_declarator':
        initialisation(this, n);
        break;
      case 'parenthesized_expression':
        ntConversionCheck(this, n);
        break;
      default:
        break;
    }
    for (const c of n.namedChildren) this.walk(c);
  }

  indexFacts(idx: Parser.SyntaxNode): { value?: bigint; unsigned: boolean } {
    let value: bigint | undefined;
    try {
      value = constValue(parseBoundExpr(this.r.text(idx)), this.r.constLookup);
    } catch {
      value = undefined;
    }
    return { value, unsigned: this.isUnsignedExpr(idx) };
  }

  /** C's usual arithmetic conversions, roughly: an operation with an unsigned operand is unsigned. */
  private isUnsignedExpr(n: Parser.SyntaxNode): boolean {
    switch (n.type) {
      case 'parenthesized_expression':
        return !!n.namedChild(0) && this.isUnsignedExpr(n.namedChild(0)!);
      case 'identifier':
      case 'field_expression':
      case 'subscript_expression': {
        const t = this.r.typeOf(n);
        return t ? isUnsignedType(t) : false;
      }
      case 'number_literal':
        return /[uU]/.test(n.text);
      case 'cast_expression': {
        const t = n.childForFieldName('type');
        return !!t && isUnsignedType(t.text);
      }
      case 'sizeof_expression':
        return true;
      case 'binary_expression': {
        const op = n.childForFieldName('operator')?.text ?? '';
        if (!['+', '-', '*', '/', '%', '&', '|', '^'].includes(op)) return false;
        return this.isUnsignedExpr(n.childForFieldName('left')!) || this.isUnsignedExpr(n.childForFieldName('right')!);
      }
      default:
        return false;
    }
  }

  /** p++ / p += k on SAFE; writes to a count another annotation depends on. */
  private modification(n: Parser.SyntaxNode): void {
    const target = n.type === 'update_expression' ? n.childForFieldName('argument')! : n.childForFieldName('left')!;
    const op = n.childForFieldName('operator')?.text ?? '';
    if (famCountWrite(this, n, target, op)) return;
    const f = this.r.facts(target);
    if (f && f.explicitSafe && (n.type === 'update_expression' || op === '+=' || op === '-=')) {
      this.error(n.startIndex, `arithmetic on SAFE pointer '${f.text}'`, 'bounds/safe-arith', f);
      return;
    }
    if (f && !f.nt && f.bound.kind === 'count' && f.origin?.annotation?.kind === 'count' && (op === '++' || op === '+=' || op === '--' || op === '-=')) {
      movedCountedPointer(this, n, target, f, op);
      return;
    }
    if (f && f.nt && isPure(target) && (op === '++' || op === '+=')) {
      // s++ on a string: allowed while *s is not the terminator.
      const step = op === '++' ? '1' : this.r.text(n.childForFieldName('right')!);
      this.add({ check: { kind: 'nt-read', ptr: f.text, index: step, known: f.ntKnown }, form: 'comma', operand: { start: n.startIndex, end: n.endIndex }, offset: n.startIndex, node: n });
      return;
    }
    if (n.type === 'assignment_expression') {
      nonnullTarget(this, target, n.childForFieldName('right')!);
      if (op === '=') {
        dependentWrite(this, n, target, n.childForFieldName('right')!);
        flowInto(this, n, target, n.childForFieldName('right')!);
      }
    }
  }
}
