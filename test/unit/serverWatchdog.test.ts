/**
 * The client's watchdog, on a fake clock: a server that answers is pinged
 * again and again; one that stops answering is reported stuck once, after the
 * budget; a connection that failed is left to the crash handler.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ServerWatchdog, type WatchdogTimers } from '../../client/src/serverWatchdog';

class FakeClock implements WatchdogTimers {
  now = 0;
  private timers = new Map<number, { at: number; callback: () => void }>();
  private id = 0;

  setTimeout(callback: () => void, ms: number): unknown {
    this.timers.set(++this.id, { at: this.now + ms, callback });
    return this.id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  /** Moves time on, firing due timers in order and letting promise callbacks run between them. */
  async advance(ms: number): Promise<void> {
    const end = this.now + ms;
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      const due = [...this.timers.entries()].filter(([, timer]) => timer.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.now = due[1].at;
      due[1].callback();
    }
    this.now = end;
  }
}

describe('server watchdog', () => {
  it('keeps pinging a server that answers, and never reports it', async () => {
    const clock = new FakeClock();
    let pings = 0;
    const stuck: number[] = [];
    const watchdog = new ServerWatchdog({ ping: async () => void pings++, onStuck: (ms) => stuck.push(ms), intervalMs: 10, budgetMs: 30, timers: clock });
    await clock.advance(1_000);
    watchdog.stop();
    assert.equal(pings, 100);
    assert.deepEqual(stuck, []);
  });

  it('reports a server that stops answering once, when the budget has passed, and pings no more', async () => {
    const clock = new FakeClock();
    let pings = 0;
    let answering = true;
    const stuck: number[] = [];
    new ServerWatchdog({
      ping: () => {
        pings++;
        return answering ? Promise.resolve() : new Promise(() => undefined);
      },
      onStuck: () => stuck.push(clock.now),
      intervalMs: 10,
      budgetMs: 30,
      timers: clock,
    });
    await clock.advance(25);
    answering = false;
    await clock.advance(29);
    assert.deepEqual(stuck, [], 'not before the budget');
    await clock.advance(1_000);
    assert.deepEqual(stuck, [60], 'the ping sent at 30 ms went unanswered until 60 ms');
    assert.equal(pings, 3);
  });

  it('leaves a failed connection to the crash handler', async () => {
    const clock = new FakeClock();
    const stuck: number[] = [];
    new ServerWatchdog({ ping: () => Promise.reject(new Error('connection closed')), onStuck: (ms) => stuck.push(ms), intervalMs: 10, budgetMs: 30, timers: clock });
    await clock.advance(1_000);
    assert.deepEqual(stuck, []);
  });
});
