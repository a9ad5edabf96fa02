/**
 * Claiming a wish and giving it back. A member or volunteer of the wish's community claims an open
 * wish: the store lets exactly one of any number of claims at once succeed, and the others are told
 * it was taken (WISH.TAKEN). Only the claimer gives it back, which opens it for others again.
 */
import { DomainError, mayClaimOwn, mayFulfil, wishTransition } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/wishes';
import { audit } from '../common';
import { personAction, type FunctionDef } from '../define';
import { atVersion, loadWish } from './access';
import { answer, mustMove, save } from './change';
import { claimedNotices, givenBackNotices, tell } from './notices';

export const claim: FunctionDef = {
  claim: personAction(schemas.wishes.claim, async (ctx, input) => {
    const { deps, caller } = ctx;
    const { wish, reader } = await loadWish(ctx, input.id);
    const me = caller.person.id;
    // A retried claim (the answer lost on a flaky network) is the claim already made.
    if (wish.claimerId === me && wish.status === 'claimed') return answer(ctx, wish);
    if (!reader.claims) throw new DomainError('WISH.NOT_CLAIMER');
    if (!mayClaimOwn(reader.party)) throw new DomainError('WISH.NOT_ALLOWED', '这是您自己许的（或代许的）心愿，请留给其他党员、志愿者认领');
    if (wishTransition(wish.status, 'claim') === null) throw new DomainError(wish.status === 'claimed' ? 'WISH.TAKEN' : 'WISH.NOT_ALLOWED');
    const r = await deps.store.wishes.claim(wish.id, me, deps.clock.now());
    if (!r.ok) {
      if (r.reason === 'not_found') throw new DomainError('WISH.NOT_FOUND', undefined, 'id');
      if (r.wish.claimerId === me && r.wish.status === 'claimed') return answer(ctx, r.wish);
      throw new DomainError(r.wish.status === 'claimed' ? 'WISH.TAKEN' : 'WISH.NOT_ALLOWED');
    }
    await audit(ctx, 'wishes.claim', 'wish', wish.id, {}, wish.unitPath);
    await tell(deps, claimedNotices(r.wish, caller.person.name));
    return answer(ctx, r.wish);
  }),

  giveBack: personAction(schemas.wishes.giveBack, async (ctx, input) => {
    const { deps } = ctx;
    const { wish, reader } = await loadWish(ctx, input.id);
    if (!mayFulfil(reader.party)) throw new DomainError('WISH.NOT_YOURS');
    atVersion(wish, input.version);
    const next = mustMove(wish, 'giveBack', { claimerId: null, claimedAt: null }, deps.clock.now());
    const saved = await save(deps, next);
    const reason = input.reason || null;
    await audit(ctx, 'wishes.giveBack', 'wish', wish.id, { reason }, wish.unitPath);
    await tell(deps, givenBackNotices(saved, reason));
    return answer(ctx, saved);
  }),
};
