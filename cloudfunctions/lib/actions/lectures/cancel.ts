/**
 * Cancelling a lecture with a reason: it takes no more sign-ups, and everyone signed up or waiting
 * is told (in-app, and by subscribe message in the cloud). The sign-ups stay as they were: the roster
 * still says who had a seat.
 */
import { DomainError } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/lectures';
import { audit } from '../common';
import { personAction, type FunctionDef } from '../define';
import { managedLecture } from './access';
import { cancellationNotice } from './notices';
import { staffViewOf } from './views';

/** Notices sent at once when a lecture is cancelled. */
const NOTICES_AT_ONCE = 16;

export const cancel: FunctionDef = {
  cancel: personAction(schemas.lectures.cancel, async (ctx, input) => {
    const { deps } = ctx;
    const { lecture, community } = await managedLecture(ctx, input.id);
    if (lecture.status === 'cancelled') throw new DomainError('LECTURE.CANCELLED', '这场讲座已经取消了');
    if (lecture.version !== input.version) throw new DomainError('CONFLICT.VERSION');
    const now = deps.clock.now();
    const cancelled = await deps.store.lectures.cancel(lecture.id, input.version, now, ctx.caller.person.id, input.reason);
    if (!cancelled) throw new DomainError('CONFLICT.VERSION');
    // Read after the cancellation landed: whoever signed up before it is on this list.
    const active = (await deps.store.lectures.listSignups(lecture.id)).filter((s) => s.status !== 'cancelled');
    // A few at a time: a full lecture's hundreds of notices, one after another, would outlast the function's timeout in the cloud.
    let next = 0;
    const tell = async () => {
      while (next < active.length) {
        const s = active[next++];
        await deps.notifier.notify(cancellationNotice(s, cancelled, now)).catch((e: unknown) => deps.log.error('cancellation notice not sent', { signupId: s.id, error: String(e) }));
      }
    };
    await Promise.all(Array.from({ length: Math.min(NOTICES_AT_ONCE, active.length) }, tell));
    await audit(ctx, 'lectures.cancel', 'lecture', lecture.id, { title: lecture.title, reason: input.reason, told: active.length }, community.path);
    return { ...(await staffViewOf(deps, ctx.caller, cancelled)), told: active.length };
  }),
};
