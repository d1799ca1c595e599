// The cc command lines fgftc runs for a transformed compile: one preprocessing
// step per C source, and one final step that is the user's own command with
// each C source replaced by its instrumented .i file.
import type { CommandItem, CommandLine, InputItem } from './command-line.js';
import { explicitDependencyWords } from './dependency-flags.js';
import type { OptionRole } from './gcc-options.js';
import { baseWithoutSuffix, replaceSuffix } from './languages.js';

/** Roles that matter to the preprocessor (the driver supplies -E, -x and -o itself). */
const PREPROCESSING_ROLES = new Set<OptionRole>(['ordinary', 'preprocessor', 'dependency']);

function preprocessingOptions(cmd: CommandLine): string[] {
  const words: string[] = [];
  for (const item of cmd.items) {
    if (item.type === 'option' && PREPROCESSING_ROLES.has(item.role)) words.push(...item.words);
  }
  return words;
}

/** `cc -E` for one C source, writing the preprocessed text to `outPath`. */
export function preprocessArguments(cmd: CommandLine, input: InputItem, outPath: string): string[] {
  return [
    '-E',
    '-D__FGFTC__',
    ...preprocessingOptions(cmd),
    ...explicitDependencyWords(cmd, input),
    '-x', 'c', input.path,
    '-o', outPath,
  ];
}

/** `cc -E` for an input fgftc does not transform, in a -E call that also has C sources (to stdout). */
export function untransformedPreprocessArguments(cmd: CommandLine, input: InputItem): string[] {
  const language = input.explicitLanguage ? ['-x', input.language ?? 'none'] : [];
  return ['-E', ...preprocessingOptions(cmd), ...language, input.path];
}

/**
 * The final step: the user's arguments in their order, each transformed
 * source replaced by its .i file. gcc ignores preprocessor and dependency
 * options for .i inputs, so they can stay for the inputs that still need them
 * (e.g. a .S file in the same call).
 */
export function finalArguments(cmd: CommandLine, replacements: ReadonlyMap<InputItem, string>): string[] {
  const args: string[] = [];
  const lastInput = cmd.items.reduce((last, item, k) => (item.type === 'input' ? k : last), -1);
  cmd.items.forEach((item, k) => args.push(...wordsFor(item, replacements, k < lastInput)));
  return args;
}

function wordsFor(item: CommandItem, replacements: ReadonlyMap<InputItem, string>, inputsFollow: boolean): string[] {
  if (item.type === 'option') return item.words;
  const file = replacements.get(item);
  if (file === undefined) return [item.path];
  if (!item.explicitLanguage) return [file]; // a .i suffix says cpp-output by itself
  // Under an explicit -x, say cpp-output, then restore the user's -x for the inputs after it
  // (not after the last one: gcc would warn that it has no effect).
  const restore = inputsFollow ? ['-x', item.language ?? 'none'] : [];
  return ['-x', 'cpp-output', file, ...restore];
}

/**
 * gcc's base name for auxiliary outputs of an input (what -save-temps uses):
 * the output minus its suffix for -c/-S -o, "<output>-<input base>" when linking.
 */
export function auxiliaryBase(cmd: CommandLine, input: InputItem): string {
  const base = baseWithoutSuffix(input.path);
  if (cmd.mode === 'link') return `${cmd.output ?? 'a'}-${base}`;
  if (cmd.output !== undefined && cmd.output !== '-') return replaceSuffix(cmd.output, '');
  return base;
}

/**
 * `cc -fsyntax-only` on the original sources with the user's preprocessor
 * options: run when the instrumented compile fails, so that errors the user's
 * own code has are shown exactly as gcc shows them (macro-expansion notes
 * included, which a compile of preprocessed text cannot give). Dependency
 * options are left out: the .d files are already written.
 */
export function syntaxCheckArguments(cmd: CommandLine, sources: readonly InputItem[]): string[] {
  const args = ['-fsyntax-only'];
  for (const item of cmd.items) {
    if (item.type !== 'option' || !PREPROCESSING_ROLES.has(item.role) || item.role === 'dependency') continue;
    if (/^-Wp,-M/.test(item.name)) continue;
    args.push(...item.words);
  }
  for (const s of sources) args.push('-x', s.kind === 'preprocessed-c' ? 'cpp-output' : 'c', s.path);
  return args;
}
