/**
 * The sweep: warns, escalates on breach and auto-closes every report whose time has come. A timer
 * job (the timer's registry runs it); safe to run twice at once and to catch up after downtime.
 */
import { LEVEL_LABEL, autoClose, escalate, formatMonthDayTime, nextCheck, nextLevel, streetIdOfPath, timerStep, warn, type Act, type Calendar, type Change, type CommunityPolicy, type Report, type Route } from '../../../src/core';
import type { Deps } from '../deps';
import type { Notice } from '../ports/notifier';
import type { ReportSave } from '../store/port';
import { categoryOf, policyFor } from '../actions/policy';
import { escalationNotices, noticeTo } from '../actions/reports/notices';
import { routeFrom } from '../actions/reports/routing';

export interface SweepResult {
  warned: number;
  escalated: number;
  closed: number;
  skipped: number;
}

/**
 * Reports are claimed in bulk first, so two sweeps at once never act on the same report twice; a
 * sweep that finds days of backlog works through all of it, each report once. Each claimed batch
 * is saved in one `saveAll`, every report with its timeline and the messages it sends.
 */
export async function sweep(deps: Deps, owner: string, batch = 1000): Promise<SweepResult> {
  const res: SweepResult = { warned: 0, escalated: 0, closed: 0, skipped: 0 };
  const seen = new Set<string>();
  // Acted on earlier in this run and due again (e.g. flagged at the street with its warning time
  // past): held, so the bulk claim does not hand them back, and let go untouched at the end.
  const held: Report[] = [];
  const now = deps.clock.now();
  // Thousands of due reports share a few dozen buildings: each community's policy, each street's
  // calendar and each route is looked up once per run (a snapshot as of the run, like `now`), not once per report.
  const policies = new Map<string | null, Promise<CommunityPolicy>>();
  const calendars = new Map<string, Promise<Calendar>>();
  const routes = new Map<string, Promise<Route>>();
  const once = <K, V>(memo: Map<K, Promise<V>>, key: K, load: () => Promise<V>): Promise<V> => {
    let v = memo.get(key);
    if (!v) memo.set(key, (v = load()));
    return v;
  };
  for (;;) {
    const claimed = await deps.store.reports.claimDue(now, batch, owner, now + 5 * 60_000);
    if (claimed.length === 0) break;
    const saves: ReportSave[] = [];
    const done: { step: ReturnType<typeof timerStep>; notices: Notice[] }[] = [];
    for (const r of claimed) {
      if (seen.has(r.id)) {
        held.push(r);
        continue;
      }
      seen.add(r.id);
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
        const up = nextLevel(r.level);
        const routeUp = up ? await once(routes, `${r.unitPath} ${category.code} ${up}`, () => routeFrom(deps, r, category, up)) : null;
        change = escalate(a, r, category, routeUp, `超过${LEVEL_LABEL[r.level]}办理时限，自动上报`, true);
      }
      // Saving it ends the claim.
      const released = { ...(change?.report ?? r) };
      if (!change) released.nextCheckAt = nextCheck(r, policy);
      const notices =
        step === 'warn'
          ? noticeTo(released.handlerId, 'report.warning', '民情反映即将超时', `请在${formatMonthDayTime(released.dueAt)}前办结`, r.id)
          : step === 'escalate'
            ? [...noticeTo(r.handlerId, 'report.breached', '民情反映已超时，已自动上报', r.description.slice(0, 40), r.id), ...(released.level !== r.level ? escalationNotices(released) : [])]
            : [];
      saves.push({ report: released, before: r, expectedVersion: r.version, entries: change?.entries ?? [], also: { messages: notices.map((n) => deps.notifier.message(n)) } });
      done.push({ step, notices });
    }
    const saved = await deps.store.reports.saveAll(saves);
    for (const [i, { step, notices }] of done.entries()) {
      if (!saved[i]) {
        res.skipped++;
        continue;
      }
      if (step === 'warn') res.warned++;
      else if (step === 'autoClose') res.closed++;
      else if (step === 'escalate') res.escalated++;
      for (const n of notices) await deps.notifier.deliver(n);
    }
  }
  await deps.store.reports.release(
    held.map((r) => r.id),
    owner,
  );
  return res;
}
