/** 我的报名: one's sign-ups (not the cancelled ones), lectures still to come first, soonest first, then past ones, latest first. */
import * as schemas from '../../../../src/core/schemas/lectures';
import { personAction, type FunctionDef } from '../define';
import { lectureSummary, mySignupOf, pictureAddresses } from './views';

const MINE_LIMIT = 100;

export const mine: FunctionDef = {
  mine: personAction(schemas.lectures.mine, async (ctx) => {
    const { deps } = ctx;
    const now = deps.clock.now();
    const signups = (await deps.store.lectures.listSignupsOf(ctx.caller.person.id, MINE_LIMIT)).filter((s) => s.status !== 'cancelled');
    const lectures = new Map((await deps.store.lectures.getMany(signups.map((s) => s.lectureId))).map((l) => [l.id, l]));
    const picture = await pictureAddresses(deps, ctx.caller, [...lectures.values()]);
    const rows = await Promise.all(
      signups.flatMap((s) => {
        const l = lectures.get(s.lectureId);
        return l ? [mySignupOf(deps, s).then((m) => ({ ...m!, lecture: lectureSummary(l, picture) }))] : [];
      }),
    );
    const ahead = rows.filter((r) => r.lecture.endsAt > now).sort((a, b) => a.lecture.startsAt - b.lecture.startsAt);
    const past = rows.filter((r) => r.lecture.endsAt <= now).sort((a, b) => b.lecture.startsAt - a.lecture.startsAt);
    return { signups: [...ahead, ...past] };
  }),
};
