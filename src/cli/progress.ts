/**
 * A one-line progress display on stderr, redrawn at most every 100 ms and only on a
 * terminal: piped or redirected output stays clean. Messages printed through `log` appear
 * above the line instead of mixing with it.
 */
export class Progress {
  private readonly tty: boolean;
  private last = 0;
  private shown = false;
  private readonly t0 = performance.now();
  private frame = 0;

  constructor(enabled = true, private readonly stream: NodeJS.WriteStream = process.stderr) {
    this.tty = enabled && !!stream.isTTY;
  }

  update(done: number, total: number | undefined, detail: string, force = false): void {
    if (!this.tty) return;
    const now = performance.now();
    if (!force && now - this.last < 100) return;
    this.last = now;
    const width = Math.max(10, Math.min(30, (this.stream.columns ?? 80) - 60));
    let bar: string;
    if (total && total > 0) {
      const filled = Math.min(width, Math.round((done / total) * width));
      bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`;
    } else {
      // Total unknown (directories, feeds, stdin): a moving marker instead of a fill.
      const pos = this.frame++ % width;
      bar = `[${' '.repeat(pos)}<=>${' '.repeat(width - pos)}] ${done}`;
    }
    const line = `${bar} ${detail}`.slice(0, (this.stream.columns ?? 120) - 1);
    this.stream.write(`\r\x1b[2K${line}`);
    this.shown = true;
  }

  /** Seconds since the display was created. */
  elapsed(): number {
    return (performance.now() - this.t0) / 1000;
  }

  /** Prints a whole line above the progress line. */
  log(line: string): void {
    if (this.shown) this.stream.write('\r\x1b[2K');
    this.stream.write(line.endsWith('\n') ? line : line + '\n');
    this.shown = false;
  }

  clear(): void {
    if (this.tty && this.shown) this.stream.write('\r\x1b[2K');
    this.shown = false;
  }
}
