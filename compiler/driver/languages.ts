// Which kind of input a file is, from `-x LANG` or, under `-x none`, from its
// suffix, following gcc's default_compilers table.

/** What the driver does with an input. */
export type InputKind =
  | 'c' // C source: preprocess, transform, compile
  | 'preprocessed-c' // .i / -x cpp-output: transform, compile
  | 'other-source' // assembly, .S, headers, C++, ...: given to cc unchanged
  | 'linker' // objects, archives, shared libraries, anything unknown
  | 'stdin-without-language'; // "-" with no -x: gcc refuses it unless -E

const SUFFIX_LANGUAGES: Record<string, string> = {
  c: 'c',
  i: 'cpp-output',
  h: 'c-header',
  s: 'assembler',
  S: 'assembler-with-cpp',
  sx: 'assembler-with-cpp',
  cc: 'c++', cp: 'c++', cxx: 'c++', cpp: 'c++', CPP: 'c++', 'c++': 'c++', C: 'c++',
  ii: 'c++-cpp-output',
  hh: 'c++-header', H: 'c++-header', hp: 'c++-header', hxx: 'c++-header', hpp: 'c++-header',
  HPP: 'c++-header', 'h++': 'c++-header', tcc: 'c++-header',
  m: 'objective-c', mi: 'objective-c-cpp-output', mm: 'objective-c++', M: 'objective-c++',
  mii: 'objective-c++-cpp-output',
  f: 'f77', for: 'f77', ftn: 'f77', F: 'f77-cpp-input', FOR: 'f77-cpp-input', FTN: 'f77-cpp-input',
  fpp: 'f77-cpp-input', FPP: 'f77-cpp-input', f90: 'f95', f95: 'f95', f03: 'f95', f08: 'f95',
  F90: 'f95-cpp-input', F95: 'f95-cpp-input', F03: 'f95-cpp-input', F08: 'f95-cpp-input',
  go: 'go', d: 'd', di: 'd', dd: 'd', ads: 'ada', adb: 'ada',
};

/** gcc's language for a file name under `-x none`, or undefined for a linker input. */
export function languageFromSuffix(path: string): string | undefined {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  if (dot < 0) return undefined;
  return SUFFIX_LANGUAGES[base.slice(dot + 1)];
}

/** Classify one input given the `-x` in force ('none' when there is none). */
export function classifyInput(path: string, xLanguage: string, preprocessOnly: boolean): { kind: InputKind; language?: string } {
  const language = xLanguage !== 'none' ? xLanguage : path === '-' ? undefined : languageFromSuffix(path);
  if (path === '-' && language === undefined) {
    return preprocessOnly ? { kind: 'c', language: 'c' } : { kind: 'stdin-without-language' };
  }
  if (language === undefined) return { kind: 'linker' };
  if (language === 'c') return { kind: 'c', language };
  if (language === 'cpp-output') return { kind: 'preprocessed-c', language };
  return { kind: 'other-source', language };
}

/** The usual object/assembly/... name for an input, as gcc derives it: strip directory and suffix. */
export function baseWithoutSuffix(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/** gcc's %.d rule: replace the suffix after the last '/' by `suffix` (add it if none). */
export function replaceSuffix(path: string, suffix: string): string {
  const slash = path.lastIndexOf('/');
  const dot = path.lastIndexOf('.');
  return (dot > slash ? path.slice(0, dot) : path) + suffix;
}
