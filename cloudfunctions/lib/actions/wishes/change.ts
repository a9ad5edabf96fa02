/**
 * One change of a wish: its next status from the transition table (src/core/wishes.ts, never
 * assigned by hand), written only if the wish is still at the version read; and the view the
 * caller gets back.
 */
import { DomainError, wishTransition, type Wish, type WishEvent } from '../../../../src/core';
import type { Deps } from '../../deps';
import type { AuthedContext } from '../define';
import { readerOf } from './access';
import { wishNames, wishPhotos, wishView } from './views';

/** `w` after `event`, with `patch`; null when the event does not apply to its status. */
export function moved(w: Wish, event: WishEvent, patch: Partial<Wish>, at: number): Wish | null {
  const status = wishTransition(w.status, event);
  return status ? { ...w, ...patch, status, updatedAt: at, version: w.version + 1 } : null;
}

/** `w` after `event`, or WISH.NOT_ALLOWED. */
export function mustMove(w: Wish, event: WishEvent, patch: Partial<Wish>, at: number): Wish {
  const next = moved(w, event, patch, at);
  if (!next) throw new DomainError('WISH.NOT_ALLOWED');
  return next;
}

/** Writes `next` over the version it was made from, or CONFLICT.VERSION (someone changed it meanwhile). */
export async function save(deps: Deps, next: Wish): Promise<Wish> {
  const saved = await deps.store.wishes.update(next, next.version - 1);
  if (!saved) throw new DomainError('CONFLICT.VERSION');
  return saved;
}

/** The wish as the caller now sees it. */
export async function answer(ctx: AuthedContext, w: Wish) {
  const { deps, caller } = ctx;
  const reader = await readerOf(deps, caller.person.id, caller.bindings, w);
  return wishView(deps, w, await wishNames(deps, [w]), reader, await wishPhotos(deps, caller, [w]));
}
