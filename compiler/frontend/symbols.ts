// The symbol table: typedefs, struct/union/enum definitions, functions and
// globals of a translation unit, with attributes attached by position.
//
//   symbols.struct('e1000_ring')?.field('desc')?.attributes
//   symbols.function('e1000_xmit')?.parameter('len')?.type
//
// Built from a TreeMirror (see mirror.ts) for speed; `node` properties are
// resolved to real syntax nodes on first use.
import type Parser from 'tree-sitter';
import { AttributeIndex } from './attribute-index.js';
import { normaliseTypeText } from './declarators.js';
import { TreeMirror, type MirrorNode } from './mirror.js';
import { SymbolCollector } from './symbol-collector.js';
import type {
  EnumConstantSymbol,
  EnumSymbol,
  FunctionSymbol,
  GlobalSymbol,
  RecordSymbol,
  TypedefSymbol,
} from './symbol-types.js';
import type { Attribute } from './unit.js';

export type * from './symbol-types.js';

/** Words that start a type but are not typedef names. */
const TYPE_WORDS = new Set([
  'struct', 'union', 'enum', 'void', 'char', 'short', 'int', 'long', 'float', 'double', 'signed', 'unsigned',
  '_Bool', 'bool', '__int128', '_Float128', '__float128',
]);

export class SymbolTable {
  readonly typedefs = new Map<string, TypedefSymbol>();
  readonly structs = new Map<string, RecordSymbol>();
  readonly unions = new Map<string, RecordSymbol>();
  readonly enums = new Map<string, EnumSymbol>();
  readonly enumConstants = new Map<string, EnumConstantSymbol>();
  readonly functions = new Map<string, FunctionSymbol>();
  readonly globals = new Map<string, GlobalSymbol>();
  /** Every struct/union body in the unit, including anonymous ones, in source order. */
  readonly records: RecordSymbol[] = [];
  /** The same records by the offset of their struct_specifier / union_specifier. */
  readonly recordsByStart = new Map<number, RecordSymbol>();

  /** The record whose struct/union specifier (with a body) starts at `offset`, e.g. an anonymous one. */
  recordAt(offset: number): RecordSymbol | undefined {
    return this.recordsByStart.get(offset);
  }

  /** A struct by tag, or by the name of a typedef that names/defines one. */
  struct(name: string): RecordSymbol | undefined {
    return this.structs.get(name) ?? this.recordOfTypedef(name, 'struct');
  }

  union(name: string): RecordSymbol | undefined {
    return this.unions.get(name) ?? this.recordOfTypedef(name, 'union');
  }

  /** A struct or union by tag or typedef name. */
  record(name: string): RecordSymbol | undefined {
    return this.struct(name) ?? this.union(name);
  }

  /** The record a type like "struct e1000_ring *", "ring_t", "const union u" names (pointers stripped). */
  recordOfType(type: string): RecordSymbol | undefined {
    const t = type.replace(/\b(const|volatile|restrict)\b|\*/g, ' ').trim().replace(/\s+/g, ' ');
    const m = /^(struct|union) (\w+)$/.exec(t);
    if (m) return m[1] === 'struct' ? this.structs.get(m[2]) : this.unions.get(m[2]);
    return this.recordOfTypedef(t);
  }

  typedef(name: string): TypedefSymbol | undefined {
    return this.typedefs.get(name);
  }

  /**
   * A type with typedef names expanded where that is plain text substitution:
   * "desc_p *" -> "struct e1000_desc **", "const u32" -> "const unsigned int".
   * Typedefs of arrays or function types are left as they are.
   */
  expandType(type: string): string {
    let t = normaliseTypeText(type);
    for (let guard = 0; guard < 32; guard++) {
      const m = /^((?:(?:const|volatile|restrict) )*)([A-Za-z_]\w*)(?= |$)(.*)$/.exec(t);
      if (!m || TYPE_WORDS.has(m[2])) return t;
      const td = this.typedefs.get(m[2]);
      if (!td || td.arraySizes.length > 0 || td.type.includes('(')) return t;
      t = normaliseTypeText(`${m[1]}${td.type}${m[3]}`);
    }
    return t;
  }

  /** Is `type` (after typedef expansion) a pointer? Arrays decay, so they count. */
  isPointerType(type: string): boolean {
    const t = this.expandType(type);
    return /\*(?:\s*(?:const|volatile|restrict))*\s*$/.test(t) || /\[[^\]]*\]$/.test(t);
  }

  enum(tag: string): EnumSymbol | undefined {
    return this.enums.get(tag);
  }

  enumConstant(name: string): EnumConstantSymbol | undefined {
    return this.enumConstants.get(name);
  }

  function(name: string): FunctionSymbol | undefined {
    return this.functions.get(name);
  }

  global(name: string): GlobalSymbol | undefined {
    return this.globals.get(name);
  }

  private recordOfTypedef(name: string, kind?: 'struct' | 'union'): RecordSymbol | undefined {
    const seen = new Set<string>();
    let td = this.typedefs.get(name);
    while (td && !seen.has(td.name)) {
      seen.add(td.name);
      if (td.pointerDepth > 0 || td.arraySizes.length > 0) return undefined;
      if (td.record) return !kind || td.record.kind === kind ? td.record : undefined;
      const base = td.baseType.replace(/\b(const|volatile)\b/g, '').trim();
      const m = /^(struct|union) (\w+)$/.exec(base);
      if (m) {
        if (kind && m[1] !== kind) return undefined;
        return m[1] === 'struct' ? this.structs.get(m[2]) : this.unions.get(m[2]);
      }
      td = this.typedefs.get(base);
    }
    return undefined;
  }

  /** Build the table for `tree` (parsed from `parseText`), attaching `attributes` by position. */
  static build(
    tree: Parser.Tree,
    attributes: readonly Attribute[],
    parseText: string,
    mirror: TreeMirror = new TreeMirror(tree),
    topLevel: readonly MirrorNode[] = mirror.topLevel(),
  ): SymbolTable {
    const table = new SymbolTable();
    new SymbolCollector(table, tree, mirror, new AttributeIndex(attributes), parseText).collect(topLevel);
    return table;
  }
}
