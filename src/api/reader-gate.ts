/**
 * Requests being answered, and a writer that lets them go first: `turn` resolves once none is
 * in hand (after a turn of the event loop, so requests that just arrived are counted), or after
 * `maxMs` when reading never pauses.
 */
export class ReaderGate {
  private reading = 0;
  private waiting: (() => void) | undefined;

  /** Counts one request until the function returned is called (again: no effect). */
  reader(): () => void {
    this.reading++;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      if (--this.reading === 0) this.waiting?.();
    };
  }

  get inHand(): number {
    return this.reading;
  }

  async turn(maxMs: number): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    if (this.reading === 0) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, maxMs);
      this.waiting = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.waiting = undefined;
  }
}
