// What an entry stub returns when the driver failed (or is unloaded): a value
// derived from the return type, the way a kernel caller expects a failing
// driver to answer. KR_FAIL(v) on the function overrides it.
import type Parser from 'tree-sitter';
import type { ParsedUnit } from '../../frontend/unit.js';
import { walk } from './syntax.js';

/** C text to return, and what it means for a reader of the emitted stub. */
export interface FailureValue {
  kind: 'void' | 'value';
  text: string; // e.g. "-5", "((void *)0)", "(netdev_tx_t)NETDEV_TX_BUSY"
  meaning: string; // e.g. "-EIO", "NULL", "NETDEV_TX_BUSY"
  /**
   * A parameter type the caller keeps when the stub fails: NETDEV_TX_BUSY
   * tells the stack to requeue the skb, so recovery must not release it.
   */
  keeps?: string;
}

/** Kernel types whose failure answer is a named constant, not an errno. */
interface NamedFailure {
  type: string;
  constant: string; // enumerator or macro name in the kernel
  value: string; // its numeric value, used when the constant is a macro (gone after cpp)
  keeps?: string; // see FailureValue.keeps
}

const namedFailures: readonly NamedFailure[] = [
  { type: 'netdev_tx_t', constant: 'NETDEV_TX_BUSY', value: '0x10', keeps: 'struct sk_buff *' },
  { type: 'irqreturn_t', constant: 'IRQ_NONE', value: '0' },
  { type: 'pci_ers_result_t', constant: 'PCI_ERS_RESULT_DISCONNECT', value: '4' },
  { type: 'enum hrtimer_restart', constant: 'HRTIMER_NORESTART', value: '0' },
];

const EIO = { text: '-5', meaning: '-EIO' };

const signedIntegers = new Set([
  'int', 'long', 'short', 'signed', 'long long', 'long int', 'short int', 'long long int', 'signed int',
  'signed long', 'signed char', 'signed short', 'ssize_t', 'loff_t', 'off_t', 'ptrdiff_t', 'intptr_t',
  's8', 's16', 's32', 's64', '__s8', '__s16', '__s32', '__s64', 'int8_t', 'int16_t', 'int32_t', 'int64_t',
]);

const zeroTypes = /^(unsigned\b.*|u8|u16|u32|u64|__u8|__u16|__u32|__u64|__le16|__le32|__le64|__be16|__be32|__be64|size_t|uintptr_t|uint\d+_t|char|bool|_Bool|float|double|long double|dma_addr_t|phys_addr_t|resource_size_t|gfp_t|netdev_features_t)$/;

/**
 * The failure value for a function returning `typeNode` (plus a pointer when
 * `returnsPointer`). Typedefs the unit defines are followed to their type.
 */
export function failureValueFor(unit: ParsedUnit, typeNode: Parser.SyntaxNode | null, returnsPointer: boolean): FailureValue {
  if (returnsPointer) return { kind: 'value', text: '((void *)0)', meaning: 'NULL' };
  if (!typeNode) return { kind: 'value', ...EIO }; // implicit int
  const declared = typeNode.text.replace(/\s+/g, ' ').trim();
  return render(unit, declared, shapeOf(unit, declared, typeNode, 0));
}

/** What kind of answer a type calls for, after following typedefs. */
type Shape = { shape: 'void' | 'errno' | 'zero' | 'null' | 'cast-zero' | 'compound-zero' } | { shape: 'named'; failure: NamedFailure };

function shapeOf(unit: ParsedUnit, typeText: string, typeNode: Parser.SyntaxNode | null, depth: number): Shape {
  if (typeText === 'void') return { shape: 'void' };
  const named = namedFailures.find((n) => n.type === typeText);
  if (named) return { shape: 'named', failure: named };
  if (signedIntegers.has(typeText)) return { shape: 'errno' };
  if (zeroTypes.test(typeText)) return { shape: 'zero' };
  if (typeNode?.type === 'enum_specifier') return { shape: 'cast-zero' };
  const typedef = depth < 8 ? typedefTarget(unit, typeText) : undefined;
  if (typedef?.pointer) return { shape: 'null' };
  if (typedef) {
    const inner = shapeOf(unit, typedef.type.text.replace(/\s+/g, ' ').trim(), typedef.type, depth + 1);
    return inner;
  }
  // Structs, unions and anything unknown: an all-zero value of the type.
  return { shape: 'compound-zero' };
}

/** The C text for a shape, cast to the type as the function declares it. */
function render(unit: ParsedUnit, declared: string, s: Shape): FailureValue {
  switch (s.shape) {
    case 'void':
      return { kind: 'void', text: '', meaning: 'nothing' };
    case 'errno':
      return { kind: 'value', ...EIO };
    case 'zero':
      return { kind: 'value', text: '0', meaning: 'zero' };
    case 'null':
      return { kind: 'value', text: `(${declared})0`, meaning: 'NULL' };
    case 'cast-zero':
      return { kind: 'value', text: `(${declared})0`, meaning: 'zero' };
    case 'compound-zero':
      return { kind: 'value', text: `(${declared}){0}`, meaning: 'all zero' };
    case 'named': {
      const known = enumeratorsOf(unit).has(s.failure.constant);
      const text = `(${declared})${known ? s.failure.constant : s.failure.value}`;
      return { kind: 'value', text, meaning: s.failure.constant, keeps: s.failure.keeps };
    }
  }
}

const enumeratorCache = new WeakMap<ParsedUnit, Set<string>>();

function enumeratorsOf(unit: ParsedUnit): Set<string> {
  let set = enumeratorCache.get(unit);
  if (!set) {
    const names = new Set<string>();
    walk(unit.tree.rootNode, (n) => {
      if (n.type === 'enumerator') {
        const name = n.childForFieldName('name');
        if (name) names.add(name.text);
      }
    });
    set = names;
    enumeratorCache.set(unit, set);
  }
  return set;
}

/** `typedef <type> <declarator>` defining `name`, if the unit has one. */
function typedefTarget(unit: ParsedUnit, name: string): { type: Parser.SyntaxNode; pointer: boolean } | undefined {
  for (const node of unit.tree.rootNode.namedChildren) {
    if (node.type !== 'type_definition') continue;
    const type = node.childForFieldName('type');
    if (!type) continue;
    for (const d of node.childrenForFieldName('declarator')) {
      // `typedef T name;` declares a plain alias; anything around the name
      // (`*name`, `(*name)(int)`) makes it a pointer type.
      if (d.type === 'type_identifier' && d.text === name) return { type, pointer: false };
      if (d.type !== 'type_identifier' && d.descendantsOfType('type_identifier').some((t) => t.text === name)) {
        return { type, pointer: true };
      }
    }
  }
  return undefined;
}
