/**
 * A year of reports made by the real engine: residents file them through the use-cases, handlers
 * respond, resolve, hand up and ask as people do, and the real sweep runs on a clock that moves
 * through the year — so every state the demo shows is one the product reaches. Deterministic for a
 * given seed and "now".
 */
import type { Deps } from '../../deps';
import { inAppNotifier, type Notifier } from '../../ports/notifier';
import { storeCalendars } from '../../street-calendars';
import type { DemoPeople } from '../people';
import { rng } from '../rng';
import type { DemoTree } from '../tree';
import { cast } from './cast';
import { planFilings } from './filings';
import { Simulation, simClock, type SimClock } from './simulation';
import { Story } from './story';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;

export interface HistoryOptions {
  reports: number;
  /** The history starts this many days before now. */
  days: number;
  seed: number;
  /** The host's timer period (JINLIN_TIMER_MINUTES' default): the sweep runs on this grid. */
  sweepEveryMinutes?: number;
}

export interface HistoryResult {
  reports: number;
  /** Use-cases run by the demo's people. */
  actions: number;
  sweeps: number;
  /** Steps the engine refused: the seed's mistakes (each is logged). */
  refused: number;
}

/**
 * People read their messages some minutes to hours after they come, mostly: the list a demo
 * person opens is not a year of unread notices.
 */
function readingNotifier(deps: Deps, base: Notifier, end: number, seed: number): Notifier {
  const r = rng(seed);
  const message: Notifier['message'] = (n) => {
    const m = base.message(n);
    const readAt = r.chance(0.97) ? m.createdAt + Math.round(r.between(5 * MIN, 8 * 60 * MIN)) : null;
    return { ...m, readAt: readAt !== null && readAt <= end ? readAt : null };
  };
  return { message, deliver: base.deliver, notify: (n) => deps.store.messages.insert(message(n)) };
}

/** The history's deps: the seed's store and ids on a clock of its own that moves through the year. */
function historyDeps(deps: Deps, clock: SimClock, end: number, seed: number): Deps {
  const notifier = readingNotifier(deps, inAppNotifier(deps.store, clock, deps.ids), end, seed);
  return { ...deps, clock, notifier, calendars: storeCalendars(deps.store, clock) };
}

/** Files `reports` reports over the `days` before now and lives through them; the clock of `deps` is "now". */
export async function seedHistory(deps: Deps, tree: DemoTree, people: DemoPeople, o: HistoryOptions): Promise<HistoryResult> {
  const end = deps.clock.now();
  const start = end - o.days * DAY;
  const clock = simClock(start);
  const h = historyDeps(deps, clock, end, o.seed + 1);
  const r = rng(o.seed);
  let story: Story | null = null;
  const sim = new Simulation(h, clock, { end, sweepEveryMs: (o.sweepEveryMinutes ?? 5) * MIN, onSwept: (before, after) => story!.swept(before, after) });
  story = new Story({ deps: h, sim, perform: cast(h), r, cal: await h.calendars.forStreet(tree.street.id), people });
  for (const f of planFilings(tree, people, { count: o.reports, start, end, seed: o.seed, r })) sim.at(f.at, () => story!.file(f));
  await sim.run();
  return { reports: story.reports, actions: story.actions, sweeps: sim.sweeps, refused: story.refused };
}
