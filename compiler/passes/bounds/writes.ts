// Where each variable (and field name) is written or has its address taken in a
// function: the facts every inference and optimisation must respect.
import type Parser from 'tree-sitter';

export interface Write {
  name: string; // variable name, or field name for field writes
  field: boolean;
  node: Parser.SyntaxNode; // assignment / update / address-of / declarator
  value?: Parser.SyntaxNode; // the right-hand side for `=` and initialisers
  op: string; // '=', '+=', '++', '&', 'init', ...
}

export function identifierOf(n: Parser.SyntaxNode | null): Parser.SyntaxNode | undefined {
  while (n && n.type === 'parenthesized_expression') n = n.namedChild(0);
  return n && n.type === 'identifier' ? n : undefined;
}

export class WriteIndex {
  readonly writes: Write[] = [];
  private readonly byName = new Map<string, Write[]>();
  /** True when the function contains a call: fields and globals may change behind our back. */
  readonly callOffsets: number[] = [];

  constructor(root: Parser.SyntaxNode) {
    this.visit(root);
    for (const w of this.writes) {
      const key = `${w.field ? '.' : ''}${w.name}`;
      const list = this.byName.get(key) ?? [];
      list.push(w);
      this.byName.set(key, list);
    }
  }

  private record(target: Parser.SyntaxNode | null, node: Parser.SyntaxNode, op: string, value?: Parser.SyntaxNode): void {
    while (target && target.type === 'parenthesized_expression') target = target.namedChild(0);
    if (!target) return;
    if (target.type === 'identifier') this.writes.push({ name: target.text, field: false, node, value, op });
    else if (target.type === 'field_expression') {
      const f = target.childForFieldName('field');
      if (f) this.writes.push({ name: f.text, field: true, node, value, op });
    }
  }

  private visit(n: Parser.SyntaxNode): void {
    switch (n.type) {
      case 'assignment_expression':
        this.record(n.childForFieldName('left'), n, n.childForFieldName('operator')?.text ?? '=', n.childForFieldName('right') ?? undefined);
        break;
      case 'update_expression':
        this.record(n.childForFieldName('argument'), n, n.childForFieldName('operator')?.text ?? '++');
        break;
      case 'pointer_expression':
        if (n.childForFieldName('operator')?.text === '&') this.record(n.childForFieldName('argument'), n, '&');
        break;
      case 'init_declarator': {
        let id: Parser.SyntaxNode | null = n.childForFieldName('declarator');
        while (id && id.type !== 'identifier') id = id.childForFieldName('declarator');
        if (id) this.writes.push({ name: id.text, field: false, node: n, value: n.childForFieldName('value') ?? undefined, op: 'init' });
        break;
      }
      case 'call_expression':
        this.callOffsets.push(n.startIndex);
        break;
      default:
        break;
    }
    for (const c of n.namedChildren) this.visit(c);
  }

  /** A write found later, by an analysis (a store through an alias, address-taken.ts). */
  addWrite(w: Write): void {
    this.writes.push(w);
    const key = `${w.field ? '.' : ''}${w.name}`;
    this.byName.set(key, [...(this.byName.get(key) ?? []), w]);
  }

  of(name: string, field = false): Write[] {
    return this.byName.get(`${field ? '.' : ''}${name}`) ?? [];
  }

  /** Is `name` written (or its address taken) inside [from, to)? */
  writtenIn(name: string, from: number, to: number, field = false): boolean {
    return this.of(name, field).some((w) => w.op !== 'init' && w.node.startIndex >= from && w.node.startIndex < to);
  }

  callIn(from: number, to: number): boolean {
    return this.callOffsets.some((o) => o >= from && o < to);
  }
}
