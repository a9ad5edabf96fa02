/**
 * The history's clock and agenda: what people do, each at its moment, and the real sweep run the
 * way the host's timer runs it (on its grid, every few minutes), but only when some report is due:
 * a year in which little happens between two deadlines costs two sweeps, not a hundred thousand.
 */
import type { Clock, Report } from '../../../../src/core';
import type { Deps } from '../../deps';
import { sweep } from '../../jobs/sweep';

export interface SimClock extends Clock {
  set(t: number): void;
}

export function simClock(start: number): SimClock {
  let t = start;
  return { now: () => t, set: (v) => void (t = v) };
}

interface Task {
  at: number;
  seq: number;
  run: () => Promise<void>;
}

/** A binary min-heap of tasks by time, then by the order they were planned. */
class Agenda {
  private items: Task[] = [];
  get size() {
    return this.items.length;
  }
  peek(): Task | undefined {
    return this.items[0];
  }
  private less(a: Task, b: Task) {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }
  push(t: Task) {
    const h = this.items;
    h.push(t);
    for (let i = h.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }
  pop(): Task | undefined {
    const h = this.items;
    const top = h[0];
    const last = h.pop();
    if (h.length && last) {
      h[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l], h[m])) m = l;
        if (r < h.length && this.less(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}

export interface SimulationOptions {
  /** The last moment of the history ("now"): nothing is done after it. */
  end: number;
  /** The host's timer period: the sweep runs on this grid. */
  sweepEveryMs: number;
  /** Told of each report the sweep changed (escalated, warned, closed), with the report before and after. */
  onSwept: (before: Report, after: Report) => Promise<void>;
}

export class Simulation {
  private agenda = new Agenda();
  private seq = 0;
  /** Reports the timer will look at again, as last saved, by id. */
  private watched = new Map<string, Report>();
  sweeps = 0;

  constructor(
    private readonly deps: Deps,
    private readonly clock: SimClock,
    private readonly o: SimulationOptions,
  ) {}

  get end(): number {
    return this.o.end;
  }

  /** Plans `run` at `t`; what would happen after the end never does. */
  at(t: number, run: () => Promise<void>): void {
    if (t > this.o.end) return;
    this.agenda.push({ at: Math.max(t, this.clock.now()), seq: this.seq++, run });
  }

  /** Keeps the timer's view of a report: call it with each report as saved. */
  watch(r: Report): void {
    if (r.nextCheckAt === null) this.watched.delete(r.id);
    else this.watched.set(r.id, r);
  }

  private earliestCheck(): number {
    let min = Infinity;
    for (const r of this.watched.values()) if (r.nextCheckAt! < min) min = r.nextCheckAt!;
    return min;
  }

  async run(): Promise<void> {
    const every = this.o.sweepEveryMs;
    const { end } = this.o;
    let lastSweep = -Infinity;
    for (;;) {
      const task = this.agenda.peek()?.at ?? Infinity;
      const due = this.earliestCheck();
      let sweepAt = due === Infinity ? Infinity : Math.max(Math.ceil(due / every) * every, lastSweep + every);
      // One last run at the end, so nothing due is left for the host's timer to find.
      if (sweepAt > end && due <= end && end > lastSweep) sweepAt = end;
      if (task > end && sweepAt > end) break;
      if (sweepAt <= task) {
        this.clock.set(sweepAt);
        await this.sweep();
        lastSweep = sweepAt;
      } else {
        const t = this.agenda.pop()!;
        this.clock.set(t.at);
        await t.run();
      }
    }
    this.clock.set(end);
  }

  private async sweep(): Promise<void> {
    const now = this.clock.now();
    const due = [...this.watched.values()].filter((r) => r.nextCheckAt! <= now);
    await sweep(this.deps, 'demo-history');
    this.sweeps++;
    for (const before of due) {
      const after = await this.deps.store.reports.get(before.id);
      if (!after) continue;
      this.watch(after);
      if (after.version !== before.version) await this.o.onSwept(before, after);
    }
  }
}
