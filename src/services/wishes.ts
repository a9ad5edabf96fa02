/**
 * 微心愿: what the wishes pages call. Anyone bound in a community reads its open wishes (the public
 * view: what, for whom, by when, the compound); a resident posts a wish (or their building or grid
 * lead posts one for a household), with a client request id made once per form, so a retried tap is
 * one wish; a member or volunteer claims one, then fulfils it with a note and photos or gives it back;
 * the wisher (or their lead) confirms or withdraws. Every answer is a result value whose failure
 * `message` can be shown as it is; the actions that change a wish carry its version.
 */
import type { ActionInput } from '../core/api';
import { call } from './api';

export type PostWishInput = ActionInput<'wishes', 'post'>;
/** Which wish, as last read: a change made meanwhile is refused rather than overwritten. */
export interface WishRef {
  id: string;
  version: number;
}

/** Open wishes of the caller's community, nearest day first (the public view). */
export const openWishes = () => call('wishes', 'open', {});

export const wishDetail = (id: string) => call('wishes', 'detail', { id });

/** 我的心愿: posted by or for the caller, and claimed by them. */
export const myWishes = () => call('wishes', 'mine', {});

export const postWish = (input: PostWishInput) => call('wishes', 'post', input);

/** Exactly one claimer wins: the others get WISH.TAKEN. */
export const claimWish = (id: string) => call('wishes', 'claim', { id });

export const giveBackWish = (ref: WishRef, reason: string) => call('wishes', 'giveBack', reason ? { ...ref, reason } : ref);

/** `photos`: the uploaded photos' ids (components/Photos.tsx uploads each when picked). */
export const fulfilWish = (ref: WishRef, note: string, photos: string[]) => call('wishes', 'fulfil', photos.length ? { ...ref, note, photos } : { ...ref, note });

export const confirmWish = (ref: WishRef) => call('wishes', 'confirm', ref);

export const withdrawWish = (ref: WishRef) => call('wishes', 'withdraw', ref);
