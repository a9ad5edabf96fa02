/**
 * sendNoticeFanouts: tells the people of each notice fan-out (store.noticeFanouts: a topic opened or
 * decided for a whole community), a chunk at a time, oldest fan-out first, until its time is up; the
 * next run goes on from the cursor. Two runs at once never tell the same person of a fan-out: a run
 * sends only what it holds by a lease, and moves the cursor only at the version it holds. The one
 * repeat possible is a chunk sent by a run that stopped (killed at the function's timeout, a crash)
 * before its advance was stored: the next claimer sends that chunk again, at most CHUNK people told
 * twice, nobody skipped.
 */
import type { Deps } from '../deps';
import type { Notice } from '../ports/notifier';
import type { NoticeFanout } from '../store/port';
import type { JobContext } from '../timer/job';

/** People told at once: each is an in-app write and, in the cloud, a WeChat send. */
export const FANOUT_CHUNK = 50;

/**
 * How long a run holds a fan-out past its last advance: longer than the `timer` function's timeout
 * (240 s, timer/registry.ts), so a run is over (or was killed) before its fan-out can be taken from
 * it. A run out of time lets go at once; only a run that died leaves a fan-out waiting this long.
 */
export const FANOUT_LEASE_MS = 5 * 60_000;

/** Fan-outs are kept this long after their last person is told (who was told is not kept longer). */
export const FANOUT_KEPT_MS = 7 * 24 * 3600_000;

export interface FanoutSending {
  /** People this run told. */
  told: number;
  /** Fan-outs this run finished. */
  finished: number;
  /** Stopped for time: the next run continues. */
  more: boolean;
}

const noticeFor = (f: NoticeFanout, personId: string): Notice => ({ personId, kind: f.kind, title: f.title, body: f.body, page: f.page ?? undefined, fields: f.fields });

export async function sendNoticeFanouts(deps: Deps, ctx?: Pick<JobContext, 'now' | 'deadline'>, chunk = FANOUT_CHUNK): Promise<FanoutSending> {
  const out: FanoutSending = { told: 0, finished: 0, more: false };
  const outOfTime = () => !!ctx && ctx.now() >= ctx.deadline;
  await deps.store.noticeFanouts.purgeDone(deps.clock.now() - FANOUT_KEPT_MS);
  for (;;) {
    if (outOfTime()) return { ...out, more: true };
    const claimedAt = deps.clock.now();
    let held = await deps.store.noticeFanouts.claim(claimedAt, claimedAt + FANOUT_LEASE_MS);
    if (!held) return out;
    while (held) {
      const at = deps.clock.now();
      if (outOfTime()) {
        // Let go, so the next run takes it at once rather than after the lease.
        await deps.store.noticeFanouts.advance(held, held.next, at, null);
        return { ...out, more: true };
      }
      const f: NoticeFanout = held;
      const people = f.personIds.slice(f.next, f.next + chunk);
      // A notice never stops the others: a failed one is logged, as an action's tell does.
      await Promise.all(
        people.map((personId) =>
          deps.notifier.notify(noticeFor(f, personId)).catch((e: unknown) => deps.log.error('fan-out notice not sent', { fanoutId: f.id, kind: f.kind, personId, error: String(e) })),
        ),
      );
      out.told += people.length;
      const now = deps.clock.now();
      const moved = await deps.store.noticeFanouts.advance(f, f.next + people.length, now, now + FANOUT_LEASE_MS);
      if (!moved) {
        // Its lease passed and another run took it: that run goes on from the stored cursor.
        deps.log.error('notice fan-out taken by another run', { fanoutId: f.id, next: f.next });
        break;
      }
      if (moved.doneAt !== null) {
        out.finished++;
        held = null;
      } else held = moved;
    }
  }
}
