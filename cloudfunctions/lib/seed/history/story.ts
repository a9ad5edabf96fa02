/**
 * What the demo's people do with each report, as they would: the handler at each level responds,
 * then resolves, or asks the resident, transfers it, asks the level above for more time, hands it up
 * as beyond them, or lets it slip past its deadline (and the sweep hands it up); the resident rates
 * the fix, says it is not fixed, or lets it close itself; staff call back the unsatisfied.
 *
 * Every step goes through the use-case as the person who would take it, at a moment they would. A
 * report's steps are one plan per stay at a level: when it moves (a manual escalation, the sweep, a
 * dispute) the plan is dropped and the new handler makes their own.
 */
import { hasLevelAbove, isOpen, nextLevel, type Calendar, type Level, type Rating, type Report } from '../../../../src/core';
import { categoryOf, policyFor } from '../../actions/policy';
import { chainOf, routeFrom } from '../../actions/reports/routing';
import type { Deps } from '../../deps';
import type { DemoPeople } from '../people';
import type { Rng } from '../rng';
import type { Perform } from './cast';
import type { Filing } from './filings';
import { atDesk, awake } from './hours';
import type { Simulation } from './simulation';
import { ACKNOWLEDGEMENTS, BEYOND, CALLS_BACK, DELAYS, DEPARTMENTS, DUPLICATE, fixFor, NOT_ACTIONABLE, OTHER_DEPARTMENT, PROGRESS, QUESTIONS, RATING_NOTES, STILL_BROKEN, UNANSWERED } from './texts';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

type Fate = 'resolve' | 'escalate' | 'slow' | 'late' | 'ask' | 'extend' | 'transfer' | 'reject';

/** What a handler at each level ends up doing with a report that reaches them, and how often. */
const FATES: Record<Level, readonly [Fate, number][]> = {
  building: [['resolve', 0.74], ['escalate', 0.1], ['slow', 0.06], ['ask', 0.04], ['extend', 0.04], ['reject', 0.02]],
  // A grid's lead knows the households: most is settled there, the rest goes to the compound.
  grid: [['resolve', 0.76], ['escalate', 0.1], ['slow', 0.05], ['ask', 0.03], ['extend', 0.04], ['reject', 0.02]],
  compound: [['resolve', 0.7], ['escalate', 0.07], ['slow', 0.05], ['ask', 0.04], ['extend', 0.06], ['transfer', 0.06], ['reject', 0.02]],
  community: [['resolve', 0.72], ['escalate', 0.04], ['slow', 0.04], ['ask', 0.04], ['extend', 0.05], ['transfer', 0.08], ['reject', 0.03]],
  // The top: nobody to hand it to; a slow street resolves late, flagged for its leaders.
  street: [['resolve', 0.8], ['late', 0.08], ['ask', 0.02], ['transfer', 0.1]],
};
/** A report the resident said is not fixed: the handler mostly gets it done this time. */
const AGAIN: readonly [Fate, number][] = [['resolve', 0.85], ['escalate', 0.1], ['slow', 0.05]];

/** Problems neighbours share (a lamp, a lift, the bins), which they +1; not someone's own paperwork or quarrel. */
const SHARED = ['noise', 'illegal_construction', 'public_facility', 'lift', 'sanitation', 'fire_safety', 'property_service', 'ebike'];

/** Categories a handler may decline as not theirs to act on. */
const DECLINABLE = ['neighbour_dispute', 'residence_permit', 'other'];

interface Step {
  at: number;
  run: (r: Report) => Promise<Step | null>;
}

export interface StoryContext {
  /** The history's deps: its clock, its notifier. */
  deps: Deps;
  sim: Simulation;
  perform: Perform;
  r: Rng;
  /** The street's working days (staff work on them). */
  cal: Calendar;
  people: DemoPeople;
}

export class Story {
  /** Each report's current plan: a step of an older plan finds a newer number and does nothing. */
  private plans = new Map<string, number>();
  /** Reports a neighbour filed again: the second one's id → the first one's. */
  private duplicates = new Map<string, string>();
  /** Reports filed on a building lately, newest last: what a neighbour may file again. */
  private recent: { id: string; at: number; building: string }[] = [];
  private readonly staff: string;
  reports = 0;
  actions = 0;
  refused = 0;

  constructor(private readonly c: StoryContext) {
    this.staff = c.people.byUsername.get('shequ')!;
  }

  private now(): number {
    return this.c.deps.clock.now();
  }

  private refuse(action: string, code: string, message: string, reportId: string | null) {
    this.refused++;
    // The engine refusing what the seed asked means the seed's story is wrong: say so.
    this.c.deps.log.error('demo history: refused', { action, code, message, reportId });
  }

  /** Does `action` on the report as `personId`; the report as saved, or null if refused. */
  private async act(personId: string, action: string, r: Report, data: Record<string, unknown> = {}): Promise<Report | null> {
    const res = await this.c.perform(personId, 'reports', action, { id: r.id, version: r.version, ...data });
    if (!res.ok) {
      this.refuse(`reports.${action}`, res.code, res.message, r.id);
      return null;
    }
    this.actions++;
    const saved = await this.c.deps.store.reports.get(r.id);
    if (saved) this.c.sim.watch(saved);
    return saved;
  }

  private begin(id: string, step: Step | null): void {
    const plan = (this.plans.get(id) ?? 0) + 1;
    this.plans.set(id, plan);
    this.schedule(id, plan, step);
  }

  private schedule(id: string, plan: number, step: Step | null): void {
    if (!step) return;
    this.c.sim.at(step.at, async () => {
      if (this.plans.get(id) !== plan) return;
      const r = await this.c.deps.store.reports.get(id);
      if (r) this.schedule(id, plan, await step.run(r));
    });
  }

  /** When the person handling at `level` gets to something they mean to do at `t`. */
  private when(level: Level, urgent: boolean, t: number): number {
    // A stopped lift or a blocked fire lane is seen to at any hour.
    if (urgent && this.c.r.chance(0.7)) return t;
    return level === 'community' || level === 'street' ? atDesk(t, this.c.cal, this.c.r) : awake(t, this.c.r);
  }

  /** A moment between `from` and `deadline` (a share `lo`–`hi` of the way), in working hours if that still makes it. */
  private by(r: Report, from: number, deadline: number, lo: number, hi: number): number {
    if (deadline <= from) return from + this.c.r.between(MIN, 10 * MIN);
    const target = from + this.c.r.between(lo, hi) * (deadline - from);
    const t = this.when(r.level, r.urgent, target);
    return t < deadline - 5 * MIN ? t : target;
  }

  private fate(r: Report): Fate {
    const table = r.disputes > 0 ? AGAIN : FATES[r.level];
    let x = this.c.r.next();
    for (const [fate, p] of table) if ((x -= p) < 0) return fate;
    return 'resolve';
  }

  /** A resident files (or someone records for them); the report then goes where routing puts it. */
  async file(f: Filing): Promise<void> {
    const { r } = this.c;
    let by = f.by;
    let input = f.input;
    let twin: string | null = null;
    // Now and then a neighbour reports what someone in the building reported a day ago.
    if (r.chance(0.04)) {
      const since = this.now() - 2 * DAY;
      for (const x of [...this.recent].reverse()) {
        if (x.at < since) break;
        const first = await this.c.deps.store.reports.get(x.id);
        const neighbours = (this.c.people.residents.get(x.building) ?? []).filter((p) => p !== first?.residentId && p !== first?.createdBy);
        if (!first || !isOpen(first.status) || first.unitId !== x.building || neighbours.length === 0) continue;
        twin = first.id;
        by = r.pick(neighbours);
        input = { clientRequestId: input.clientRequestId, unitId: first.unitId, category: first.category, description: first.description };
        break;
      }
    }
    const res = await this.c.perform<{ report: { id: string } }>(by, 'reports', 'create', input);
    if (!res.ok) return this.refuse('reports.create', res.code, res.message, null);
    this.reports++;
    const report = (await this.c.deps.store.reports.get(res.data.report.id))!;
    this.c.sim.watch(report);
    if (twin) this.duplicates.set(report.id, twin);
    if (report.unitId === f.building.id) this.recent.push({ id: report.id, at: report.createdAt, building: f.building.id });
    if (this.recent.length > 200) this.recent.splice(0, 100);
    this.neighboursFollow(report);
    await this.arrive(report);
  }

  /** Neighbours who have the same problem say so (+1) while it is open. */
  private neighboursFollow(report: Report): void {
    const { r } = this.c;
    if (!SHARED.includes(report.category) || !r.chance(0.15)) return;
    const neighbours = (this.c.people.residents.get(report.unitId) ?? []).filter((p) => p !== report.residentId && p !== report.createdBy);
    for (let k = 1 + r.int(2); k > 0 && neighbours.length; k--) {
      const who = neighbours.splice(r.int(neighbours.length), 1)[0];
      this.c.sim.at(awake(this.now() + r.between(30 * MIN, DAY), r), async () => {
        const now = await this.c.deps.store.reports.get(report.id);
        if (!now || !isOpen(now.status)) return;
        const res = await this.c.perform(who, 'reports', 'follow', { id: report.id });
        if (!res.ok) return this.refuse('reports.follow', res.code, res.message, report.id);
        this.actions++;
        const saved = await this.c.deps.store.reports.get(report.id);
        if (saved) this.c.sim.watch(saved);
      });
    }
  }

  /** The sweep moved a report on (or warned, or closed it): a new level's handler makes a plan. */
  async swept(before: Report, after: Report): Promise<void> {
    if (after.level !== before.level || after.handlerId !== before.handlerId) await this.arrive(after);
  }

  /** The report has reached its handler at a level (filed, handed up, or reopened): their plan. */
  private async arrive(r: Report): Promise<void> {
    const h = r.handlerId;
    if (!h || !isOpen(r.status)) return this.begin(r.id, null);
    const rnd = this.c.r;
    const now = this.now();
    const twin = this.duplicates.get(r.id);
    if (twin && r.escalations === 0 && r.disputes === 0) {
      return this.begin(r.id, {
        at: this.by(r, now, r.respondBy, 0.1, 0.9),
        run: async (x) => (await this.act(h, 'reject', x, { kind: 'duplicate', reason: DUPLICATE, duplicateOf: twin }), null),
      });
    }
    let fate = this.fate(r);
    if (fate === 'ask' && !r.residentId) fate = 'resolve';
    if (fate === 'reject' && !DECLINABLE.includes(r.category)) fate = 'resolve';
    if ((fate === 'escalate' || fate === 'extend') && !hasLevelAbove(r.level)) fate = 'resolve';
    // Nobody above the street takes it over: its officer gets there, late.
    if (fate === 'slow' && !hasLevelAbove(r.level)) fate = 'late';
    const then = (from: number) => this.plan(r, h, fate, from);
    // The product offers "respond" only until someone has: a report handed up keeps its first response.
    if (r.respondedAt === null && (fate !== 'slow' || rnd.chance(0.5))) {
      const at = rnd.chance(0.82) ? this.by(r, now, r.respondBy, 0.05, 0.9) : this.when(r.level, r.urgent, r.respondBy + rnd.between(0.2, 2.5) * (r.respondBy - now));
      const note = rnd.chance(0.5) ? { note: rnd.pick(ACKNOWLEDGEMENTS) } : {};
      return this.begin(r.id, { at, run: async (x) => ((await this.act(h, 'respond', x, note)) ? then(this.now()) : null) });
    }
    this.begin(r.id, then(now));
  }

  /** The handler's plan after responding. */
  private plan(r: Report, h: string, fate: Fate, from: number): Step | null {
    const rnd = this.c.r;
    const due = r.dueAt;
    switch (fate) {
      case 'slow':
        return null;
      case 'late':
        return { at: this.when(r.level, r.urgent, due + rnd.between(0.5, 4) * DAY), run: (x) => this.resolve(x, h) };
      case 'escalate':
        return {
          at: this.by(r, from, due, 0.05, 0.5),
          run: async (x) => {
            const up = await this.act(h, 'escalate', x, { reason: rnd.pick(BEYOND[x.level]) });
            if (up) await this.arrive(up);
            return null;
          },
        };
      case 'transfer':
        return {
          at: this.by(r, from, due, 0.05, 0.3),
          run: async (x) => ((await this.act(h, 'transfer', x, { department: DEPARTMENTS[x.category] ?? OTHER_DEPARTMENT })) ? this.resolveBy(x, h, this.now(), due, 0.3, 0.95) : null),
        };
      case 'reject':
        return { at: this.by(r, from, due, 0.05, 0.4), run: async (x) => (await this.act(h, 'reject', x, { kind: 'notActionable', reason: rnd.pick(NOT_ACTIONABLE) }), null) };
      case 'ask':
        return this.ask(r, h, from);
      case 'extend':
        return this.extend(r, h, from);
      case 'resolve':
        if (rnd.chance(0.2))
          return { at: this.by(r, from, due, 0.1, 0.4), run: async (x) => ((await this.act(h, 'comment', x, { note: rnd.pick(PROGRESS) })) ? this.resolveBy(x, h, this.now(), due, 0.2, 0.9) : null) };
        return this.resolveBy(r, h, from, due, 0.1, 0.9);
    }
  }

  /** The handler asks the resident something; the resident mostly answers, and then it gets done. */
  private ask(r: Report, h: string, from: number): Step {
    const rnd = this.c.r;
    const [question, answer] = rnd.pick(QUESTIONS);
    return {
      at: this.by(r, from, r.dueAt, 0.05, 0.3),
      run: async (x) => {
        const asked = await this.act(h, 'requestInfo', x, { question });
        if (!asked) return null;
        if (!asked.residentId || !rnd.chance(0.85)) {
          // Unanswered, it waits for the resident until the sweep hands it up; at the street, whose
          // officer has nobody to hand it to, it is declined before its deadline.
          if (hasLevelAbove(asked.level)) return null;
          return { at: this.by(asked, this.now(), asked.dueAt, 0.6, 0.95), run: async (y) => (await this.act(h, 'reject', y, { kind: 'notActionable', reason: UNANSWERED }), null) };
        }
        const resident = asked.residentId;
        return {
          at: awake(this.now() + rnd.between(HOUR, 20 * HOUR), rnd),
          run: async (y) => ((await this.act(resident, 'provideInfo', y, { answer })) ? this.resolveBy(y, h, this.now(), y.dueAt, 0.2, 0.9) : null),
        };
      },
    };
  }

  /** The handler asks the level above for more time; its handler decides; the fix comes within the time given. */
  private extend(r: Report, h: string, from: number): Step {
    const rnd = this.c.r;
    return {
      at: this.by(r, from, r.dueAt, 0.4, 0.8),
      run: async (x) => {
        const policy = await policyFor(this.c.deps, x.communityId);
        const deciderLevel = nextLevel(x.level, policy, await chainOf(this.c.deps, { path: x.unitPath }));
        const decider = deciderLevel ? (await routeFrom(this.c.deps, x, categoryOf(policy, x.category), deciderLevel, policy)).stop : null;
        // Nobody above to ask: get on with it.
        if (!decider?.handlerId || decider.level !== deciderLevel) return this.resolveBy(x, h, this.now(), x.dueAt, 0.1, 0.9);
        const asked = await this.act(h, 'requestExtension', x, { days: x.urgent ? 1 : 2 + rnd.int(4), reason: rnd.pick(DELAYS) });
        if (!asked) return null;
        const approve = rnd.chance(0.85);
        const decideAt = this.when(decider.level, false, this.now() + rnd.between(0.05, 0.5) * Math.max(HOUR, asked.dueAt - this.now()));
        return {
          at: Math.min(decideAt, asked.dueAt - 5 * MIN),
          run: async (y) => {
            const decided = await this.act(decider.handlerId!, 'decideExtension', y, { approve, ...(approve && rnd.chance(0.5) ? { note: '同意，请抓紧' } : {}) });
            if (!decided) return null;
            // Refused more time, some handlers make it anyway; others let it go up.
            return approve || rnd.chance(0.6) ? this.resolveBy(decided, h, this.now(), decided.dueAt, 0.3, 0.9) : null;
          },
        };
      },
    };
  }

  private resolveBy(r: Report, h: string, from: number, due: number, lo: number, hi: number): Step {
    return { at: this.by(r, from, due, lo, hi), run: (x) => this.resolve(x, h) };
  }

  private async resolve(r: Report, h: string): Promise<Step | null> {
    const done = await this.act(h, 'resolve', r, { note: fixFor(r.category, r.description) });
    return done ? this.reaction(done) : null;
  }

  /** The resident's answer to the fix: a rating, "not fixed", or nothing (it closes itself after 7 days). */
  private reaction(r: Report): Step | null {
    const rnd = this.c.r;
    // Recorded for someone not registered: nobody can rate it.
    if (!r.residentId) return null;
    const resident = r.residentId;
    const resolvedAt = r.resolvedAt ?? this.now();
    const p = rnd.next();
    if (p < 0.7) {
      const q = rnd.next();
      const rating: Rating = q < 0.74 ? 'satisfied' : q < 0.93 ? 'basically_satisfied' : 'unsatisfied';
      const note = rnd.pick(RATING_NOTES[rating]);
      return {
        at: awake(resolvedAt + rnd.between(30 * MIN, 4 * DAY), rnd),
        run: async (x) => {
          const rated = await this.act(resident, 'rate', x, { rating, ...(note ? { note } : {}) });
          if (!rated?.followUp || !rnd.chance(0.85)) return null;
          return { at: atDesk(this.now() + rnd.between(2 * HOUR, 3 * DAY), this.c.cal, rnd), run: async (y) => (await this.act(this.staff, 'closeFollowUp', y, { note: rnd.pick(CALLS_BACK) }), null) };
        },
      };
    }
    if (p < 0.77 && r.disputes === 0) {
      return {
        at: awake(resolvedAt + rnd.between(2 * HOUR, 3 * DAY), rnd),
        run: async (x) => {
          const reopened = await this.act(resident, 'dispute', x, { reason: rnd.pick(STILL_BROKEN) });
          if (reopened) await this.arrive(reopened);
          return null;
        },
      };
    }
    return null;
  }
}
