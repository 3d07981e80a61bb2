/**
 * Counts server crashes in a sliding time window, so that a server that keeps
 * crashing is given up on instead of restarted forever.
 */
export class RestartBudget {
  private crashes: number[] = [];

  constructor(
    private readonly maxRestarts: number,
    private readonly windowMs: number,
  ) {}

  /** Records a crash at `now` and says whether the server may be restarted. */
  allowRestart(now: number): boolean {
    this.crashes = this.crashes.filter((time) => now - time < this.windowMs);
    this.crashes.push(now);
    if (this.crashes.length <= this.maxRestarts) {
      return true;
    }
    // A manual restart after giving up deserves a full budget again.
    this.crashes = [];
    return false;
  }
}
