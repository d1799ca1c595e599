// A progress bar on stderr: redrawn in place on a terminal, a line every 10%
// otherwise (CI logs). Written here rather than taken from npm because it is
// twenty lines and the campaign should not add a dependency to the compiler.

export class Progress {
  private done = 0;
  private lastPercent = -1;
  private readonly started = performance.now();

  constructor(
    private readonly total: number,
    private readonly out: NodeJS.WriteStream = process.stderr,
    private readonly label = 'trials',
  ) {}

  tick(extra = ''): void {
    this.done++;
    const percent = this.total === 0 ? 100 : Math.floor((this.done * 100) / this.total);
    const secs = (performance.now() - this.started) / 1000;
    const rate = secs > 0 ? this.done / secs : 0;
    const eta = rate > 0 ? Math.round((this.total - this.done) / rate) : 0;
    const text = `${this.done}/${this.total} ${this.label} ${rate.toFixed(1)}/s ETA ${eta}s ${extra}`;
    if (this.out.isTTY) {
      const width = 30;
      const filled = Math.round((width * percent) / 100);
      this.out.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${percent}% ${text}\x1b[K`);
      if (this.done === this.total) this.out.write('\n');
    } else if (Math.floor(percent / 10) !== Math.floor(this.lastPercent / 10) || this.done === this.total) {
      this.out.write(`${percent}% ${text}\n`);
    }
    this.lastPercent = percent;
  }
}
