// A gcc command line split into options and inputs, in order, each option
// with its argument words and its role; nothing is reordered or dropped, so
// any step's command can be rebuilt from it.
import { joinedValue, roleOf, takesSeparateArgument, type OptionRole } from './gcc-options.js';
import { classifyInput, type InputKind } from './languages.js';

export interface OptionItem {
  type: 'option';
  words: string[]; // as written: ["-o", "x.o"] or ["-ox.o"]
  name: string; // the first word
  role: OptionRole;
}

export interface InputItem {
  type: 'input';
  path: string;
  kind: InputKind;
  language?: string; // gcc's language name, when it has one
  explicitLanguage: boolean; // chosen by -x rather than by suffix
}

export type CommandItem = OptionItem | InputItem;

export type Mode = 'preprocess' | 'assemble-only' | 'compile-only' | 'link';

export interface CommandLine {
  items: CommandItem[];
  mode: Mode; // -E, -S, -c, or none
  output?: string; // -o
}

/** The argument of an option item, joined or separate (e.g. -MF deps.d / -MFdeps.d). */
export function optionValue(item: OptionItem, name: string): string | undefined {
  if (item.words.length > 1) return item.words[1];
  return joinedValue(item.words[0], name);
}

function modeOf(items: readonly CommandItem[]): Mode {
  let e = false;
  let s = false;
  let c = false;
  for (const it of items) {
    if (it.type !== 'option') continue;
    if (it.name === '-E' || it.name === '--preprocess' || it.name === '-M' || it.name === '-MM') e = true;
    else if (it.name === '-S' || it.name === '--assemble') s = true;
    else if (it.name === '-c' || it.name === '--compile') c = true;
  }
  // gcc stops at the earliest step asked for.
  return e ? 'preprocess' : s ? 'assemble-only' : c ? 'compile-only' : 'link';
}

/** Split gcc arguments (response files already expanded). */
export function parseCommandLine(args: readonly string[]): CommandLine {
  const raw: Array<{ words: string[]; isInput: boolean }> = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-' || !a.startsWith('-')) {
      raw.push({ words: [a], isInput: true });
    } else if (takesSeparateArgument(a) && i + 1 < args.length) {
      raw.push({ words: [a, args[i + 1]], isInput: false });
      i++;
    } else {
      raw.push({ words: [a], isInput: false });
    }
  }
  const options: OptionItem[] = raw
    .filter((r) => !r.isInput)
    .map((r) => ({ type: 'option', words: r.words, name: r.words[0], role: roleOf(r.words[0]) }));
  const mode = modeOf(options);

  const items: CommandItem[] = [];
  let xLanguage = 'none';
  let output: string | undefined;
  let optionIndex = 0;
  for (const r of raw) {
    if (!r.isInput) {
      const opt = options[optionIndex++];
      items.push(opt);
      if (opt.role === 'language') xLanguage = languageValue(opt) ?? xLanguage;
      if (opt.role === 'output') output = optionValue(opt, opt.name.startsWith('--') ? '--output' : '-o');
      continue;
    }
    const path = r.words[0];
    const { kind, language } = classifyInput(path, xLanguage, mode === 'preprocess');
    items.push({ type: 'input', path, kind, language, explicitLanguage: xLanguage !== 'none' });
  }
  return { items, mode, output };
}

function languageValue(opt: OptionItem): string | undefined {
  if (opt.words.length > 1) return opt.words[1];
  if (opt.name.startsWith('--language=')) return opt.name.slice('--language='.length);
  if (opt.name.startsWith('-x')) return opt.name.slice(2);
  return undefined;
}

export function inputs(cmd: CommandLine): InputItem[] {
  return cmd.items.filter((i): i is InputItem => i.type === 'input');
}

export function options(cmd: CommandLine): OptionItem[] {
  return cmd.items.filter((i): i is OptionItem => i.type === 'option');
}

export function hasOption(cmd: CommandLine, ...names: string[]): boolean {
  return options(cmd).some((o) => names.includes(o.name));
}
