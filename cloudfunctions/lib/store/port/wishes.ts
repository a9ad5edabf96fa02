import type { Wish, WishStatus } from '../../../../src/core';

/** Which wishes: under any of `paths` (optionally of some statuses), posted by or for a person, or claimed by one. */
export type WishQuery =
  | { paths: readonly string[]; statuses?: readonly WishStatus[] }
  | { postedOrWishedBy: string; statuses?: readonly WishStatus[] }
  | { claimerId: string; statuses?: readonly WishStatus[] };

export type WishClaimResult =
  | { ok: true; wish: Wish }
  | { ok: false; reason: 'not_found' }
  /** Not open (claimed by someone else meanwhile, withdrawn, expired): the wish as stored. */
  | { ok: false; reason: 'not_open'; wish: Wish };

export interface WishRepo {
  /** Inserts the wish unless the poster wrote one with its clientRequestId: then that one, and nothing written. */
  insert(w: Wish): Promise<{ wish: Wish; created: boolean }>;
  get(id: string): Promise<Wish | null>;
  /**
   * Writes `next` whole if the stored wish is still at `version` (next.version is version + 1); the wish, or null.
   * Its identity stays as inserted: id, postedBy, clientRequestId (the retry key) and createdAt.
   */
  update(next: Wish, version: number): Promise<Wish | null>;
  /**
   * open → claimed by `claimerId` at `at`, whatever version the caller read: of any number of
   * concurrent claims of one wish, exactly one succeeds (version + 1; claimedAt and updatedAt `at`).
   * Checks nothing else: who may claim is the action's.
   */
  claim(id: string, claimerId: string, at: number): Promise<WishClaimResult>;
  /** Wishes, newest first (ties by id, descending); `total` counts every match. */
  list(q: WishQuery, limit: number, offset: number): Promise<{ wishes: Wish[]; total: number }>;
  /** Open wishes whose byDate is before `day` ("2026-12-01"), oldest day first (then id): the expiry job's work. */
  listOpenBefore(day: string, limit: number): Promise<Wish[]>;
  /** Fulfilled wishes fulfilled before `at`, oldest first (then id): the auto-confirm job's work. */
  listFulfilledBefore(at: number, limit: number): Promise<Wish[]>;
}
