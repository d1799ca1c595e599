// Decide whether a gcc command line is fgftc's business at all. Anything it
// does not transform goes to cc exactly as written, so gcc keeps the last word
// on queries, probes, non-C inputs and on its own error messages.
import { statSync } from 'node:fs';
import { inputs, options, type CommandLine, type InputItem } from './command-line.js';

export type Plan = { action: 'passthrough'; reason: string } | { action: 'transform'; sources: InputItem[] };

/**
 * True if `path` is a source fgftc should read: it exists and is not a
 * directory (gcc's errors for those are better left to gcc), and it is not
 * /dev/null, which build systems compile to probe the compiler's options.
 */
function isReadableSource(path: string): boolean {
  if (path === '/dev/null') return false;
  try {
    return !statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Inputs fgftc transforms in this mode (a .i under -E is not preprocessed again: gcc ignores it). */
export function transformableInputs(cmd: CommandLine): InputItem[] {
  return inputs(cmd).filter((i) => i.kind === 'c' || (i.kind === 'preprocessed-c' && cmd.mode !== 'preprocess'));
}

function preprocessorOutputIsNotC(cmd: CommandLine): boolean {
  // -P (no line markers), -dM/-dD/... (macro dumps), -fdirectives-only: cpp used as a macro processor.
  return options(cmd).some((o) => o.name === '-P' || /^-d[MDNIU]+$/.test(o.name) || o.name === '-fdirectives-only');
}

export function planCommand(cmd: CommandLine): Plan {
  const all = inputs(cmd);
  const query = options(cmd).find((o) => o.role === 'query');
  if (query) return { action: 'passthrough', reason: `query option ${query.name}` };
  if (options(cmd).some((o) => o.name === '-M' || o.name === '-MM')) {
    return { action: 'passthrough', reason: 'dependency output only (-M/-MM)' };
  }
  if (all.some((i) => i.kind === 'stdin-without-language')) {
    return { action: 'passthrough', reason: "'-' without -x (gcc's error)" };
  }
  const sources = transformableInputs(cmd);
  if (sources.length === 0) return { action: 'passthrough', reason: 'no C input' };
  if (cmd.mode === 'preprocess' && preprocessorOutputIsNotC(cmd)) {
    return { action: 'passthrough', reason: 'preprocessor output that is not C to compile' };
  }
  const unreadable = sources.find((s) => s.path !== '-' && !isReadableSource(s.path));
  if (unreadable) return { action: 'passthrough', reason: `${unreadable.path}: missing, a directory, or /dev/null` };
  const compiled = all.filter((i) => i.kind !== 'linker');
  if (cmd.output !== undefined && cmd.mode !== 'link' && compiled.length > 1) {
    return { action: 'passthrough', reason: "-o with several inputs (gcc's error)" };
  }
  return { action: 'transform', sources };
}
