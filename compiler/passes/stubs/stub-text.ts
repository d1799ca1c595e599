// The C text of one entry stub. The original definition is renamed
// (e1000_open -> __fgft_orig_e1000_open) and the stub, with the original name
// and signature, is appended right after it:
//
//   static int e1000_open(struct net_device *netdev)
//   {
//   	struct __jmp_buf_tag *__kr_env = kr_enter_driver("e1000_open");
//   	int __kr_ret;
//
//   	if (!__kr_env)
//   		return -5; /* -EIO: driver not loaded */
//   	if (__sigsetjmp(__kr_env, 0)) {
//   		kr_driver_failed();
//   		return -5; /* -EIO */
//   	}
//   	__kr_ret = __fgft_orig_e1000_open(netdev);
//   	kr_exit_driver();
//   	return __kr_ret;
//   }
//
// The jump buffer lives in the runtime's per-thread frame stack, so the stub
// needs no runtime type definitions; savemask 0 keeps sigprocmask off the hot
// path (the runtime's handlers run with SA_NODEFER). A stub returning
// NETDEV_TX_BUSY calls kr_driver_failed_keep(skb) instead: the stack keeps
// the skb, so recovery must not release it.
import type Parser from 'tree-sitter';
import type { ParsedUnit } from '../../frontend/unit.js';
import type { EntryPoint } from './entry-points.js';
import { failureValueFor, type FailureValue } from './failure-value.js';
import { namedFunctionDeclarator, oneLine, parametersOf, walk } from './syntax.js';

export const ORIGINAL_PREFIX = '__fgft_orig_';

/** Everything the pass needs to turn one definition into original + stub. */
export interface StubPlan {
  nameStart: number; // the definition's name, to rename
  nameEnd: number;
  /** Prototype of the stub to put before the definition (only if the body calls itself). */
  prototype?: string;
  comment: string; // says why this stub exists
  pragmas: string[]; // lines before the stub (a matching pop follows it)
  stub: string; // the stub's definition, appended after the original
  failure: FailureValue;
}

/** Why a definition cannot get a stub. */
export interface StubRefusal {
  refused: string;
}

export function planStub(unit: ParsedUnit, entry: EntryPoint, definition: Parser.SyntaxNode): StubPlan | StubRefusal {
  const fn = namedFunctionDeclarator(definition.childForFieldName('declarator'));
  const body = definition.childForFieldName('body');
  if (!fn || !body) return { refused: 'its declarator is not understood' };
  const params = parametersOf(fn.declarator);
  if (params.variadic) return { refused: 'it is variadic (its arguments cannot be forwarded)' };
  if (params.unnamed) return { refused: 'it has unnamed or old-style parameters' };

  const computed = failureValueFor(unit, definition.childForFieldName('type'), fn.returnsPointer);
  const failure: FailureValue =
    entry.failOverride !== undefined && computed.kind === 'value'
      ? { kind: 'value', text: `(${entry.failOverride})`, meaning: `KR_FAIL(${entry.failOverride})` }
      : computed;
  const header = oneLine(unit.parseText.slice(definition.startIndex, body.startIndex));
  const name = entry.name;
  const call = `${ORIGINAL_PREFIX}${name}(${params.names.join(', ')})`;
  const why = entry.reasons.map((r) => r.detail).join('; ');

  const lines = [header, '{'];
  lines.push(`\tstruct __jmp_buf_tag *__kr_env = kr_enter_driver("${name}");`);
  if (failure.kind === 'value') lines.push(`\t${returnVariable(unit, definition, fn.declarator)};`);
  lines.push('');
  const ret = failure.kind === 'value' ? `return ${failure.text};` : 'return;';
  lines.push('\tif (!__kr_env)', `\t\t${ret} /* ${failure.meaning}: driver not loaded */`);
  const kept = failure.keeps === undefined ? -1 : params.types.indexOf(failure.keeps);
  const failed = kept >= 0 ? `kr_driver_failed_keep(${params.names[kept]}); /* the caller keeps it */` : 'kr_driver_failed();';
  lines.push('\tif (__sigsetjmp(__kr_env, 0)) {', `\t\t${failed}`, `\t\t${ret} /* ${failure.meaning} */`, '\t}');
  if (failure.kind === 'value') {
    lines.push(`\t__kr_ret = ${call};`, '\tkr_exit_driver();', '\treturn __kr_ret;');
  } else {
    lines.push(`\t${call};`, '\tkr_exit_driver();');
  }
  lines.push('}');
  // The parameters are live across __sigsetjmp but never modified after it
  // and never used on the failure path, so gcc's -Wclobbered is a false
  // positive here (C11 7.13.2.1p3).
  const comment = `/* fgftc: krecover entry stub for ${name} (${why.replace(/\*\//g, '* /')}) */`;
  const pragmas = ['#pragma GCC diagnostic push', '#pragma GCC diagnostic ignored "-Wclobbered"'];

  return {
    nameStart: fn.name.startIndex,
    nameEnd: fn.name.endIndex,
    prototype: callsItself(body, name) ? `${header};` : undefined,
    comment,
    pragmas,
    stub: lines.join('\n'),
    failure,
  };
}

/**
 * `int __kr_ret`, `struct sk_buff *__kr_ret`, `int (*__kr_ret)(int)`: the
 * definition's type and declarator with the function part replaced by the
 * variable name, and storage classes (static, inline) dropped.
 */
function returnVariable(unit: ParsedUnit, definition: Parser.SyntaxNode, fnDeclarator: Parser.SyntaxNode): string {
  const declarator = definition.childForFieldName('declarator');
  if (!declarator) return 'int __kr_ret';
  const specifiers: string[] = [];
  for (const c of definition.namedChildren) {
    if (c.startIndex >= declarator.startIndex) break;
    if (c.type === 'storage_class_specifier' || c.type === 'comment') continue;
    specifiers.push(unit.parseText.slice(c.startIndex, c.endIndex));
  }
  const text = unit.parseText;
  const decl =
    text.slice(declarator.startIndex, fnDeclarator.startIndex) + '__kr_ret' + text.slice(fnDeclarator.endIndex, declarator.endIndex);
  return oneLine(`${specifiers.join(' ')} ${decl}`);
}

function callsItself(body: Parser.SyntaxNode, name: string): boolean {
  let found = false;
  walk(body, (n) => {
    if (!found && n.type === 'identifier' && n.text === name) found = true;
  });
  return found;
}
