/**
 * The collections the CloudBase adapter keeps and the indexes each needs. `npm run deploy` creates
 * them (lib/deploy/plan.ts reads COLLECTIONS); `ensureCollections` creates the collections alone,
 * for a store opened before a deploy (scripts/bootstrap.ts, the tests).
 *
 * No invariant rests on a unique index here (a test double might not enforce one, and CloudBase
 * cannot make one partial): the unique ones are a second line of defence behind the guard
 * documents of guards.ts.
 */
import { PROGRAMME_COLLECTIONS } from './collections-programmes';
import type { App, CollectionName } from './types';

export interface IndexDecl {
  name: string;
  keys: Record<string, 1 | -1>;
  unique?: boolean;
  /** Skip documents that lack every indexed field (needed for optional unique fields). */
  sparse?: boolean;
}

/** The collections and indexes the adapter needs; `npm run deploy` creates them. */
export const COLLECTIONS: { name: CollectionName; indexes: IndexDecl[] }[] = [
  {
    name: 'units',
    indexes: [
      { name: 'path_unique', keys: { path: 1 }, unique: true },
      // Live-sibling names are unique through guard documents in `uniques`: a unique index
      // here would also count archived units, and CloudBase indexes cannot be partial.
      { name: 'parent_name', keys: { parentId: 1, name: 1 } },
      // The building a WeChat group is bound to. Unique through guards in `uniques` (setGroup); the
      // index is a second line of defence, sparse because units without a group leave the field out.
      { name: 'groupId_unique', keys: { groupId: 1 }, unique: true, sparse: true },
    ],
  },
  {
    name: 'people',
    indexes: [
      // Sparse: people without a username / openid leave the field out (see people.ts), and a
      // non-sparse unique index would count every missing value as null and refuse the second.
      { name: 'username_unique', keys: { username: 1 }, unique: true, sparse: true },
      { name: 'openid_unique', keys: { openid: 1 }, unique: true, sparse: true },
      { name: 'name_id', keys: { name: 1, _id: 1 } },
      { name: 'demo_created', keys: { demo: 1, createdAt: 1 } },
      { name: 'phone', keys: { phone: 1 } },
      // People search: every suffix of name, phone and username, matched by prefix (people-search.ts).
      { name: 'search_keys', keys: { searchKeys: 1 } },
    ],
  },
  {
    name: 'bindings',
    indexes: [
      { name: 'person_unit_role_unique', keys: { personId: 1, unitId: 1, role: 1 }, unique: true },
      { name: 'id_unique', keys: { id: 1 }, unique: true },
      { name: 'unit_created', keys: { unitId: 1, createdAt: 1 } },
    ],
  },
  {
    name: 'sessions',
    indexes: [
      { name: 'tokenHash_unique', keys: { tokenHash: 1 }, unique: true },
      { name: 'expiresAt', keys: { expiresAt: 1 } },
    ],
  },
  {
    name: 'audit',
    indexes: [
      // A target's entries, newest first (ties by id, as every audit list orders them).
      { name: 'target_at_id', keys: { targetId: 1, at: -1, _id: -1 } },
      // The audit log of the management page: by unit subtree, by person, by date. A subtree's is
      // read off at_id_path in its order, the subtree checked on the index's keys, so a street's log
      // is never sorted whole; path_at serves a small subtree's date range.
      { name: 'path_at', keys: { unitPath: 1, at: -1 } },
      { name: 'actor_at_id', keys: { actorId: 1, at: -1, _id: -1 } },
      { name: 'at_id_path', keys: { at: -1, _id: -1, unitPath: 1 } },
    ],
  },
  {
    name: 'messages',
    indexes: [
      { name: 'person_created', keys: { personId: 1, createdAt: -1 } },
      { name: 'person_read', keys: { personId: 1, readAt: 1 } },
    ],
  },
  {
    name: 'reports',
    indexes: [
      // Also guarded by `uniques` (see reports.ts, insert); the index is a second line of defence.
      { name: 'request_unique', keys: { createdBy: 1, clientRequestId: 1 }, unique: true },
      { name: 'next_check', keys: { nextCheckAt: 1, _id: 1 } },
      { name: 'resident_created', keys: { residentId: 1, createdAt: -1 } },
      { name: 'creator_created', keys: { createdBy: 1, createdAt: -1 } },
      { name: 'path_due', keys: { unitPath: 1, dueAt: 1 } },
      { name: 'handler_due', keys: { handlerId: 1, dueAt: 1 } },
      { name: 'unit_category_created', keys: { unitId: 1, category: 1, createdAt: -1 } },
      // The management page: open reports of a subtree by deadline, and a subtree's reports by creation month.
      { name: 'status_path_due', keys: { status: 1, unitPath: 1, dueAt: 1 } },
      { name: 'path_created', keys: { unitPath: 1, createdAt: 1 } },
      // The desk's pages in its orders (deadline, filing time either way; ties by id), read off the
      // index with the subtree checked on the index's keys: a page of a street's reports reads about
      // a page's worth, where the indexes above sort the whole subtree first. The database's planner
      // takes these for a big subtree and the ones above for a small one.
      { name: 'due_id_path', keys: { dueAt: 1, _id: 1, unitPath: 1 } },
      { name: 'status_due_id_path', keys: { status: 1, dueAt: 1, _id: 1, unitPath: 1 } },
      { name: 'created_id_path', keys: { createdAt: 1, _id: 1, unitPath: 1 } },
      // The retention job: a community's closed reports by closing time (an open one has none), the
      // contact checked on the documents. No partial index here, so cleared reports stay in the range.
      { name: 'community_closed', keys: { communityId: 1, closedAt: 1, _id: 1 } },
    ],
  },
  {
    name: 'report_events',
    indexes: [
      { name: 'report_at', keys: { reportId: 1, at: 1, ver: 1, pos: 1 } },
      // The meeting agenda: escalations, breaches and disputes of a date range in a subtree; entries
      // written before they carried their report's path (unitPath absent) by type and date alone.
      { name: 'type_path_at', keys: { type: 1, unitPath: 1, at: 1 } },
      { name: 'type_at', keys: { type: 1, at: 1 } },
    ],
  },
  /** Markers of unit/resident imports in progress, so a failed one can be undone (see imports.ts). */
  { name: 'import_batches', indexes: [] },
  /** Imports as jobs, `_id` the job's id (see import-jobs.ts): the timer lists the ones not finished. */
  { name: 'import_jobs', indexes: [{ name: 'state_updated', keys: { state: 1, updatedAt: 1 } }] },
  /** A job's staged rows, `_id` `<jobId>:<seq>`; removed with the job's end. */
  { name: 'import_job_chunks', indexes: [{ name: 'job_seq', keys: { jobId: 1, seq: 1 } }] },
  { name: 'meta', indexes: [] },
  /** Each street's entered holiday years, `_id` `${streetId}:${year}` (see holidays.ts). */
  {
    name: 'holidays',
    indexes: [
      { name: 'street_year', keys: { streetId: 1, year: 1 } },
      // The missing-year warning: the streets that have a year.
      { name: 'year_street', keys: { year: 1, streetId: 1 } },
    ],
  },
  /** What people scan, `_id` the code's id (see codes.ts). */
  {
    name: 'codes',
    indexes: [
      // A unit's codes, newest first (filtered by purpose), and a person's personal codes.
      { name: 'unit_created', keys: { unitId: 1, createdAt: -1, _id: -1 } },
      { name: 'person_created', keys: { personId: 1, createdAt: -1, _id: -1 } },
    ],
  },
  /** Hit counters, `_id` `${key}:${windowStart}` (see rate-limits.ts); purged by window start. */
  { name: 'rate_limits', indexes: [{ name: 'windowStart', keys: { windowStart: 1 } }] },
  /** Registrations, `_id` the registration's id; one pending per applicant through `uniques` (see registrations.ts). */
  {
    name: 'registrations',
    indexes: [
      // The approval queue: a subtree's pending ones, oldest first; a street's read in that order off
      // status_created_id_path (the subtree checked on the index's keys) rather than sorted whole.
      { name: 'status_path_created', keys: { status: 1, buildingPath: 1, createdAt: 1 } },
      { name: 'status_created_id_path', keys: { status: 1, createdAt: 1, _id: 1, buildingPath: 1 } },
      // An applicant's own, newest first; an applicant's rejected ones by openid or web username.
      { name: 'openid_created', keys: { openid: 1, createdAt: -1 } },
      { name: 'keyHash_created', keys: { keyHash: 1, createdAt: -1 } },
      { name: 'applicant_created', keys: { applicantId: 1, createdAt: -1 } },
      { name: 'username_created', keys: { username: 1, createdAt: -1 } },
    ],
  },
  /** Party members' check-ins, `_id` the check-in's id; one pending per applicant through `uniques` (see checkins.ts). */
  {
    name: 'checkins',
    indexes: [
      // The approval queue: a subtree's pending ones, oldest first (as registrations').
      { name: 'status_path_created', keys: { status: 1, unitPath: 1, createdAt: 1 } },
      { name: 'status_created_id_path', keys: { status: 1, createdAt: 1, _id: 1, unitPath: 1 } },
      // The roster and the tallies: a subtree by unit, then name.
      { name: 'path_name', keys: { unitPath: 1, name: 1, _id: 1 } },
      // An applicant's own, newest first: by WeChat, as a person, and as the person approval bound.
      { name: 'openid_created', keys: { openid: 1, createdAt: -1 } },
      { name: 'applicant_created', keys: { applicantId: 1, createdAt: -1 } },
      { name: 'person_created', keys: { personId: 1, createdAt: -1 } },
    ],
  },
  /** Pairings (联户), `_id` `<memberId>:<householdKey>`: one per member and household (see pairings.ts). */
  {
    name: 'pairings',
    indexes: [
      // A subtree's pairings by building and door (filtered by status, member, kind); a member's own.
      { name: 'path_household', keys: { unitPath: 1, householdKey: 1, _id: 1 } },
      { name: 'member_path', keys: { memberId: 1, unitPath: 1, householdKey: 1 } },
    ],
  },
  /** Visits (走访), `_id` `<memberId>:<clientRequestId>`: recorded once (see pairings.ts). */
  {
    name: 'visits',
    indexes: [
      { name: 'pairing_date', keys: { pairingId: 1, date: -1, createdAt: -1 } },
      { name: 'path_date', keys: { unitPath: 1, date: -1 } },
    ],
  },
  // The neighbourhood's programmes (服务记录, 微心愿, 物业测评, 议事, 共建单位): collections-programmes.ts.
  ...PROGRAMME_COLLECTIONS,
  /** Subscribe-message sends per day, kind and template, `_id` `${day}|${kind}|${templateId}`: read by `_id` range (see subscribe-sends.ts). */
  { name: 'subscribe_sends', indexes: [] },
  /** Notice fan-outs (one notice for many people), `_id` from the cause: the timer claims the oldest not done (see notice-fanouts.ts). */
  {
    name: 'notice_fanouts',
    indexes: [
      // The claim and the backlog: those not done (doneAt null), oldest first; purging the done by time.
      { name: 'done_created_id', keys: { doneAt: 1, createdAt: 1, _id: 1 } },
    ],
  },
  /** Lectures, `_id` the lecture's id, holding the seat counters (see lectures.ts). */
  {
    name: 'lectures',
    indexes: [
      // A community's lectures by start: the management list, a month's figures, residents' list.
      { name: 'community_starts', keys: { communityId: 1, startsAt: -1 } },
      // The timer: published lectures by start (reminders, the waiting lists' catch-up).
      { name: 'status_starts', keys: { status: 1, startsAt: 1 } },
    ],
  },
  /** Sign-ups, `_id` `<lectureId>:<personId>` (see lectures.ts). */
  {
    name: 'lecture_signups',
    indexes: [
      // The waiting list in order (and a place on it), the roster, reminders.
      { name: 'lecture_status_seq', keys: { lectureId: 1, status: 1, seq: 1 } },
      // Sequence numbers are handed out once (the lecture's counter keeps it; this is a second line of defence).
      { name: 'lecture_seq_unique', keys: { lectureId: 1, seq: 1 }, unique: true },
      // 我的报名: a person's sign-ups, latest first.
      { name: 'person_signedUp', keys: { personId: 1, signedUpAt: -1 } },
    ],
  },
  /** Each community's speaker pool, `_id` the speaker's id. */
  { name: 'speakers', indexes: [{ name: 'community_name', keys: { communityId: 1, name: 1 } }] },
  /** The points ledger (积分), `_id` the entry's source key: each source grants once (see points.ts). */
  {
    name: 'points_entries',
    indexes: [
      // A person's ledger, newest first (filtered by kind, time).
      { name: 'person_at_id', keys: { personId: 1, at: -1, _id: -1 } },
      // A subtree's: the staff's list and the export by time, the board's period. A big subtree's page
      // is read off at_id_path in its order, the subtree checked on the index's keys (as audit's).
      { name: 'path_at', keys: { unitPath: 1, at: -1 } },
      { name: 'at_id_path', keys: { at: -1, _id: -1, unitPath: 1 } },
    ],
  },
  /** Each person's points balance, `_id` the person's id, moved with every entry in one transaction (see points.ts). */
  { name: 'points_balances', indexes: [] },
  /** The shop's goods (积分超市), `_id` the goods' id, holding the stock (see shop.ts). */
  {
    name: 'goods',
    indexes: [
      // A community's shop: on the shelf first, then by name; or those on the shelf alone.
      { name: 'community_status_name', keys: { communityId: 1, status: -1, name: 1, _id: 1 } },
    ],
  },
  /** Redemptions (兑换), `_id` `<personId>:<clientRequestId>`: a retried one is one order (see shop.ts). */
  {
    name: 'redemptions',
    indexes: [
      // A person's orders and a community's (all, or of some statuses: those to hand over), newest first.
      { name: 'person_ordered_id', keys: { personId: 1, orderedAt: -1, _id: -1 } },
      { name: 'community_ordered_id', keys: { communityId: 1, orderedAt: -1, _id: -1 } },
      { name: 'community_status_ordered_id', keys: { communityId: 1, status: 1, orderedAt: -1, _id: -1 } },
    ],
  },
  /** Open311 interface keys, `_id` the key's id (see api-keys.ts). */
  {
    name: 'api_keys',
    indexes: [
      // Every Open311 call with a key finds it by its hash.
      { name: 'keyHash_unique', keys: { keyHash: 1 }, unique: true },
      // The management page: a community's keys, newest first.
      { name: 'community_created', keys: { communityId: 1, createdAt: -1, _id: -1 } },
    ],
  },
  /** Guard documents that make a value unique: `_id` is the lock (see guards.ts). */
  { name: 'uniques', indexes: [] },
];

/** Creates any of the collections that do not exist yet (indexes are left to deploy). */
export async function ensureCollections(app: App, opts: { prefix?: string } = {}): Promise<void> {
  const db = app.database();
  for (const c of COLLECTIONS) {
    try {
      await db.createCollection(`${opts.prefix ?? ''}${c.name}`);
    } catch (e) {
      const text = `${(e as { code?: string }).code ?? ''} ${(e as Error).message ?? ''}`;
      if (!/ALREADY_EXIST|COLLECTION_EXIST|Table exist|already exists/i.test(text)) throw e;
    }
  }
}
