/**
 * Fulfilling a wish: its claimer says what they did, with photos uploaded the way a report's are
 * (the Photos port: accept() refuses a photo that is not the caller's, PHOTO.NOT_YOURS, or is gone,
 * PHOTO.NOT_FOUND, before anything is written). The wisher, the poster and the lead are asked to
 * confirm within WISH_CONFIRM_DAYS; the timer confirms it after that.
 */
import { DomainError, mayFulfil } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/wishes';
import { audit } from '../common';
import { personAction, type FunctionDef } from '../define';
import { atVersion, loadWish } from './access';
import { answer, mustMove, save } from './change';
import { fulfilledNotices, tell } from './notices';

export const fulfil: FunctionDef = {
  fulfil: personAction(schemas.wishes.fulfil, async (ctx, input) => {
    const { deps, caller } = ctx;
    const { wish, reader } = await loadWish(ctx, input.id);
    if (!mayFulfil(reader.party)) throw new DomainError('WISH.NOT_YOURS');
    atVersion(wish, input.version);
    const now = deps.clock.now();
    // The state first: photos are not cleaned and kept for a wish that cannot take them.
    mustMove(wish, 'fulfil', {}, now);
    const photos = await deps.photos.accept(input.photos ?? [], caller.person.id);
    const saved = await save(deps, mustMove(wish, 'fulfil', { fulfilNote: input.note, fulfilPhotos: photos, fulfilledAt: now }, now));
    await audit(ctx, 'wishes.fulfil', 'wish', wish.id, { photos: photos.length }, wish.unitPath);
    await tell(deps, fulfilledNotices(saved, caller.person.name));
    return answer(ctx, saved);
  }),
};
