/**
 * The sweep: warns, escalates on breach and auto-closes every report whose time has come. A timer
 * job (the timer's registry runs it); safe to run twice at once and to catch up after downtime.
 */
import { LEVEL_LABEL, autoClose, escalate, formatMonthDayTime, nextCheck, nextLevel, streetIdOfPath, timerStep, warn, type Act, type Calendar, type Change, type CommunityPolicy, type Report, type Route } from '../../../src/core';
import type { Deps } from '../deps';
import type { Notice } from '../ports/notifier';
import type { ReportSave } from '../store/port';
import { categoryOf, policyFor } from '../actions/policy';
import { about, escalationNotices, labelOf, noticeTo, type ReportLabel } from '../actions/reports/notices';
import { routeFrom } from '../actions/reports/routing';
import { mapAtOnce } from '../at-once';

export interface SweepResult {
  warned: number;
  escalated: number;
  closed: number;
  skipped: number;
}

export interface SweepOptions {
  /** Reports saved (in one saveAll) before `stop` is asked again; default: the whole claimed batch. */
  chunk?: number;
  /**
   * Asked before each claim and before each chunk after a batch's first: true stops the sweep there.
   * What it claimed and has not acted on is let go at once, so the next run takes it up.
   */
  stop?: () => boolean;
}

/** Notices sent at once: each is a few requests (the person, WeChat's send, its count). */
export const NOTICES_AT_ONCE = 8;

/**
 * Reports are claimed in bulk first, so two sweeps at once never act on the same report twice; a
 * sweep that finds days of backlog works through all of it, each report once. Each chunk of a
 * claimed batch is saved in one `saveAll` (the CloudBase adapter runs its saves a few at once),
 * every report with its timeline and the messages it sends; then its notices go out, a few at once,
 * while the next chunk is worked out and saved (a notice only ever follows its report's save).
 */
export async function sweep(deps: Deps, owner: string, batch = 1000, opts: SweepOptions = {}): Promise<SweepResult> {
  const res: SweepResult = { warned: 0, escalated: 0, closed: 0, skipped: 0 };
  const chunk = Math.max(1, opts.chunk ?? batch);
  const seen = new Set<string>();
  // Acted on earlier in this run and due again (e.g. flagged at the street with its warning time
  // past), or claimed and not reached before `stop`: let go untouched at the end.
  const held: Report[] = [];
  const now = deps.clock.now();
  // Thousands of due reports share a few dozen buildings: each community's policy, each street's
  // calendar and each route is looked up once per run (a snapshot as of the run, like `now`), not once per report.
  const policies = new Map<string | null, Promise<CommunityPolicy>>();
  const calendars = new Map<string, Promise<Calendar>>();
  const routes = new Map<string, Promise<Route>>();
  // What each notice names (category and place), read once per unit and category of a run.
  const labels = new Map<string, Promise<ReportLabel>>();
  const once = <K, V>(memo: Map<K, Promise<V>>, key: K, load: () => Promise<V>): Promise<V> => {
    let v = memo.get(key);
    if (!v) memo.set(key, (v = load()));
    return v;
  };

  /** The notices of the chunk saved last, still going out. */
  let sending: Promise<unknown> = Promise.resolve();

  /** Acts on claimed reports: one saveAll, then the notices of those that landed (sent in the background: `sending`). */
  async function actOn(claimed: readonly Report[]): Promise<void> {
    const saves: ReportSave[] = [];
    const done: { step: ReturnType<typeof timerStep>; notices: Notice[] }[] = [];
    for (const r of claimed) {
      const policy = await once(policies, r.communityId, () => policyFor(deps, r.communityId));
      const streetId = streetIdOfPath(r.unitPath);
      const cal = await once(calendars, streetId, () => deps.calendars.forStreet(streetId));
      const a: Act = { cal, policy, now, actorId: null, newId: () => deps.ids.next('evt') };
      const step = timerStep(r, policy, now);
      let change: Change | null = null;
      if (step === 'warn') change = warn(a, r);
      if (step === 'autoClose') change = autoClose(a, r);
      if (step === 'escalate') {
        const category = categoryOf(policy, r.category);
        const up = nextLevel(r.level, policy);
        const routeUp = up ? await once(routes, `${r.unitPath} ${category.code} ${up}`, () => routeFrom(deps, r, category, up, policy)) : null;
        change = escalate(a, r, category, routeUp, `超过${LEVEL_LABEL[r.level]}办理时限，自动上报`, true);
      }
      // Saving it ends the claim.
      const released = { ...(change?.report ?? r) };
      if (!change) released.nextCheckAt = nextCheck(r, policy);
      const label = step === 'warn' || step === 'escalate' ? await once(labels, `${r.unitPath} ${r.category}`, () => labelOf(deps, r, policy)) : null;
      // Kept in the in-app list and read later: the deadline as a date, never "明天".
      const notices =
        step === 'warn'
          ? noticeTo(released.handlerId, 'report.warning', '民情反映即将超时', `请在${formatMonthDayTime(released.dueAt)}前办结`, about(released, label!))
          : step === 'escalate'
            ? [
                ...noticeTo(r.handlerId, 'report.breached', '民情反映已超时，已自动上报', { note: r.description }, about(released, label!)),
                ...(released.level !== r.level ? escalationNotices(released, label!) : []),
              ]
            : [];
      saves.push({ report: released, before: r, expectedVersion: r.version, entries: change?.entries ?? [], also: { messages: notices.map((n) => deps.notifier.message(n)) } });
      done.push({ step, notices });
    }
    const saved = await deps.store.reports.saveAll(saves);
    const toSend: Notice[] = [];
    for (const [i, { step, notices }] of done.entries()) {
      if (!saved[i]) {
        res.skipped++;
        continue;
      }
      if (step === 'warn') res.warned++;
      else if (step === 'autoClose') res.closed++;
      else if (step === 'escalate') res.escalated++;
      toSend.push(...notices);
    }
    // One chunk's notices at a time, so no more than NOTICES_AT_ONCE go out together.
    await sending;
    // The in-app messages were saved with the reports: a notice that cannot go further is logged, and the sweep goes on.
    sending = mapAtOnce(toSend, NOTICES_AT_ONCE, (n) =>
      deps.notifier.deliver(n).catch((e) => deps.log.error('sweep: a notice was not delivered', { kind: n.kind, personId: n.personId, error: String((e as Error)?.message ?? e) })),
    );
  }

  sweeping: for (;;) {
    if (opts.stop?.()) break;
    const claimed = await deps.store.reports.claimDue(now, batch, owner, now + 5 * 60_000);
    if (claimed.length === 0) break;
    const fresh: Report[] = [];
    for (const r of claimed) {
      if (seen.has(r.id)) held.push(r);
      else {
        seen.add(r.id);
        fresh.push(r);
      }
    }
    for (let i = 0; i < fresh.length; i += chunk) {
      if (i > 0 && opts.stop?.()) {
        held.push(...fresh.slice(i));
        break sweeping;
      }
      await actOn(fresh.slice(i, i + chunk));
    }
  }
  await sending;
  await deps.store.reports.release(
    held.map((r) => r.id),
    owner,
  );
  return res;
}
