import type { PointsEntry, PointsSourceKind } from '../../../../src/core';

/** An entry to append: the store sets balanceAfter. */
export type NewPointsEntry = Omit<PointsEntry, 'balanceAfter'>;

export type PointsAppendResult =
  /** Written now (created) or written before under the same id (the source's key): that one, as stored. */
  | { ok: true; entry: PointsEntry; created: boolean }
  /** It would take the balance below zero: nothing written; the balance as it is. */
  | { ok: false; reason: 'below_zero'; balance: number };

/**
 * Which entries: one person's, or those under any of `paths` (unit paths, each a subtree: staff, the
 * ledger export), optionally in [from, to) and of some kinds (`kinds: []` matches none).
 */
export type PointsEntryQuery = ({ personId: string } | { paths: readonly string[] }) & { from?: number; to?: number; kinds?: readonly PointsSourceKind[] };

/** One row of the board: a person and what they earned in the period (BOARD_KINDS). */
export interface PointsBoardRow {
  personId: string;
  points: number;
}

export interface PointsRepo {
  /**
   * Appends the entry and moves the person's balance by its points, in one atomic step, unless an
   * entry with its id exists (then answers that one and writes nothing) or the balance would go
   * below zero (refused). Of any number of concurrent appends of one id, one is written.
   * An entry of 0 points (or not a whole number) is a bug: thrown, nothing written.
   */
  append(e: NewPointsEntry): Promise<PointsAppendResult>;
  /** The person's balance (0 for someone with no entries). */
  balance(personId: string): Promise<number>;
  get(id: string): Promise<PointsEntry | null>;
  /** Entries, newest first (ties by id, descending); `total` counts every match. */
  list(q: PointsEntryQuery, limit: number, offset: number): Promise<{ entries: PointsEntry[]; total: number }>;
  /**
   * The board: each person's sum of points over entries of `kinds` whose unitPath lies in the
   * subtree at `path` (a unit's path: that unit and everything under it), with `at` in [from, to),
   * highest first (ties by personId), people whose sum is not positive left out; at most `limit` rows.
   */
  board(q: { path: string; from: number; to: number; kinds: readonly PointsSourceKind[] }, limit: number): Promise<PointsBoardRow[]>;
}
