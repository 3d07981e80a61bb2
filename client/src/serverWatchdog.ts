/**
 * Notices a server that is alive but no longer answers. The language client
 * restarts a server that crashed, but one stuck in a loop keeps its process
 * and would leave the editor without diagnostics for good. The watchdog pings
 * the server now and then; a ping unanswered within the budget means the
 * server is stuck, and the owner restarts it and says so.
 *
 * It knows nothing of VS Code, so its timing can be tested with fake clocks.
 */
export interface WatchdogTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface WatchdogOptions {
  /** Sends the ping; settles when the server answers. */
  ping(): Promise<unknown>;
  /** Called once when a ping goes unanswered for `budgetMs`. */
  onStuck(waitedMs: number): void;
  /** Time between the answer to one ping and the next ping. */
  intervalMs: number;
  /** How long a ping may go unanswered. Longer than the slowest analysis of a spec within the size limit. */
  budgetMs: number;
  timers?: WatchdogTimers;
}

const realTimers: WatchdogTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class ServerWatchdog {
  private next: unknown;
  private deadline: unknown;
  private stopped = false;
  private readonly timers: WatchdogTimers;

  constructor(private readonly options: WatchdogOptions) {
    this.timers = options.timers ?? realTimers;
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    this.timers.clearTimeout(this.next);
    this.timers.clearTimeout(this.deadline);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.next = this.timers.setTimeout(() => this.check(), this.options.intervalMs);
  }

  private check(): void {
    if (this.stopped) return;
    let answered = false;
    this.deadline = this.timers.setTimeout(() => {
      if (answered || this.stopped) return;
      this.stop();
      this.options.onStuck(this.options.budgetMs);
    }, this.options.budgetMs);
    this.options.ping().then(
      () => {
        answered = true;
        this.timers.clearTimeout(this.deadline);
        this.schedule();
      },
      // A failed ping means the connection is gone: the client's own crash handling takes over.
      () => {
        answered = true;
        this.timers.clearTimeout(this.deadline);
      },
    );
  }
}
