/**
 * The demo's year of reports (cloudfunctions/lib/seed/history/) is made by the real engine: every
 * state it leaves is one the product reaches. Seeded once on a fixed "now", then read as staff,
 * handlers and the timer would.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fixedClock, isOpen, type Dashboard, type RateFigure, type Report, type Result, type TimelineEntry } from '../../src/core';
import { DEMO_PASSWORD } from '../../cloudfunctions/lib/actions/auth';
import { makeDeps, randomIds, type Deps } from '../../cloudfunctions/lib/deps';
import { dispatch } from '../../cloudfunctions/lib/functions';
import type { Credentials } from '../../cloudfunctions/lib/identity';
import { localPhotos } from '../../cloudfunctions/lib/ports/photos';
import { seedDemo } from '../../cloudfunctions/lib/seed/demo';
import { openSqliteStore } from '../../cloudfunctions/lib/store/sqlite';
import type { Store } from '../../cloudfunctions/lib/store/port';
import { data } from '../support/harness';

const NOW = Date.parse('2026-11-23T09:00:00+08:00');
const MIN = 60_000;
const DAY = 24 * 60 * MIN;
/** The host's timer period the history sweeps on (JINLIN_TIMER_MINUTES' default). */
const SWEEP_EVERY = 5 * MIN;
const REPORTS = 100;

interface Seeded {
  deps: Deps;
  store: Store;
  /** What the seed logged as an error (a step the engine refused). */
  errors: unknown[];
  reports: Report[];
  timelines: Map<string, TimelineEntry[]>;
}

async function seeded(seed?: number): Promise<Seeded> {
  const dir = mkdtempSync(path.join(tmpdir(), 'jinlin-demo-history-'));
  const store = openSqliteStore(path.join(dir, 'jinlin.db'));
  const errors: unknown[] = [];
  const deps = makeDeps(store, {
    clock: fixedClock(NOW),
    log: { info() {}, error: (msg, extra) => void errors.push({ msg, ...extra }) },
    photos: localPhotos(path.join(dir, 'files'), randomIds),
  });
  await seedDemo(deps, { residents: 300, reports: REPORTS, seed });
  const reports = await store.reports.list({ path: '/' }, 10_000);
  const timelines = new Map<string, TimelineEntry[]>();
  for (const r of reports) timelines.set(r.id, await store.reports.timeline(r.id));
  return { deps, store, errors, reports, timelines };
}

describe('the demo history', () => {
  let s: Seeded;
  let call: <T>(fn: string, action: string, data: unknown, cred?: Credentials) => Promise<Result<T>>;
  let as: (username: string) => Promise<Credentials>;
  const open = () => s.reports.filter((r) => isOpen(r.status));
  const closedUnrated = () => s.reports.filter((r) => r.status === 'closed' && !r.rating);

  beforeAll(async () => {
    s = await seeded();
    call = (fn, action, d, cred = {}) => dispatch(s.deps, fn, { action, data: d }, cred) as never;
    as = async (username) => ({ token: data(await call<{ token: string }>('auth', 'signIn', { username, password: DEMO_PASSWORD })).token });
  });
  afterAll(() => s.store.close());

  it('files every report it was asked for, and the engine refuses none of its steps', () => {
    expect(s.reports).toHaveLength(REPORTS);
    expect(s.errors).toEqual([]);
  });

  it('spans the past year in every state the product reaches', () => {
    const created = s.reports.map((r) => r.createdAt);
    expect(Math.min(...created)).toBeGreaterThanOrEqual(NOW - 365 * DAY);
    expect(Math.min(...created)).toBeLessThan(NOW - 180 * DAY);
    const types = new Set([...s.timelines.values()].flat().map((e) => e.type));
    for (const t of ['respond', 'resolve', 'rate', 'autoClose', 'warn', 'breach', 'escalate', 'dispute', 'transfer', 'requestExtension', 'decideExtension'])
      expect([t, types.has(t as TimelineEntry['type'])]).toEqual([t, true]);
    expect(open().length).toBeGreaterThan(0);
    expect(closedUnrated().length).toBeGreaterThan(0);
    expect(s.reports.some((r) => r.rating === 'unsatisfied' && r.followUp)).toBe(true);
  });

  it('writes nothing dated after now: no entry, response, fix or message', async () => {
    for (const r of s.reports) {
      for (const t of [r.createdAt, r.updatedAt, r.respondedAt, r.resolvedAt, r.closedAt, r.levelStartedAt]) if (t !== null) expect(t).toBeLessThanOrEqual(NOW);
      for (const e of s.timelines.get(r.id)!) expect(e.at).toBeLessThanOrEqual(NOW);
    }
    for (const username of ['shequ', 'wuye', 'louzhang', 'jumin']) {
      const person = (await s.store.people.findByUsername(username))!;
      for (const m of await s.store.messages.listForPerson(person.id, 1000)) {
        expect(m.createdAt).toBeLessThanOrEqual(NOW);
        if (m.readAt !== null) expect(m.readAt).toBeLessThanOrEqual(NOW);
      }
    }
  });

  it('leaves no open report past its deadline where a level above could take it: the sweep handed it up', () => {
    for (const r of open()) {
      if (r.level === 'street') expect(r.dueAt > NOW - SWEEP_EVERY || r.flagged).toBe(true);
      else expect([r.id, r.level, r.dueAt]).toEqual([r.id, r.level, Math.max(r.dueAt, NOW - SWEEP_EVERY)]);
    }
    // Every breach is the sweep's: it hands the report up (or flags it at the street) in the same moment.
    for (const [id, timeline] of s.timelines) {
      for (const b of timeline.filter((e) => e.type === 'breach')) {
        expect(b.actorId).toBeNull();
        const moved = timeline.some((e) => e.type === 'escalate' && e.at === b.at && e.actorId === null);
        expect([id, moved || b.fromLevel === 'street']).toEqual([id, true]);
      }
    }
  });

  it('gives every open report a handler, or records the level it skipped', () => {
    for (const r of open()) {
      if (r.handlerId) continue;
      expect(s.timelines.get(r.id)!.some((e) => e.type === 'skip' && e.fromLevel === r.level)).toBe(true);
    }
  });

  it('has each fix made by the handler of the level that fixed it, before now', () => {
    const fixed = s.reports.filter((r) => r.resolvedAt !== null);
    expect(fixed.length).toBeGreaterThan(REPORTS / 2);
    for (const r of fixed) {
      const resolves = s.timelines.get(r.id)!.filter((e) => e.type === 'resolve');
      const last = resolves[resolves.length - 1];
      expect([r.id, last.actorId, last.at]).toEqual([r.id, r.handlerId, r.resolvedAt]);
      expect(r.resolvedLevel).toBe(r.level);
    }
  });

  it('closes an unrated fix by itself 7 days after it, never sooner', () => {
    for (const r of closedUnrated()) {
      const closing = s.timelines.get(r.id)!.find((e) => e.type === 'autoClose')!;
      expect(closing.actorId).toBeNull();
      expect(r.closedAt! - r.resolvedAt!).toBeGreaterThanOrEqual(7 * DAY);
      expect(r.closedAt! - r.resolvedAt!).toBeLessThanOrEqual(7 * DAY + SWEEP_EVERY);
    }
  });

  it("keeps the property manager's inbox to what is due now", async () => {
    const wuye = await as('wuye');
    const inbox = data(await call<{ reports: { dueAt: number; overdue: boolean }[]; counts: { assigned: number; overdue: number } }>('reports', 'inbox', { view: 'assigned' }, wuye));
    expect(inbox.counts.overdue).toBe(0);
    for (const r of inbox.reports) expect(r.dueAt).toBeGreaterThan(NOW - 30 * DAY);
    const all = data(await call<{ reports: { dueAt: number }[] }>('reports', 'inbox', { view: 'all' }, wuye));
    for (const r of all.reports) expect(r.dueAt).toBeGreaterThan(NOW - 30 * DAY);
  });

  it('gives staff dashboard figures they can believe', async () => {
    const d = data(await call<Dashboard>('management', 'dashboard', {}, await as('shequ')));
    expect(d.totals.open.value).toBe(open().length);
    expect(d.totals.overdue.value).toBe(open().filter((r) => r.dueAt < NOW).length);
    expect(d.totals.overdue.value).toBeLessThanOrEqual(d.totals.open.value);
    const inYear = d.months.reduce((n, m) => n + m.reports.value, 0);
    expect(inYear).toBeGreaterThanOrEqual(REPORTS * 0.9);
    expect(inYear).toBeLessThanOrEqual(REPORTS);
    const overall = (pick: (m: Dashboard['months'][number]) => RateFigure) => {
      const figures = d.months.map(pick);
      for (const f of figures.filter((x) => x.rate !== null)) {
        expect(f.rate).toBeGreaterThanOrEqual(0);
        expect(f.rate).toBeLessThanOrEqual(1);
      }
      const num = figures.reduce((n, f) => n + f.numerator.value, 0);
      const den = figures.reduce((n, f) => n + f.denominator.value, 0);
      return num / den;
    };
    expect(overall((m) => m.responseRate)).toBeGreaterThan(0.6);
    expect(overall((m) => m.onTimeRate)).toBeGreaterThan(0.6);
    expect(overall((m) => m.onTimeRate)).toBeLessThan(1);
    expect(overall((m) => m.satisfactionRate)).toBeGreaterThan(0.6);
    expect(overall((m) => m.satisfactionRate)).toBeLessThanOrEqual(1);
  });

  it('tells the same story for the same seed and now', async () => {
    const again = await seeded();
    const story = (x: Seeded) =>
      x.reports.map((r) => [r.createdAt, r.category, r.channel, r.status, r.level, r.escalations, r.disputes, r.rating, r.resolvedAt, r.closedAt].join(' ')).sort();
    expect(story(again)).toEqual(story(s));
    await again.store.close();
  });
});
