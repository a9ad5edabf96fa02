/**
 * Confirming a fulfilled wish — by the wisher, the poster or the named lead, or by the timer after
 * WISH_CONFIRM_DAYS — grants its claimer the points a wish is worth in the community (earnPoints:
 * members and volunteers only, once per wish whoever confirms and however often) and keeps the
 * points on the wish.
 *
 * The points are granted before the wish is written: a fulfilled wish leaves that status only by
 * being confirmed, so whichever confirmation wins the versioned write, the grant it stands for is
 * the one granted (the same source key), and a confirmation that fails halfway is retried whole.
 */
import { DomainError, mayConfirm, subscribeThing, type Wish } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/wishes';
import type { Deps } from '../../deps';
import { earnPoints } from '../points/earn';
import { audit } from '../common';
import { personAction, type FunctionDef } from '../define';
import { atVersion, loadWish } from './access';
import { answer, moved, mustMove } from './change';
import { autoConfirmedNotice, confirmedNotice, tell } from './notices';

/** What the claimer reads on their ledger. */
export const wishPointsReason = (w: Pick<Wish, 'what'>) => `实现微心愿：${subscribeThing(w.what, 30)}`;

/**
 * Confirms `w` (fulfilled, at its version) as `by` (null: the timer) at `at`: grants the points,
 * writes the wish, tells the claimer. The stored wish, or null when it was no longer at its version
 * (someone confirmed it meanwhile: nothing more to do).
 */
export async function confirmWish(deps: Deps, w: Wish, by: string | null, at: number): Promise<Wish | null> {
  const event = by === null ? 'autoConfirm' : 'confirm';
  if (!moved(w, event, {}, at) || !w.claimerId) throw new DomainError('WISH.NOT_ALLOWED');
  const { granted } = await earnPoints(deps, {
    personId: w.claimerId,
    communityId: w.communityId,
    kind: 'wish',
    sourceId: w.id,
    reason: wishPointsReason(w),
    grantedBy: by,
    at,
  });
  const next = mustMove(w, event, { confirmedAt: at, confirmedBy: by, points: granted }, at);
  const saved = await deps.store.wishes.update(next, w.version);
  if (!saved) return null;
  await tell(deps, [by === null ? autoConfirmedNotice(saved, w.claimerId, granted) : confirmedNotice(saved, w.claimerId, granted)]);
  return saved;
}

export const confirm: FunctionDef = {
  confirm: personAction(schemas.wishes.confirm, async (ctx, input) => {
    const { deps, caller } = ctx;
    const { wish, reader } = await loadWish(ctx, input.id);
    if (!mayConfirm(reader.party)) throw new DomainError('AUTH.FORBIDDEN', '只有许愿人、代许的楼栋长或网格长能确认心愿已实现');
    atVersion(wish, input.version);
    mustMove(wish, 'confirm', {}, deps.clock.now());
    const saved = await confirmWish(deps, wish, caller.person.id, deps.clock.now());
    if (!saved) throw new DomainError('CONFLICT.VERSION');
    await audit(ctx, 'wishes.confirm', 'wish', wish.id, { claimerId: wish.claimerId, points: saved.points }, wish.unitPath);
    return answer(ctx, saved);
  }),
};
