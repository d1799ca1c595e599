// The symbol objects the collector creates: plain fields plus syntax nodes
// resolved on first use (and, for functions, parameters analysed on first use).
import type Parser from 'tree-sitter';
import type { LazyNode } from './declarators.js';
import type { MirrorNode } from './mirror.js';
import type { EnumConstantSymbol, FieldSymbol, FunctionSymbol, ParameterSymbol, RecordSymbol } from './symbol-types.js';
import type { Attribute } from './unit.js';

/** Analyses a parameter list on demand (the collector, which owns the tree mirror). */
export interface ParameterSource {
  parametersOf(list: Parser.SyntaxNode): ParameterSymbol[];
}

export class RecordEntry implements RecordSymbol {
  readonly start: number;
  readonly end: number;
  private byName: Map<string, FieldSymbol> | undefined;

  constructor(
    readonly kind: 'struct' | 'union',
    readonly tag: string,
    readonly fields: FieldSymbol[],
    readonly attributes: Attribute[],
    mirror: MirrorNode,
    private readonly nodeRef: LazyNode,
  ) {
    this.start = mirror.start;
    this.end = mirror.end;
  }

  get node(): Parser.SyntaxNode {
    return this.nodeRef.node;
  }

  field(name: string): FieldSymbol | undefined {
    if (!this.byName) {
      this.byName = new Map();
      for (const f of this.fields) if (f.name !== '' && !this.byName.has(f.name)) this.byName.set(f.name, f);
    }
    return this.byName.get(name);
  }
}

export class EnumConstantEntry implements EnumConstantSymbol {
  constructor(
    readonly name: string,
    readonly valueText: string | undefined,
    readonly value: bigint | undefined,
    readonly enumTag: string,
    private readonly nodeRef: LazyNode,
  ) {}

  get node(): Parser.SyntaxNode {
    return this.nodeRef.node;
  }
}

/** A function; its parameter list is mirrored and analysed on first use. */
export class FunctionEntry implements FunctionSymbol {
  readonly start: number;
  readonly end: number;
  private params: ParameterSymbol[] | undefined;

  constructor(
    readonly name: string,
    readonly returnType: string,
    readonly variadic: boolean,
    readonly isDefinition: boolean,
    readonly storage: string[],
    readonly attributes: Attribute[],
    mirror: MirrorNode,
    private readonly nodeRef: LazyNode,
    private readonly paramsRef: LazyNode | undefined,
    private readonly source: ParameterSource,
  ) {
    this.start = mirror.start;
    this.end = mirror.end;
  }

  get node(): Parser.SyntaxNode {
    return this.nodeRef.node;
  }

  get parameters(): ParameterSymbol[] {
    return (this.params ??= this.paramsRef ? this.source.parametersOf(this.paramsRef.node) : []);
  }

  parameter(name: string): ParameterSymbol | undefined {
    return this.parameters.find((p) => p.name === name);
  }
}
