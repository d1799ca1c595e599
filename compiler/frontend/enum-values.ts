// Evaluate enum constant initialisers where they are integer constant
// expressions over literals and earlier enum constants.
import { child, type MirrorNode } from './mirror.js';
import type { EnumConstantSymbol } from './symbol-types.js';

function parseIntegerLiteral(text: string): bigint | undefined {
  // tree-sitter-c folds a leading sign into number_literal.
  const sign = text.startsWith('-') ? -1n : 1n;
  const t = text.replace(/^[-+]\s*/, '').replace(/[uUlL]+$/, '');
  const v = parseUnsigned(t);
  return v === undefined ? undefined : sign * v;
}

function parseUnsigned(t: string): bigint | undefined {
  if (/^0[xX][0-9a-fA-F]+$/.test(t) || /^0[bB][01]+$/.test(t)) return BigInt(t);
  if (/^0[0-7]+$/.test(t)) return BigInt('0o' + t.slice(1));
  if (/^[0-9]+$/.test(t)) return BigInt(t);
  return undefined;
}

const ESCAPES: Record<string, number> = { n: 10, t: 9, r: 13, '0': 0, '\\': 92, "'": 39, '"': 34, a: 7, b: 8, f: 12, v: 11 };

function parseCharLiteral(text: string): bigint | undefined {
  const m = /^'(\\?)(.*)'$/s.exec(text);
  if (!m) return undefined;
  if (m[1] === '') return m[2].length === 1 ? BigInt(m[2].charCodeAt(0)) : undefined;
  if (/^x[0-9a-fA-F]+$/.test(m[2])) return BigInt('0' + m[2]);
  if (/^[0-7]{1,3}$/.test(m[2])) return BigInt('0o' + m[2]);
  const e = ESCAPES[m[2]];
  return e === undefined ? undefined : BigInt(e);
}

function binary(op: string, a: bigint, b: bigint): bigint | undefined {
  switch (op) {
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/': return b === 0n ? undefined : a / b;
    case '%': return b === 0n ? undefined : a % b;
    case '<<': return b < 0n || b > 127n ? undefined : a << b;
    case '>>': return b < 0n || b > 127n ? undefined : a >> b;
    case '&': return a & b;
    case '|': return a | b;
    case '^': return a ^ b;
    case '&&': return a !== 0n && b !== 0n ? 1n : 0n;
    case '||': return a !== 0n || b !== 0n ? 1n : 0n;
    case '==': return a === b ? 1n : 0n;
    case '!=': return a !== b ? 1n : 0n;
    case '<': return a < b ? 1n : 0n;
    case '>': return a > b ? 1n : 0n;
    case '<=': return a <= b ? 1n : 0n;
    case '>=': return a >= b ? 1n : 0n;
    default: return undefined;
  }
}

/**
 * Value of a mirrored constant expression (`text` is the parse text), or
 * undefined where it is not computable here (sizeof, casts to unknown widths
 * are taken as identity, unknown identifiers).
 */
export function evaluateEnumValue(
  node: MirrorNode,
  text: string,
  known: ReadonlyMap<string, EnumConstantSymbol>,
): bigint | undefined {
  const src = (n: MirrorNode): string => text.slice(n.start, n.end);
  const ev = (n: MirrorNode | undefined): bigint | undefined => (n ? evaluateEnumValue(n, text, known) : undefined);
  switch (node.type) {
    case 'number_literal':
      return parseIntegerLiteral(src(node));
    case 'char_literal':
      return parseCharLiteral(src(node));
    case 'identifier':
      return known.get(src(node))?.value;
    case 'parenthesized_expression':
      return ev(node.children[0]);
    case 'cast_expression':
      return ev(child(node, 'value'));
    case 'unary_expression': {
      const arg = child(node, 'argument');
      const v = ev(arg);
      if (!arg || v === undefined) return undefined;
      const op = text.slice(node.start, arg.start).trim();
      if (op === '-') return -v;
      if (op === '+') return v;
      if (op === '~') return ~v;
      if (op === '!') return v === 0n ? 1n : 0n;
      return undefined;
    }
    case 'binary_expression': {
      const l = child(node, 'left');
      const r = child(node, 'right');
      if (!l || !r) return undefined;
      const a = ev(l);
      const b = ev(r);
      const op = text.slice(l.end, r.start).trim();
      return a === undefined || b === undefined ? undefined : binary(op, a, b);
    }
    case 'conditional_expression': {
      const cv = ev(child(node, 'condition'));
      if (cv === undefined) return undefined;
      return ev(child(node, cv !== 0n ? 'consequence' : 'alternative'));
    }
    default:
      return undefined;
  }
}
