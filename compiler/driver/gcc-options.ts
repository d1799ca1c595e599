// What the driver needs to know about gcc's own options: which take their
// argument as the next word, and which step of the compile each one belongs to.
// Everything not listed here is an "ordinary" option: it goes to every step
// and gcc itself decides whether it is valid.

/** Where an option matters, which decides the steps it is given to. */
export type OptionRole =
  | 'output' // -o: the final step only
  | 'language' // -x: tracked per input; the driver passes its own -x to each step
  | 'mode' // -c -S -E: the driver chooses the mode of each step itself
  | 'dependency' // -M*: the preprocessing step only, so the .d file names the original sources
  | 'preprocessor' // -Wp, -Xpreprocessor: ignored by gcc for preprocessed input anyway
  | 'link' // linker and assembler options: meaningless (or noisy) while preprocessing
  | 'save-temps' // -save-temps: the final step only (the driver keeps its own .i files)
  | 'query' // -print-*, -dumpversion, --help...: the whole call is passed to cc unchanged
  | 'ordinary'; // anything else: warnings, -f, -m, -O, -g, -std, -D, -I, ... (every step)

/** Options whose argument is the next word when written alone (gcc also accepts most joined). */
const SEPARATE_ARGUMENT = new Set([
  '-o', '-I', '-D', '-U', '-include', '-imacros', '-isystem', '-iquote', '-idirafter', '-iprefix',
  '-iwithprefix', '-iwithprefixbefore', '-isysroot', '-imultilib', '-imultiarch', '-MF', '-MT', '-MQ',
  '-x', '-Xlinker', '-Xassembler', '-Xpreprocessor', '-L', '-l', '-u', '-T', '-Tbss', '-Tdata',
  '-Ttext', '-e', '-z', '-A', '-B', '-G', '--param', '-aux-info', '-wrapper', '-dumpbase',
  '-dumpbase-ext', '-dumpdir', '--sysroot', '--output', '--include', '--include-directory',
  '--include-directory-after', '--include-prefix', '--include-with-prefix',
  '--include-with-prefix-before', '--imacros', '--define-macro', '--undefine-macro', '--language',
  '--library-directory', '--entry', '--assert', '--for-linker', '--for-assembler', '--force-link',
  '--prefix', '--dumpbase', '--dumpdir', '--dumpbase-ext',
]);

export function takesSeparateArgument(name: string): boolean {
  return SEPARATE_ARGUMENT.has(name);
}

const EXACT_ROLES = new Map<string, OptionRole>([
  ['-o', 'output'], ['--output', 'output'],
  ['-x', 'language'], ['--language', 'language'],
  ['-c', 'mode'], ['-S', 'mode'], ['-E', 'mode'],
  ['--compile', 'mode'], ['--assemble', 'mode'], ['--preprocess', 'mode'],
  ['-M', 'dependency'], ['-MM', 'dependency'], ['-MD', 'dependency'], ['-MMD', 'dependency'],
  ['-MF', 'dependency'], ['-MT', 'dependency'], ['-MQ', 'dependency'], ['-MP', 'dependency'],
  ['-MG', 'dependency'], ['--dependencies', 'dependency'], ['--user-dependencies', 'dependency'],
  ['--write-dependencies', 'dependency'], ['--write-user-dependencies', 'dependency'],
  ['-Xpreprocessor', 'preprocessor'],
  ['-Xlinker', 'link'], ['-Xassembler', 'link'], ['-L', 'link'], ['-l', 'link'], ['-u', 'link'],
  ['-T', 'link'], ['-Tbss', 'link'], ['-Tdata', 'link'], ['-Ttext', 'link'], ['-e', 'link'],
  ['-z', 'link'], ['--entry', 'link'], ['--for-linker', 'link'], ['--for-assembler', 'link'],
  ['--force-link', 'link'], ['--library-directory', 'link'],
  ['-shared', 'link'], ['-static', 'link'], ['-static-pie', 'link'], ['-pie', 'link'],
  ['-no-pie', 'link'], ['-rdynamic', 'link'], ['-s', 'link'], ['-nostdlib', 'link'],
  ['-nostartfiles', 'link'], ['-nodefaultlibs', 'link'], ['-nolibc', 'link'], ['-r', 'link'],
  ['-symbolic', 'link'], ['-static-libgcc', 'link'], ['-shared-libgcc', 'link'],
  ['-static-libstdc++', 'link'], ['-static-libasan', 'link'], ['-static-libubsan', 'link'],
  ['-save-temps', 'save-temps'], ['--save-temps', 'save-temps'],
  ['-###', 'query'], ['--help', 'query'], ['--target-help', 'query'], ['--version', 'query'],
  ['-dumpversion', 'query'], ['-dumpfullversion', 'query'], ['-dumpmachine', 'query'],
  ['-dumpspecs', 'query'], ['-fsyntax-only', 'query'], ['-print-search-dirs', 'query'],
  ['-print-libgcc-file-name', 'query'], ['-print-multiarch', 'query'],
  ['-print-multi-directory', 'query'], ['-print-multi-lib', 'query'],
  ['-print-multi-os-directory', 'query'], ['-print-sysroot', 'query'],
  ['-print-sysroot-headers-suffix', 'query'],
  ['-undef', 'ordinary'], // not -u<symbol>
]);

/** Joined prefixes, longest first, so that e.g. -MF wins over -M. */
const PREFIX_ROLES: Array<[string, OptionRole]> = [
  ['--output=', 'output'],
  ['--language=', 'language'],
  ['-save-temps=', 'save-temps'],
  ['--save-temps=', 'save-temps'],
  ['-print-', 'query'],
  ['--print-', 'query'],
  ['--help=', 'query'],
  ['-Wp,', 'preprocessor'],
  ['-Wl,', 'link'],
  ['-Wa,', 'link'],
  ['-MF', 'dependency'],
  ['-MT', 'dependency'],
  ['-MQ', 'dependency'],
  ['-o', 'output'],
  ['-x', 'language'],
  ['-L', 'link'],
  ['-l', 'link'],
  ['-u', 'link'],
  ['-z', 'link'],
  ['-Ttext=', 'link'],
  ['-Tdata=', 'link'],
  ['-Tbss=', 'link'],
  ['--entry=', 'link'],
  ['--library-directory=', 'link'],
  ['-T', 'link'], // -T<script>
];

/** The role of an option, given its first word (e.g. "-MF", "-MFdeps.d", "-Wl,-O1"). */
export function roleOf(firstWord: string): OptionRole {
  const exact = EXACT_ROLES.get(firstWord);
  if (exact) return exact;
  for (const [prefix, role] of PREFIX_ROLES) {
    if (firstWord.startsWith(prefix) && firstWord.length > prefix.length) return role;
  }
  return 'ordinary';
}

/** The value of a joined option, e.g. joinedValue("-MFdeps.d", "-MF") === "deps.d". */
export function joinedValue(word: string, name: string): string | undefined {
  if (!word.startsWith(name) || word.length === name.length) return undefined;
  const rest = word.slice(name.length);
  return name.startsWith('--') && rest.startsWith('=') ? rest.slice(1) : rest;
}
