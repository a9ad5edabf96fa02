import type { PartnerVisit } from '../../../../src/core';

/** Which visits: of a community, or of some partners, optionally in a China-day range [fromDay, toDay]. */
export type PartnerVisitQuery = ({ communityId: string } | { partnerIds: readonly string[] }) & { fromDay?: string; toDay?: string };

/** Partner contacts' visits (走访), written once (a retried record is one visit); only what they became changes. */
export interface PartnerVisitRepo {
  /** Inserts the visit unless its recorder wrote one with its clientRequestId: then that one. */
  insert(v: PartnerVisit): Promise<{ visit: PartnerVisit; created: boolean }>;
  get(id: string): Promise<PartnerVisit | null>;
  /** Sets what the visit became (a need, a report); the visit, or null when there is none. */
  setFollowUp(id: string, followUp: { needId?: string; reportId?: string }): Promise<PartnerVisit | null>;
  /** Newest day first (then newest created); `total` counts every match. */
  list(q: PartnerVisitQuery, limit: number, offset: number): Promise<{ visits: PartnerVisit[]; total: number }>;
  /** Each partner's latest visit day to the community. */
  lastDays(communityId: string, partnerIds: readonly string[]): Promise<Map<string, string>>;
}
