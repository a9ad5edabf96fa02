/**
 * Withdrawing a wish: its poster or its wisher, while it is pending, open or claimed (the transition
 * table). A claimer who was getting it ready is told not to.
 */
import { DomainError, mayWithdraw } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/wishes';
import { audit } from '../common';
import { personAction, type FunctionDef } from '../define';
import { atVersion, loadWish } from './access';
import { answer, mustMove, save } from './change';
import { tell, withdrawnNotice } from './notices';

export const withdraw: FunctionDef = {
  withdraw: personAction(schemas.wishes.withdraw, async (ctx, input) => {
    const { deps } = ctx;
    const { wish, reader } = await loadWish(ctx, input.id);
    if (!mayWithdraw(reader.party)) throw new DomainError('AUTH.FORBIDDEN', '只有许愿人或代许的人能撤回这个心愿');
    atVersion(wish, input.version);
    const saved = await save(deps, mustMove(wish, 'withdraw', {}, deps.clock.now()));
    await audit(ctx, 'wishes.withdraw', 'wish', wish.id, { was: wish.status }, wish.unitPath);
    if (wish.claimerId) await tell(deps, [withdrawnNotice(saved, wish.claimerId)]);
    return answer(ctx, saved);
  }),
};
