import type { ServiceRecord, ServiceRecordStatus } from '../../../../src/core';

/** Which records: one person's, or those under any of `paths`, optionally of some statuses. */
export type ServiceRecordQuery = ({ personId: string } | { paths: readonly string[] }) & { statuses?: readonly ServiceRecordStatus[] };

export interface ServiceRecordRepo {
  /** Inserts the record unless this person wrote one with its clientRequestId: then that one, and nothing written. */
  insert(r: ServiceRecord): Promise<{ record: ServiceRecord; created: boolean }>;
  get(id: string): Promise<ServiceRecord | null>;
  /**
   * Writes `next` if the stored record is still at `version` (next.version is version + 1); the record, or null.
   * Its identity stays as inserted: id, personId, clientRequestId (the retry key) and createdAt.
   */
  update(next: ServiceRecord, version: number): Promise<ServiceRecord | null>;
  /** Records, latest date first (then latest created, then id, descending); `total` counts every match. */
  list(q: ServiceRecordQuery, limit: number, offset: number): Promise<{ records: ServiceRecord[]; total: number }>;
}
