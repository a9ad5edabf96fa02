import type { Pairing, PairingStatus, Visit } from '../../../../src/core';

export type PairingInsertResult =
  | { ok: true; pairing: Pairing }
  /** A pairing of this member and household exists (its id is theirs): it, as stored. Nothing written. */
  | { ok: false; reason: 'taken'; existing: Pairing };

/** What lists pairings: under any of `paths`, optionally one member's, one kind's. */
export interface PairingQuery {
  paths: readonly string[];
  statuses: readonly PairingStatus[];
  memberId?: string;
  /** Pairings whose household has this kind. */
  kind?: string;
}

/** Which visits: one pairing's, or those under any of `paths`. */
export type VisitQuery = { pairingId: string } | { paths: readonly string[] };

export interface PairingRepo {
  /**
   * Inserts the pairing unless one with its id (`<memberId>:<householdKey>`) exists, whatever its
   * status: of any number of concurrent inserts of one member and one household, one is written.
   */
  insert(p: Pairing): Promise<PairingInsertResult>;
  get(id: string): Promise<Pairing | null>;
  /**
   * Writes `next` (kinds, contact, status and end, taken up again) if the stored pairing is still at
   * `version` (next.version is version + 1); the pairing, or null. The visit counters are kept.
   */
  update(next: Pairing, version: number): Promise<Pairing | null>;
  /** A member's pairings, on and ended, by building path then door. */
  listForMember(memberId: string): Promise<Pairing[]>;
  /** Pairings by building path then id; `total` counts every match, whatever the page. */
  list(q: PairingQuery, limit: number, offset: number): Promise<{ pairings: Pairing[]; total: number }>;
  /**
   * Records a visit and counts it on its pairing (visits + 1, lastVisitOn the later day), in one
   * atomic step, unless the member recorded one with the same clientRequestId: then answers that one
   * and writes nothing. Refused ('not_found') when the pairing is gone.
   */
  insertVisit(v: Visit): Promise<{ ok: true; visit: Visit; created: boolean } | { ok: false; reason: 'not_found' }>;
  /** Visits, latest day first (then latest recorded); `total` counts every match. */
  listVisits(q: VisitQuery, limit: number, offset: number): Promise<{ visits: Visit[]; total: number }>;
}
