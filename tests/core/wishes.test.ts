import { WISH_EVENTS, WISH_STATUSES, WISH_STATUS_LABEL, WISH_TRANSITIONS, wishTransition, type WishEvent, type WishStatus } from '../../src/core';

describe('a wish’s life', () => {
  it.each<[WishStatus, WishEvent, WishStatus]>([
    ['pending', 'approve', 'open'],
    ['pending', 'reject', 'rejected'],
    ['open', 'claim', 'claimed'],
    ['claimed', 'giveBack', 'open'],
    ['claimed', 'fulfil', 'fulfilled'],
    ['fulfilled', 'confirm', 'confirmed'],
    ['fulfilled', 'autoConfirm', 'confirmed'],
    ['open', 'expire', 'expired'],
    ['open', 'withdraw', 'withdrawn'],
    ['claimed', 'leave', 'open'],
  ])('goes from %s on %s to %s', (from, event, to) => {
    expect(wishTransition(from, event)).toBe(to);
  });

  it.each<[WishStatus, WishEvent]>([
    ['pending', 'claim'],
    ['claimed', 'claim'],
    ['open', 'fulfil'],
    ['fulfilled', 'withdraw'],
    ['confirmed', 'giveBack'],
    ['expired', 'claim'],
    ['claimed', 'expire'],
  ])('refuses %s on %s', (from, event) => {
    expect(wishTransition(from, event)).toBeNull();
  });

  it('ends in confirmed, rejected, expired and withdrawn, and nothing else is a dead end', () => {
    const ends = WISH_STATUSES.filter((s) => Object.keys(WISH_TRANSITIONS[s]).length === 0);
    expect(ends.sort()).toEqual(['confirmed', 'expired', 'rejected', 'withdrawn']);
  });

  it('names every status in Chinese and every transition’s target is a status', () => {
    for (const s of WISH_STATUSES) {
      expect(WISH_STATUS_LABEL[s]).toMatch(/\p{Script=Han}/u);
      for (const e of WISH_EVENTS) {
        const to = wishTransition(s, e);
        if (to) expect(WISH_STATUSES).toContain(to);
      }
    }
  });
});
