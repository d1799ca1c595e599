// -MD/-MMD made explicit for the preprocessing step. gcc's driver turns them
// into `-MD <file> -MQ <target>` from the *final* output name; fgftc
// preprocesses into a temporary file, so it spells out the file and target
// the same way gcc would have, and the .d file comes out byte-identical.
import { options, type CommandLine, type InputItem } from './command-line.js';
import { baseWithoutSuffix, replaceSuffix } from './languages.js';

/** Extra words for the preprocessing step of `input` (empty if no -MD/-MMD). */
export function explicitDependencyWords(cmd: CommandLine, input: InputItem): string[] {
  const opts = options(cmd);
  const driverDeps = opts.some((o) => o.name === '-MD' || o.name === '-MMD' ||
    o.name === '--write-dependencies' || o.name === '--write-user-dependencies');
  if (!driverDeps) return [];
  const words: string[] = [];
  const userFile = opts.some((o) => o.name.startsWith('-MF'));
  if (!userFile) {
    // gcc: %{!o:%b.d}%{o*:%.d%*}
    const file = cmd.output !== undefined ? replaceSuffix(cmd.output, '.d') : baseWithoutSuffix(input.path) + '.d';
    words.push('-MF', file);
  }
  const userTarget = opts.some((o) => o.name.startsWith('-MT') || o.name.startsWith('-MQ'));
  if (!userTarget && cmd.mode !== 'preprocess' && cmd.output !== undefined) {
    // gcc: %{!E:...%{!MT:%{!MQ:%{MD|MMD:%{o*:-MQ %*}}}}}
    words.push('-MQ', cmd.output);
  }
  return words;
}

