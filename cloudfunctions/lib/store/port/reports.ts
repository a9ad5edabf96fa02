import type { Level, Report, Status, TimelineEntry } from '../../../../src/core';
import type { AuditEntry } from './audit';
import type { Message } from './messages';

export interface ReportFilter {
  /** Reports whose unit lies in this subtree. */
  path: string;
  statuses?: readonly Status[];
  levels?: readonly Level[];
  category?: string;
  handlerId?: string;
  /** dueAt before this instant (overdue when it is "now"). */
  dueBefore?: number;
  createdFrom?: number;
  createdTo?: number;
}

/**
 * What a report write brings with it: the audit entries and in-app messages it causes. They are
 * written in the same transaction as the report, and only if the report write lands (a retried
 * create or a lost version race writes none of them).
 */
export interface ReportSideWrites {
  audit?: readonly AuditEntry[];
  messages?: readonly Message[];
}

/** One save of `ReportRepo.saveAll`: the arguments of `save`. */
export interface ReportSave {
  report: Report;
  expectedVersion: number;
  entries: readonly TimelineEntry[];
  also?: ReportSideWrites;
  /**
   * The report exactly as the store gave it at `expectedVersion`, if the caller has it (the timer
   * does, from claimDue): an adapter may use it instead of reading the stored row again. The
   * version check still decides whether the save lands.
   */
  before?: Report;
}

export interface ReportRepo {
  /**
   * Inserts the report with its first timeline entries (and `also`), unless the same person
   * already created one with the same clientRequestId: then nothing is written and the existing
   * one is returned.
   */
  insert(report: Report, timeline: readonly TimelineEntry[], also?: ReportSideWrites): Promise<{ report: Report; created: boolean }>;
  get(id: string): Promise<Report | null>;
  timeline(reportId: string): Promise<TimelineEntry[]>;
  /**
   * Writes the report and appends timeline entries (and `also`), atomically, if the stored version is
   * `expectedVersion`; bumps the version. Returns null (and writes nothing) otherwise.
   */
  save(report: Report, expectedVersion: number, entries: readonly TimelineEntry[], also?: ReportSideWrites): Promise<Report | null>;
  /**
   * Several saves, each exactly as `save` would do it (one that finds another version writes
   * nothing and gives null, the others still land), in as few transactions as the adapter can.
   * Results are in the order of `saves`.
   */
  saveAll(saves: readonly ReportSave[]): Promise<(Report | null)[]>;
  /**
   * The timer's work list, taken in bulk: claims for `owner` until `until` up to `limit` reports
   * whose nextCheckAt has come (oldest first) and on which nobody, `owner` included, holds an
   * unexpired claim. Each report goes to one caller only; returns them as stored.
   *
   * A claim is a lease beside the report, not a write of it: it leaves the report and its version
   * alone (so the timer's later save is checked against the version it read), and any save of the
   * report ends it. It keeps a second timer run away; it does not stop a handler, whose save wins
   * the version race and makes the timer's save of the older version write nothing.
   */
  claimDue(now: number, limit: number, owner: string, until: number): Promise<Report[]>;
  /** Ends the claims `owner` holds on these reports, without writing the reports. */
  release(ids: readonly string[], owner: string): Promise<void>;
  /** A person's own reports (created for or by them), newest first. */
  listForResident(personId: string, limit: number, before?: number): Promise<Report[]>;
  /** Reports matching the filter, soonest deadline first. */
  list(filter: ReportFilter, limit: number, offset?: number): Promise<Report[]>;
  count(filter: ReportFilter): Promise<number>;
  /** Open reports of this category on this unit created at or after `since` (the duplicate hint). */
  findOpenSimilar(unitId: string, category: string, since: number): Promise<Report[]>;
  /**
   * The retention job's work list: reports of the community, closed or rejected before `closedBefore`,
   * that still hold a contact name or phone, oldest closing first, at most `limit`. Read by index
   * (only such reports are in it), so a run's work grows with what is due, not with all reports.
   * The job clears them with `save`, whose version check makes two runs at once clear each once.
   */
  listContactKept(communityId: string, closedBefore: number, limit: number): Promise<Report[]>;
}
