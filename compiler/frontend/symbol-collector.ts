// Fills a SymbolTable from the mirrored top-level nodes of a tree, attaching
// attributes by position (see declarators.ts for declarators).
import type Parser from 'tree-sitter';
import type { AttributeIndex } from './attribute-index.js';
import {
  bareDeclarator,
  collapseSpace,
  Declarator,
  declaratorIdentifier,
  describeDeclarator,
  LazyNode,
  directFunctionDeclarator,
  normaliseTypeText,
  type DeclaratorContext,
} from './declarators.js';
import { evaluateEnumValue } from './enum-values.js';
import { child, type MirrorNode, type TreeMirror } from './mirror.js';
import { EnumConstantEntry, FunctionEntry, RecordEntry, type ParameterSource } from './symbol-entries.js';
import type {
  DeclaratorInfo,
  EnumConstantSymbol,
  EnumSymbol,
  FieldSymbol,
  GlobalSymbol,
  ParameterSymbol,
  RecordSymbol,
  TypedefSymbol,
} from './symbol-types.js';
import type { SymbolTable } from './symbols.js';

const RECORD_TYPES = new Set(['struct_specifier', 'union_specifier']);

export class SymbolCollector implements ParameterSource {
  /** End of the previous top-level node: attributes after it and before a declaration's type lead it. */
  private previousEnd = 0;

  constructor(
    private readonly table: SymbolTable,
    private readonly tree: Parser.Tree,
    private readonly mirror: TreeMirror,
    private readonly attrs: AttributeIndex,
    private readonly text: string,
  ) {}

  collect(topLevel: readonly MirrorNode[]): void {
    for (const node of topLevel) {
      this.topLevel(node);
      this.previousEnd = node.end;
    }
  }

  private topLevel(node: MirrorNode): void {
    switch (node.type) {
      case 'declaration':
        this.declaration(node);
        break;
      case 'type_definition':
        this.typeDefinition(node);
        break;
      case 'function_definition':
        this.functionDefinition(node);
        break;
      case 'linkage_specification':
      case 'declaration_list':
        for (const c of node.children) this.topLevel(c);
        break;
      case 'struct_specifier':
      case 'union_specifier':
      case 'enum_specifier': {
        // `struct s {...} __attribute__((packed));` parses as a bare specifier; its `;` is outside it.
        const semi = this.text.indexOf(';', node.end);
        this.typeSpecifier(node, semi < 0 ? this.text.length : semi);
        break;
      }
      case 'expression_statement': {
        // `struct s {...};` sometimes parses as a specifier in a statement.
        const c = node.children[0];
        if (c && (RECORD_TYPES.has(c.type) || c.type === 'enum_specifier')) this.typeSpecifier(c, node.end);
        break;
      }
      default:
        break;
    }
  }

  private slice(node: MirrorNode): string {
    return this.text.slice(node.start, node.end);
  }

  /** Base type text of a declaration: its type specifier with type qualifiers, in source order. */
  private baseType(decl: MirrorNode): string {
    let out = '';
    for (const c of decl.children) {
      if (c.type === 'type_qualifier') out += ' ' + this.slice(c);
      else if (c.field === 'type') out += ' ' + this.typeSpecifierText(c);
    }
    return normaliseTypeText(out);
  }

  /** `struct x { ... }` is shortened to `struct x` (or `struct <anonymous>`) in type text. */
  private typeSpecifierText(spec: MirrorNode): string {
    if (RECORD_TYPES.has(spec.type) || spec.type === 'enum_specifier') {
      if (child(spec, 'body')) {
        const name = child(spec, 'name');
        const keyword = spec.type.replace('_specifier', '');
        return name ? `${keyword} ${this.slice(name)}` : `${keyword} <anonymous>`;
      }
    }
    return this.slice(spec);
  }

  private storage(decl: MirrorNode): string[] {
    const out: string[] = [];
    for (const c of decl.children) if (c.type === 'storage_class_specifier') out.push(this.slice(c).trim());
    return out;
  }

  private declarators(decl: MirrorNode): MirrorNode[] {
    return decl.children.filter((c) => c.field === 'declarator');
  }

  /** Context for the k-th declarator of `decl`. */
  private contextFor(decl: MirrorNode, declarators: MirrorNode[], k: number, leadFrom: number, base: string): DeclaratorContext {
    const first = declarators[0];
    const next = declarators[k + 1];
    // Attributes inside and after a struct/union/enum body belong to that type, not to the declarators.
    const type = child(decl, 'type');
    const typeDefinesBody = type !== undefined && child(type, 'body') !== undefined;
    const leadTo = typeDefinesBody ? type.start : first ? first.start : decl.end;
    return {
      text: this.text,
      tree: this.tree,
      attributes: this.attrs,
      baseType: base,
      leading: this.attrs.between(leadFrom, leadTo),
      limit: next ? next.start : decl.end,
      declaration: decl,
    };
  }

  private typeSpecifiersIn(decl: MirrorNode): RecordSymbol | EnumSymbol | undefined {
    const type = child(decl, 'type');
    if (!type) return undefined;
    const first = decl.children.find((c) => c.field === 'declarator');
    return this.typeSpecifier(type, first ? first.start : decl.end);
  }

  private declaration(decl: MirrorNode): void {
    this.typeSpecifiersIn(decl);
    const base = this.baseType(decl);
    const storage = this.storage(decl);
    const declarators = this.declarators(decl);
    declarators.forEach((d, k) => {
      const ctx = this.contextFor(decl, declarators, k, this.previousEnd, base);
      const bare = bareDeclarator(d);
      const fn = directFunctionDeclarator(bare);
      if (fn) {
        this.addFunction(decl, bare, fn, ctx, storage, false);
        return;
      }
      const info = describeDeclarator(d, ctx) as GlobalSymbol;
      if (info.name === '') return;
      info.storage = storage;
      info.hasInitializer = d.type === 'init_declarator';
      this.table.globals.set(info.name, info);
    });
  }

  private functionDefinition(def: MirrorNode): void {
    this.typeSpecifiersIn(def);
    const declarator = child(def, 'declarator');
    if (!declarator) return;
    const fn = directFunctionDeclarator(declarator);
    if (!fn) return;
    const body = child(def, 'body');
    const ctx: DeclaratorContext = {
      text: this.text,
      tree: this.tree,
      attributes: this.attrs,
      baseType: this.baseType(def),
      leading: this.attrs.between(this.previousEnd, declarator.start),
      limit: body ? body.start : def.end,
      declaration: def,
    };
    this.addFunction(def, declarator, fn, ctx, this.storage(def), true);
  }

  private addFunction(
    node: MirrorNode,
    declarator: MirrorNode,
    fn: MirrorNode,
    ctx: DeclaratorContext,
    storage: string[],
    isDefinition: boolean,
  ): void {
    const ident = declaratorIdentifier(declarator);
    if (!ident) return;
    const name = this.slice(ident);
    const existing = this.table.functions.get(name);
    if (existing && existing.isDefinition && !isDefinition) return;
    const params = child(fn, 'parameters');
    // Return type: the declarator without the name and the function's own parameter list.
    const t = this.text;
    const cut = (s: number, e: number): string => t.slice(declarator.start, s) + t.slice(e, declarator.end);
    let rest = cut(ident.start, ident.end);
    if (params) {
      const ps = params.start - declarator.start - (ident.end - ident.start);
      rest = rest.slice(0, ps) + rest.slice(ps + (params.end - params.start));
    }
    const returnType = normaliseTypeText(`${ctx.baseType} ${rest.replace(/\(\s*\)/g, '')}`);
    const own = this.attrs.between(declarator.start, ctx.limit);
    const attributes = [...(existing?.attributes ?? []), ...ctx.leading, ...own];
    const sym = new FunctionEntry(
      name,
      returnType,
      params ? /\.\.\.\s*\)$/.test(this.slice(params)) : false,
      isDefinition,
      storage,
      attributes,
      node,
      new LazyNode(this.tree, node),
      params ? new LazyNode(this.tree, params) : undefined,
      this,
    );
    this.table.functions.set(name, sym);
  }

  /** The parameters of a (lazily mirrored) parameter list. */
  parametersOf(list: Parser.SyntaxNode): ParameterSymbol[] {
    return this.parameters(this.mirror.subtree(list));
  }

  private parameters(list: MirrorNode): ParameterSymbol[] {
    const out: ParameterSymbol[] = [];
    let from = list.start + 1;
    for (const p of list.children) {
      if (p.type !== 'parameter_declaration') continue;
      const base = this.baseType(p);
      const declarator = child(p, 'declarator');
      const limit = p.end + trailingAttributeSpan(this.text, p.end, list.end);
      const ctx: DeclaratorContext = {
        text: this.text,
        tree: this.tree,
        attributes: this.attrs,
        baseType: base,
        leading: this.attrs.between(from, declarator ? declarator.start : p.end),
        limit,
        declaration: p,
      };
      from = limit;
      let param: ParameterSymbol;
      if (declarator) {
        param = describeDeclarator(declarator, ctx) as ParameterSymbol;
      } else {
        const ref = new LazyNode(this.tree, p);
        const attributes = [...ctx.leading, ...this.attrs.between(p.end, limit)];
        const unnamed: DeclaratorInfo = new Declarator('', base, base, 0, [], false, attributes, [], ref, ref);
        param = unnamed as ParameterSymbol;
      }
      param.index = out.length;
      out.push(param);
    }
    // `(void)` declares no parameters.
    if (out.length === 1 && out[0].name === '' && out[0].type === 'void') return [];
    return out;
  }

  private typeDefinition(def: MirrorNode): void {
    const defined = this.typeSpecifiersIn(def);
    const base = this.baseType(def);
    const declarators = this.declarators(def);
    declarators.forEach((d, k) => {
      const sym = describeDeclarator(d, this.contextFor(def, declarators, k, this.previousEnd, base)) as TypedefSymbol;
      if (sym.name === '') return;
      if (defined && 'fields' in defined) sym.record = defined;
      else if (defined) sym.enumType = defined;
      this.table.typedefs.set(sym.name, sym);
    });
  }

  /**
   * Record a struct/union/enum specifier that has a body (and those nested in
   * its fields). `attrEnd` bounds the attributes after its `}` that belong to it
   * (the start of the declaration's first declarator, or its end).
   */
  private typeSpecifier(spec: MirrorNode, attrEnd: number): RecordSymbol | EnumSymbol | undefined {
    const body = child(spec, 'body');
    if (!body) return undefined;
    if (spec.type === 'enum_specifier') return this.enumSpecifier(spec, body, attrEnd);
    if (!RECORD_TYPES.has(spec.type)) return undefined;
    const name = child(spec, 'name');
    const fields: FieldSymbol[] = [];
    const record = new RecordEntry(
      spec.type === 'struct_specifier' ? 'struct' : 'union',
      name ? this.slice(name) : '',
      fields,
      [...this.attrs.between(spec.start, body.start), ...this.attrs.between(body.end, attrEnd)],
      spec,
      new LazyNode(this.tree, spec),
    );
    this.table.records.push(record);
    this.table.recordsByStart.set(record.start, record);
    if (record.tag) (record.kind === 'struct' ? this.table.structs : this.table.unions).set(record.tag, record);
    let from = body.start + 1;
    for (const member of body.children) {
      if (member.type !== 'field_declaration') continue;
      this.fieldDeclaration(member, from, fields);
      from = member.end;
    }
    return record;
  }

  private fieldDeclaration(decl: MirrorNode, from: number, fields: FieldSymbol[]): void {
    const nested = this.typeSpecifiersIn(decl);
    const base = this.baseType(decl);
    const declarators = this.declarators(decl);
    if (declarators.length === 0) {
      // Anonymous struct/union member: its fields are reachable from the parent.
      if (nested && 'fields' in nested && nested.tag === '') fields.push(...nested.fields);
      return;
    }
    declarators.forEach((d, k) => {
      const info = describeDeclarator(d, this.contextFor(decl, declarators, k, from, base)) as FieldSymbol;
      // The bit-field clause follows its declarator.
      const clause = decl.children.find((c) => c.type === 'bitfield_clause' && c.start >= d.end && (!declarators[k + 1] || c.end <= declarators[k + 1].start));
      if (clause) info.bitWidth = collapseSpace(this.slice(clause).replace(/^\s*:/, ''));
      fields.push(info);
    });
  }

  private enumSpecifier(spec: MirrorNode, body: MirrorNode, attrEnd: number): EnumSymbol {
    const name = child(spec, 'name');
    const tag = name ? this.slice(name) : '';
    const constants: EnumConstantSymbol[] = [];
    let next: bigint | undefined = 0n;
    for (const e of body.children) {
      if (e.type !== 'enumerator') continue;
      const ename = child(e, 'name');
      if (!ename) continue;
      const valueNode = child(e, 'value');
      const value: bigint | undefined = valueNode ? evaluateEnumValue(valueNode, this.text, this.table.enumConstants) : next;
      const constant = new EnumConstantEntry(
        this.slice(ename),
        valueNode ? collapseSpace(this.slice(valueNode)) : undefined,
        value,
        tag,
        new LazyNode(this.tree, e),
      );
      constants.push(constant);
      this.table.enumConstants.set(constant.name, constant);
      next = value === undefined ? undefined : value + 1n;
    }
    const ref = new LazyNode(this.tree, spec);
    const sym: EnumSymbol = {
      tag,
      constants,
      attributes: [...this.attrs.between(spec.start, body.start), ...this.attrs.between(body.end, attrEnd)],
      get node() {
        return ref.node;
      },
    };
    if (tag) this.table.enums.set(tag, sym);
    return sym;
  }
}

/** Length of blanked space after a parameter before the next ',' or ')' (attributes live there). */
function trailingAttributeSpan(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 41) break;
    i++;
  }
  return i - from;
}
