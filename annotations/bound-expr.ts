// Bound expressions: the arguments of COUNT(n), BND(lo, hi), WHEN(e), ...
// They are small C expressions over sibling fields, parameters, globals and
// constants. We parse them once so that we can (a) rename identifiers to the
// place of use (`len` -> `s->len`), (b) fold constants for the static checker
// and the optimizer, and (c) list the names a bound depends on.

export type BoundExpr =
  | { k: 'num'; value: bigint; text: string }
  | { k: 'id'; name: string }
  | { k: 'unary'; op: string; e: BoundExpr }
  | { k: 'bin'; op: string; l: BoundExpr; r: BoundExpr }
  | { k: 'cond'; c: BoundExpr; t: BoundExpr; f: BoundExpr }
  | { k: 'member'; e: BoundExpr; op: '.' | '->'; field: string }
  | { k: 'call'; fn: BoundExpr; args: BoundExpr[] }
  | { k: 'sizeof'; text: string } // sizeof(type) or sizeof expr, kept as text
  | { k: 'cast'; type: string; e: BoundExpr };

export class BoundExprError extends Error {}

interface Token {
  t: 'num' | 'id' | 'op' | 'str';
  s: string;
}

const OPS = ['<<=', '>>=', '->', '<<', '>>', '<=', '>=', '==', '!=', '&&', '||', '+', '-', '*', '/', '%', '<', '>', '&', '|', '^', '!', '~', '?', ':', '(', ')', ',', '.', '[', ']'];
const TYPE_WORDS = new Set(['int', 'unsigned', 'signed', 'long', 'short', 'char', 'size_t', 'ssize_t', 'u8', 'u16', 'u32', 'u64', 's8', 's16', 's32', 's64', '__u8', '__u16', '__u32', '__u64', '__le16', '__le32', '__be16', '__be32', 'uint8_t', 'uint16_t', 'uint32_t', 'uint64_t', 'int8_t', 'int16_t', 'int32_t', 'int64_t', 'uintptr_t', 'const', 'volatile', 'struct', 'union', 'enum', 'void']);

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) { i++; continue; }
    const num = /^(0[xX][0-9a-fA-F]+|\d+)[uUlL]*/.exec(src.slice(i));
    if (num) { out.push({ t: 'num', s: num[0] }); i += num[0].length; continue; }
    const id = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(src.slice(i));
    if (id) { out.push({ t: 'id', s: id[0] }); i += id[0].length; continue; }
    if (c === "'") {
      const m = /^'(\\.|[^'\\])+'/.exec(src.slice(i));
      if (!m) throw new BoundExprError(`bad character constant in '${src}'`);
      out.push({ t: 'str', s: m[0] }); i += m[0].length; continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new BoundExprError(`unexpected '${c}' in bound expression '${src}'`);
    out.push({ t: 'op', s: op }); i += op.length;
  }
  return out;
}

const BINARY: Record<string, number> = {
  '||': 1, '&&': 2, '|': 3, '^': 4, '&': 5, '==': 6, '!=': 6, '<': 7, '>': 7, '<=': 7, '>=': 7,
  '<<': 8, '>>': 8, '+': 9, '-': 9, '*': 10, '/': 10, '%': 10,
};

class Parser {
  private pos = 0;
  constructor(private readonly toks: Token[], private readonly src: string) {}

  parseAll(): BoundExpr[] {
    const list: BoundExpr[] = [];
    if (this.toks.length === 0) return list;
    list.push(this.expr());
    while (this.accept(',')) list.push(this.expr());
    if (this.pos < this.toks.length) throw new BoundExprError(`unexpected '${this.toks[this.pos].s}' in '${this.src}'`);
    return list;
  }

  private peek(): Token | undefined { return this.toks[this.pos]; }
  private accept(s: string): boolean {
    const t = this.peek();
    if (t && t.t === 'op' && t.s === s) { this.pos++; return true; }
    return false;
  }
  private expect(s: string): void {
    if (!this.accept(s)) throw new BoundExprError(`expected '${s}' in '${this.src}'`);
  }

  expr(): BoundExpr {
    const c = this.binary(1);
    if (this.accept('?')) {
      const t = this.expr();
      this.expect(':');
      const f = this.expr();
      return { k: 'cond', c, t, f };
    }
    return c;
  }

  private binary(minPrec: number): BoundExpr {
    let l = this.unary();
    for (;;) {
      const t = this.peek();
      const prec = t && t.t === 'op' ? BINARY[t.s] : undefined;
      if (prec === undefined || prec < minPrec) return l;
      this.pos++;
      const r = this.binary(prec + 1);
      l = { k: 'bin', op: t!.s, l, r };
    }
  }

  private typeName(): string | undefined {
    // '(' already consumed; a type name is a run of type words / identifiers ending in ')' with optional '*'.
    const save = this.pos;
    const words: string[] = [];
    let t = this.peek();
    if (!t || t.t !== 'id' || !(TYPE_WORDS.has(t.s) || /_t$/.test(t.s))) return undefined;
    while ((t = this.peek()) && (t.t === 'id' || (t.t === 'op' && t.s === '*'))) { words.push(t.s); this.pos++; }
    if (!this.accept(')')) { this.pos = save; return undefined; }
    return words.join(' ').replace(/ \*/g, ' *');
  }

  private unary(): BoundExpr {
    const t = this.peek();
    if (!t) throw new BoundExprError(`unexpected end of bound expression '${this.src}'`);
    if (t.t === 'op' && ['-', '+', '!', '~', '*', '&'].includes(t.s)) {
      this.pos++;
      return { k: 'unary', op: t.s, e: this.unary() };
    }
    if (t.t === 'id' && t.s === 'sizeof') {
      this.pos++;
      const start = this.pos;
      if (this.accept('(')) {
        let depth = 1;
        while (depth > 0) {
          const u = this.toks[this.pos++];
          if (!u) throw new BoundExprError(`unbalanced sizeof in '${this.src}'`);
          if (u.s === '(') depth++;
          if (u.s === ')') depth--;
        }
        return { k: 'sizeof', text: 'sizeof' + joinTokens(this.toks.slice(start, this.pos)) };
      }
      const e = this.unary();
      return { k: 'sizeof', text: `sizeof ${render(e)}` };
    }
    if (t.t === 'op' && t.s === '(') {
      this.pos++;
      const type = this.typeName();
      if (type !== undefined) return { k: 'cast', type, e: this.unary() };
      const e = this.expr();
      this.expect(')');
      return this.postfix(e);
    }
    this.pos++;
    if (t.t === 'num') return this.postfix({ k: 'num', value: parseCInt(t.s), text: t.s });
    if (t.t === 'str') return { k: 'num', value: BigInt(charValue(t.s)), text: t.s };
    if (t.t === 'id') return this.postfix({ k: 'id', name: t.s });
    throw new BoundExprError(`unexpected '${t.s}' in '${this.src}'`);
  }

  private postfix(e: BoundExpr): BoundExpr {
    for (;;) {
      if (this.accept('.')) e = { k: 'member', e, op: '.', field: this.ident() };
      else if (this.accept('->')) e = { k: 'member', e, op: '->', field: this.ident() };
      else if (this.accept('(')) {
        const args: BoundExpr[] = [];
        if (!this.accept(')')) {
          args.push(this.expr());
          while (this.accept(',')) args.push(this.expr());
          this.expect(')');
        }
        e = { k: 'call', fn: e, args };
      } else return e;
    }
  }

  private ident(): string {
    const t = this.peek();
    if (!t || t.t !== 'id') throw new BoundExprError(`expected a field name in '${this.src}'`);
    this.pos++;
    return t.s;
  }
}

function joinTokens(toks: Token[]): string {
  return toks.map((t) => t.s).join(' ').replace(/\( /g, '(').replace(/ \)/g, ')');
}

function parseCInt(s: string): bigint {
  return BigInt(s.replace(/[uUlL]+$/, ''));
}

function charValue(s: string): number {
  const body = s.slice(1, -1);
  if (body.startsWith('\\')) {
    const esc: Record<string, number> = { n: 10, t: 9, r: 13, '0': 0, '\\': 92, "'": 39 };
    return esc[body[1]] ?? body.charCodeAt(1);
  }
  return body.charCodeAt(0);
}

/** Parse the comma-separated arguments of an annotation. */
export function parseBoundArgs(src: string): BoundExpr[] {
  return new Parser(tokenize(src), src).parseAll();
}

/** Parse one bound expression. */
export function parseBoundExpr(src: string): BoundExpr {
  const list = parseBoundArgs(src);
  if (list.length !== 1) throw new BoundExprError(`expected one expression in '${src}'`);
  return list[0];
}

/** C text of an expression; `rename` maps free identifiers (not member names) to their text at the place of use. */
export function render(e: BoundExpr, rename: (name: string) => string = (n) => n): string {
  switch (e.k) {
    case 'num': return e.text;
    case 'id': return rename(e.name);
    case 'unary': return `${e.op}${wrap(e.e, rename)}`;
    case 'bin': return `${wrap(e.l, rename)} ${e.op} ${wrap(e.r, rename)}`;
    case 'cond': return `${wrap(e.c, rename)} ? ${wrap(e.t, rename)} : ${wrap(e.f, rename)}`;
    case 'member': return `${wrap(e.e, rename)}${e.op}${e.field}`;
    case 'call': return `${render(e.fn, rename)}(${e.args.map((a) => render(a, rename)).join(', ')})`;
    case 'sizeof': return e.text;
    case 'cast': return `(${e.type})${wrap(e.e, rename)}`;
  }
}

function wrap(e: BoundExpr, rename: (name: string) => string): string {
  const s = render(e, rename);
  return e.k === 'num' || e.k === 'id' || e.k === 'sizeof' || e.k === 'member' || e.k === 'call' ? s : `(${s})`;
}

/** Free identifiers an expression depends on (not member names, not inside sizeof). */
export function freeNames(e: BoundExpr, out = new Set<string>()): Set<string> {
  switch (e.k) {
    case 'id': out.add(e.name); break;
    case 'unary': freeNames(e.e, out); break;
    case 'bin': freeNames(e.l, out); freeNames(e.r, out); break;
    case 'cond': freeNames(e.c, out); freeNames(e.t, out); freeNames(e.f, out); break;
    case 'member': freeNames(e.e, out); break;
    case 'call': e.args.forEach((a) => freeNames(a, out)); break;
    case 'cast': freeNames(e.e, out); break;
    default: break;
  }
  return out;
}

const I64_MIN = -(1n << 63n);
const I64_MAX = (1n << 63n) - 1n;

/**
 * The value of a constant expression, or undefined if it is not constant (or
 * overflows 64 bits: bounds arithmetic that overflows is never trusted).
 * `lookup` gives values of named constants (enumerators).
 */
export function constValue(e: BoundExpr, lookup: (name: string) => bigint | undefined = () => undefined): bigint | undefined {
  const v = evalConst(e, lookup);
  return v !== undefined && v >= I64_MIN && v <= I64_MAX ? v : undefined;
}

function evalConst(e: BoundExpr, lookup: (name: string) => bigint | undefined): bigint | undefined {
  switch (e.k) {
    case 'num': return e.value;
    case 'id': return lookup(e.name);
    case 'cast': return evalConst(e.e, lookup);
    case 'unary': {
      const v = evalConst(e.e, lookup);
      if (v === undefined) return undefined;
      if (e.op === '-') return -v;
      if (e.op === '+') return v;
      if (e.op === '!') return v === 0n ? 1n : 0n;
      if (e.op === '~') return ~v;
      return undefined;
    }
    case 'bin': {
      const l = evalConst(e.l, lookup);
      const r = evalConst(e.r, lookup);
      if (l === undefined || r === undefined) return undefined;
      switch (e.op) {
        case '+': return l + r;
        case '-': return l - r;
        case '*': return l * r;
        case '/': return r === 0n ? undefined : l / r;
        case '%': return r === 0n ? undefined : l % r;
        case '<<': return r < 0n || r > 63n ? undefined : l << r;
        case '>>': return r < 0n || r > 63n ? undefined : l >> r;
        case '<': return l < r ? 1n : 0n;
        case '>': return l > r ? 1n : 0n;
        case '<=': return l <= r ? 1n : 0n;
        case '>=': return l >= r ? 1n : 0n;
        case '==': return l === r ? 1n : 0n;
        case '!=': return l !== r ? 1n : 0n;
        case '&': return l & r;
        case '|': return l | r;
        case '^': return l ^ r;
        case '&&': return l !== 0n && r !== 0n ? 1n : 0n;
        case '||': return l !== 0n || r !== 0n ? 1n : 0n;
        default: return undefined;
      }
    }
    case 'cond': {
      const c = evalConst(e.c, lookup);
      if (c === undefined) return undefined;
      return c !== 0n ? evalConst(e.t, lookup) : evalConst(e.f, lookup);
    }
    default: return undefined;
  }
}
