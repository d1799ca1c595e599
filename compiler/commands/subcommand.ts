// The shape of one fgftc subcommand. Subcommands parse their own arguments
// (with commander) and resolve to the process exit status.
export interface Subcommand {
  name: string; // lower-case word, e.g. "lint"
  description: string; // one line, shown by `fgftc --help`
  run(argv: string[]): Promise<number>;
}
