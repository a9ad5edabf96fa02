/**
 * The day-before reminder: every confirmed sign-up of a published lecture starting within
 * REMINDER_LEAD_MS is told once. Each reminder is recorded on its sign-up together with its in-app
 * message (one atomic store call), then delivered (a subscribe message in the cloud), so two runs at
 * once remind each person once, and a run stopped for time leaves the rest to the next.
 */
import { REMINDER_LEAD_MS } from '../../../src/core';
import type { Deps } from '../deps';
import { reminderNotice } from '../actions/lectures/notices';
import type { JobContext } from '../timer/job';

/** Lectures starting within the lead looked at per run. */
const LECTURES = 100;
/** Sign-ups read at a time. */
const BATCH = 50;

export interface LectureReminders {
  reminded: number;
  /** Stopped for time with reminders left: the next run continues. */
  more: boolean;
}

export async function remindLectures(deps: Deps, ctx?: Pick<JobContext, 'now' | 'deadline'>): Promise<LectureReminders> {
  const now = deps.clock.now();
  let reminded = 0;
  for (const lecture of await deps.store.lectures.listStarting(now, now + REMINDER_LEAD_MS, LECTURES)) {
    for (;;) {
      const batch = await deps.store.lectures.listToRemind(lecture.id, BATCH);
      for (const s of batch) {
        if (ctx && ctx.now() >= ctx.deadline) return { reminded, more: true };
        const notice = reminderNotice(s, lecture, now);
        if (!(await deps.store.lectures.remind(s.id, now, deps.notifier.message(notice)))) continue;
        reminded++;
        await deps.notifier.deliver(notice).catch((e: unknown) => deps.log.error('reminder not delivered', { signupId: s.id, error: String(e) }));
      }
      if (batch.length < BATCH) break;
    }
  }
  return { reminded, more: false };
}
