/**
 * 社区讲堂: the published lectures open to the caller (a resident or member of a unit in their
 * audience) that have not ended, soonest first, with the seats left and the caller's own sign-up.
 */
import { maySignUp, signUpUnits, type Signup } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/lectures';
import { personAction, type FunctionDef } from '../define';
import { lectureCard, lectureNames, mySignup } from './views';

/** More than a community publishes at once. */
const OPEN_LIMIT = 100;
/** One's sign-ups read to mark the lectures listed. */
const MINE_LIMIT = 200;

export const open: FunctionDef = {
  open: personAction(schemas.lectures.open, async (ctx) => {
    const { deps } = ctx;
    const now = deps.clock.now();
    // Lectures belong to communities: the units above the caller's homes include theirs.
    const units = [...signUpUnits(ctx.caller.bindings)];
    if (units.length === 0) return { lectures: [] };
    const [published, signups] = await Promise.all([deps.store.lectures.listPublished(units, now, OPEN_LIMIT), deps.store.lectures.listSignupsOf(ctx.caller.person.id, MINE_LIMIT)]);
    const lectures = published.filter((l) => maySignUp(ctx.caller.bindings, l));
    const mine = new Map<string, Signup>(signups.filter((s) => s.status !== 'cancelled').map((s) => [s.lectureId, s]));
    const names = await lectureNames(deps, ctx.caller, lectures);
    const places = new Map(await Promise.all(lectures.flatMap((l) => { const s = mine.get(l.id); return s?.status === 'waiting' ? [deps.store.lectures.placeOf(s).then((p) => [l.id, p] as const)] : []; })));
    return {
      lectures: lectures.map((l) => {
        const s = mine.get(l.id);
        return lectureCard(l, names, s ? mySignup(s, places.get(l.id) ?? null) : null, now);
      }),
    };
  }),
};
