/**
 * The Store port: one repository per aggregate, with methods named for what the domain needs.
 * Every adapter (sqlite/ for the embedded default, cloudbase/ for production) implements it and
 * is run through the same contract suite (tests/store/contract.ts).
 *
 * Versioned writes return null when the stored version is not the one the caller read: the
 * caller turns that into CONFLICT.VERSION. Nothing is written in that case.
 */
import type { Binding, DeskFilter, DeskSort, Level, Person, Report, Role, Status, TimelineEntry, TimelineType, Unit } from '../../../src/core';

export interface UnitRepo {
  get(id: string): Promise<Unit | null>;
  getMany(ids: readonly string[]): Promise<Unit[]>;
  /** The unit at `path` and everything below it, ordered by path. */
  listSubtree(path: string, opts?: { includeArchived?: boolean }): Promise<Unit[]>;
  /** Roots of the tree (streets). */
  listRoots(): Promise<Unit[]>;
  /** A live (not archived) child of `parentId` with this exact name, if any. */
  findChildByName(parentId: string, name: string): Promise<Unit | null>;
  countLiveChildren(id: string): Promise<number>;
  insert(unit: Unit): Promise<void>;
  /** Writes name/archived/updatedAt if the stored version is `expectedVersion`; bumps version. */
  update(id: string, expectedVersion: number, patch: Partial<Pick<Unit, 'name' | 'archived'>>, at: number): Promise<Unit | null>;
  /**
   * Moves the unit under a new parent: rewrites its parentId and the path of it and every
   * descendant, atomically, if the stored version is `expectedVersion`.
   */
  move(id: string, expectedVersion: number, newParent: Unit, at: number): Promise<Unit | null>;
}

export interface PersonRepo {
  get(id: string): Promise<Person | null>;
  getMany(ids: readonly string[]): Promise<Person[]>;
  findByUsername(username: string): Promise<Person | null>;
  findByOpenid(openid: string): Promise<Person | null>;
  /** People whose name, phone or username contains `q`, bound somewhere under `paths` or bound nowhere. */
  search(q: string, paths: readonly string[], limit: number): Promise<Person[]>;
  /** Inserts the person and their password hash. Fails with DomainError on a taken username/openid. */
  insert(person: Person, passwordHash: string | null): Promise<void>;
  passwordHash(id: string): Promise<string | null>;
  listDemo(): Promise<Person[]>;
  count(): Promise<number>;
}

export interface BindingRepo {
  get(id: string): Promise<Binding | null>;
  listForPerson(personId: string): Promise<Binding[]>;
  listForUnit(unitId: string): Promise<Binding[]>;
  /** Bindings with one of `roles` on any of `unitIds` (finding handlers without reading every resident). */
  listWithRoles(unitIds: readonly string[], roles: readonly Role[]): Promise<Binding[]>;
  find(personId: string, unitId: string, role: Role): Promise<Binding | null>;
  /** Inserts unless the same (person, unit, role) exists; returns false if it did. */
  insert(binding: Binding): Promise<boolean>;
  remove(id: string): Promise<boolean>;
}

export interface Session {
  id: string;
  tokenHash: string;
  personId: string;
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
}

export interface SessionRepo {
  insert(session: Session): Promise<void>;
  findByTokenHash(hash: string): Promise<Session | null>;
  revoke(id: string, at: number): Promise<boolean>;
  /** Removes sessions that expired before `before`; returns how many. */
  purgeExpired(before: number): Promise<number>;
}

export interface AuditEntry {
  id: string;
  at: number;
  actorId: string | null;
  action: string;
  targetKind: 'unit' | 'person' | 'binding' | 'session' | 'report' | 'settings' | 'import';
  targetId: string;
  /** The unit whose subtree the act happened in (what the audit log is scoped by); null when none. */
  unitPath?: string | null;
  detail: Record<string, unknown>;
}

export interface AuditFilter {
  /** Entries whose unitPath lies in this subtree. */
  path?: string;
  targetId?: string;
  actorId?: string;
  action?: string;
  from?: number;
  /** Exclusive. */
  to?: number;
  /** Exclusive: entries strictly older than this (paging back). */
  before?: number;
}

export interface AuditRepo {
  append(entry: AuditEntry): Promise<void>;
  listForTarget(targetId: string, limit: number): Promise<AuditEntry[]>;
  /** Newest first (at, then id, descending), at most `limit`. */
  search(filter: AuditFilter, limit: number): Promise<AuditEntry[]>;
}

/** An in-app message: the notice list every person has, whether or not WeChat delivered it too. */
export interface Message {
  id: string;
  personId: string;
  /** What happened, e.g. "report.assigned"; decides the subscribe-message template in the cloud. */
  kind: string;
  title: string;
  body: string;
  /** The mini-program page it opens, e.g. "pages/report/detail?id=…". */
  page: string | null;
  createdAt: number;
  readAt: number | null;
}

export interface MessageRepo {
  insert(message: Message): Promise<void>;
  /** Newest first; `before` (a createdAt) pages back through older ones. */
  listForPerson(personId: string, limit: number, before?: number): Promise<Message[]>;
  countUnread(personId: string): Promise<number>;
  /** Marks the person's own messages read (all of them when `ids` is null); returns how many changed. */
  markRead(personId: string, ids: readonly string[] | null, at: number): Promise<number>;
}

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
   * Takes a report for the timer: succeeds for one caller only, while the stored version is
   * `expectedVersion` and no other owner holds an unexpired claim. Returns the report as stored.
   *
   * A claim is a lease beside the report, not a write of it: it leaves the report and its version
   * alone (so the timer's later save is checked against the version it read), and any save of the
   * report ends it. It keeps a second timer run away; it does not stop a handler, whose save wins
   * the version race and makes the timer's save of the older version write nothing.
   */
  claim(id: string, expectedVersion: number, owner: string, until: number, now: number): Promise<Report | null>;
  /**
   * The timer's work list, taken in bulk: claims for `owner` until `until` up to `limit` reports
   * whose nextCheckAt has come (oldest first) and on which nobody, `owner` included, holds an
   * unexpired claim. Each report goes to one caller only; returns them as stored.
   */
  claimDue(now: number, limit: number, owner: string, until: number): Promise<Report[]>;
  /** Ends the claims `owner` holds on these reports, without writing the reports. */
  release(ids: readonly string[], owner: string): Promise<void>;
  /** Reports whose nextCheckAt has come, oldest first: the timer's work list. */
  listDue(now: number, limit: number): Promise<Report[]>;
  /** A person's own reports (created for or by them), newest first. */
  listForResident(personId: string, limit: number, before?: number): Promise<Report[]>;
  /** Reports matching the filter, soonest deadline first. */
  list(filter: ReportFilter, limit: number, offset?: number): Promise<Report[]>;
  count(filter: ReportFilter): Promise<number>;
  /** Open reports of this category on this unit created at or after `since` (the duplicate hint). */
  findOpenSimilar(unitId: string, category: string, since: number): Promise<Report[]>;
}

/** Small key/value settings the server keeps with its data (the session signing secret, seed marks). */
export interface MetaRepo {
  get(key: string): Promise<string | null>;
  /** Sets the key only if it has no value yet; returns the value that is stored afterwards. */
  setIfAbsent(key: string, value: string): Promise<string>;
  /**
   * Sets the key to `next` only if its value is still `expected` (null: absent), atomically;
   * returns false (writing nothing) otherwise.
   */
  compareAndSet(key: string, expected: string | null, next: string): Promise<boolean>;
}

/** The report desk's filter as the store runs it: a DeskFilter with the unit as its path and "now" fixed. */
export interface DeskQuery extends Omit<DeskFilter, 'unitId'> {
  path: string;
  now: number;
}

/**
 * Open reports of a subtree counted by level and by child unit. `child` is the id of the unit
 * right below the subtree's root that the report lies under (null: on the root itself).
 */
export interface OpenTallyRow {
  level: Level;
  child: string | null;
  open: number;
  /** Open, dueAt in [now, now + soonMs]. */
  dueSoon: number;
  /** Open, dueAt < now. */
  overdue: number;
}

/** The figures' counts (core/reports/figures.ts) of one month × child unit. Only counted reports (not duplicates). */
export interface MonthTallyRow {
  /** Index into the months asked for. */
  month: number;
  child: string | null;
  reports: number;
  respondedOnTime: number;
  resolved: number;
  resolvedOnTime: number;
  rated: number;
  satisfied: number;
  resolvedAt: Record<Level, number>;
}

/** What the management page reads: filtered lists and the dashboard's aggregates, computed by the store. */
export interface DeskRepo {
  list(q: DeskQuery, sort: DeskSort, limit: number, offset: number): Promise<Report[]>;
  count(q: DeskQuery): Promise<number>;
  /** Open reports of the subtree at `path`, by level × child unit. */
  openTally(path: string, now: number, soonMs: number): Promise<OpenTallyRow[]>;
  /**
   * Counted reports of the subtree created in [bounds[0], bounds[n]), by month × child unit, the
   * month i being [bounds[i], bounds[i+1]). Rows with no report are left out.
   */
  monthTally(path: string, bounds: readonly number[]): Promise<MonthTallyRow[]>;
  /** Counted reports of the subtree created in [from, to), per category. */
  categoryTally(path: string, from: number, to: number): Promise<{ category: string; count: number }[]>;
  /** The timelines of these reports, each in order. */
  timelines(reportIds: readonly string[]): Promise<Map<string, TimelineEntry[]>>;
  /** Timeline entries of these types, at in [from, to), on reports of the subtree. */
  eventsBetween(path: string, types: readonly TimelineType[], from: number, to: number): Promise<TimelineEntry[]>;
}

/** What one import writes: all of it or nothing. */
export interface ImportBatch {
  id: string;
  /** Parents before children. */
  units: Unit[];
  people: Person[];
  bindings: Binding[];
}

export interface ImportRepo {
  /**
   * Writes the whole batch or nothing (a failure on any row undoes the rows before it); throws
   * DomainError (UNIT.NAME_TAKEN, …) when a row is refused.
   */
  commit(batch: ImportBatch): Promise<void>;
  /** People with these phone numbers (the import matches residents by phone). */
  findByPhones(phones: readonly string[]): Promise<Person[]>;
}

export interface Store {
  readonly kind: 'sqlite' | 'cloudbase';
  units: UnitRepo;
  people: PersonRepo;
  bindings: BindingRepo;
  sessions: SessionRepo;
  audit: AuditRepo;
  messages: MessageRepo;
  reports: ReportRepo;
  meta: MetaRepo;
  desk: DeskRepo;
  imports: ImportRepo;
  close(): Promise<void>;
}
