/**
 * The collections of the neighbourhood's programmes — service records, micro-wishes, the property
 * assessment, deliberation and partner organisations — with the indexes each needs; collections.ts
 * lists them among the rest (COLLECTIONS), in this order.
 */
import type { IndexDecl } from './collections';
import type { CollectionName } from './types';

export const PROGRAMME_COLLECTIONS: { name: CollectionName; indexes: IndexDecl[] }[] = [
  /** Service records (服务记录), `_id` the record's id; written once per (person, client request id) through `uniques` (see service-records.ts). */
  {
    name: 'service_records',
    indexes: [
      // Also guarded by `uniques`; the index is a second line of defence.
      { name: 'request_unique', keys: { personId: 1, clientRequestId: 1 }, unique: true },
      // A person's own, and a subtree's (those to confirm first), latest date first. A big subtree's
      // page is read off status_date_id_path in its order, the subtree checked on the index's keys.
      { name: 'person_date', keys: { personId: 1, date: -1, createdAt: -1, _id: -1 } },
      { name: 'status_path_date', keys: { status: 1, unitPath: 1, date: -1 } },
      { name: 'status_date_id_path', keys: { status: 1, date: -1, createdAt: -1, _id: -1, unitPath: 1 } },
      { name: 'path_date', keys: { unitPath: 1, date: -1 } },
      { name: 'date_id_path', keys: { date: -1, createdAt: -1, _id: -1, unitPath: 1 } },
    ],
  },
  /** Micro-wishes (微心愿), `_id` the wish's id; one claimer by a claim conditional on status (see wishes.ts). */
  {
    name: 'wishes',
    indexes: [
      // Also guarded by `uniques` (see wishes.ts, insert); the index is a second line of defence.
      { name: 'request_unique', keys: { postedBy: 1, clientRequestId: 1 }, unique: true },
      // A subtree's wishes, newest first: by status (open ones to browse, pending ones to approve) or all.
      // A big subtree's page is read off the *_created_id_path ones in its order (as reports').
      { name: 'status_path_created', keys: { status: 1, unitPath: 1, createdAt: -1 } },
      { name: 'status_created_id_path', keys: { status: 1, createdAt: -1, _id: -1, unitPath: 1 } },
      { name: 'path_created', keys: { unitPath: 1, createdAt: -1 } },
      { name: 'created_id_path', keys: { createdAt: -1, _id: -1, unitPath: 1 } },
      // A person's own: posted by them or for them, and claimed by them.
      { name: 'posted_created', keys: { postedBy: 1, createdAt: -1, _id: -1 } },
      { name: 'wisher_created', keys: { wisherId: 1, createdAt: -1, _id: -1 } },
      { name: 'claimer_created', keys: { claimerId: 1, createdAt: -1, _id: -1 } },
      // The timer: open wishes past their day, fulfilled ones nobody confirmed.
      { name: 'status_byDate', keys: { status: 1, byDate: 1, _id: 1 } },
      { name: 'status_fulfilled', keys: { status: 1, fulfilledAt: 1, _id: 1 } },
    ],
  },
  /** Property companies (物业公司), `_id` the company's id; each served compound is held by a guard in `uniques` (see property-companies.ts). */
  { name: 'property_companies', indexes: [{ name: 'community_name', keys: { communityId: 1, name: 1, _id: 1 } }] },
  /** Survey answers (物业测评), `_id` `<compoundId>:<month>:<householdKey>`: one per household a month (see assessments.ts). */
  { name: 'survey_answers', indexes: [{ name: 'compound_month_at', keys: { compoundId: 1, month: 1, at: 1, _id: 1 } }] },
  /** Monthly assessments, `_id` `<compoundId>:<month>`: a community's month to review, a compound's history. */
  {
    name: 'assessments',
    indexes: [
      { name: 'community_month_path', keys: { communityId: 1, month: 1, compoundPath: 1, _id: 1 } },
      { name: 'compound_status_month', keys: { compoundId: 1, status: 1, month: -1 } },
      { name: 'compound_month', keys: { compoundId: 1, month: -1 } },
    ],
  },
  /** Topics (议题), `_id` the topic's id; written once per (opener, client request id) through `uniques` (see topics.ts). */
  {
    name: 'topics',
    indexes: [
      // Also guarded by `uniques`; the index is a second line of defence.
      { name: 'request_unique', keys: { openedBy: 1, clientRequestId: 1 }, unique: true },
      // A resident's units' topics and a subtree's (staff), newest first, by status or all.
      { name: 'unit_created_id', keys: { unitId: 1, createdAt: -1, _id: -1 } },
      { name: 'path_created_id', keys: { unitPath: 1, createdAt: -1, _id: -1 } },
      // The 逢三说事 agenda: open topics past their close (closesAt: the vote's close, or the opinions' end), oldest first.
      { name: 'status_closes_path', keys: { status: 1, closesAt: 1, _id: 1, unitPath: 1 } },
      // The public page: a compound's decided topics, newest decision first.
      { name: 'unit_status_decided', keys: { unitId: 1, status: 1, decidedAt: -1, _id: -1 } },
      { name: 'report_created', keys: { reportId: 1, createdAt: -1 } },
    ],
  },
  /** Opinions (意见), `_id` the opinion's id; written once per (author, topic, client request id) through `uniques`. */
  {
    name: 'opinions',
    indexes: [
      // A topic's opinions in order (and the count of those not hidden); a person's own.
      { name: 'topic_created_id', keys: { topicId: 1, createdAt: 1, _id: 1 } },
      { name: 'person_created_id', keys: { personId: 1, createdAt: -1, _id: -1 } },
    ],
  },
  /** Household votes, `_id` `<topicId>:<householdKey>`: one per household, cast in a transaction with the topic (see votes.ts). */
  {
    name: 'votes',
    indexes: [
      // The tally and turnout; a person's own votes.
      { name: 'topic_option', keys: { topicId: 1, optionId: 1 } },
      { name: 'person_at_id', keys: { personId: 1, at: -1, _id: -1 } },
    ],
  },
  /** Compound rules (公约), `_id` `<compoundId>:<version>`: a version is written once (see compound-rules.ts). */
  { name: 'compound_rules', indexes: [{ name: 'compound_version', keys: { compoundId: 1, version: -1 } }] },
  /** Partners (共建单位), `_id` the partner's id; written once per (creator, client request id) through `uniques` (see partners.ts). */
  {
    name: 'partners',
    indexes: [
      // Also guarded by `uniques`; the index is a second line of defence.
      { name: 'request_unique', keys: { createdBy: 1, clientRequestId: 1 }, unique: true },
      // A community's partners by name (communityIds is an array: a multikey index); a contact's; a name.
      { name: 'communities_name', keys: { communityIds: 1, name: 1, _id: 1 } },
      { name: 'contact_name', keys: { contactPersonId: 1, archived: 1, name: 1, _id: 1 } },
      { name: 'name_archived', keys: { name: 1, archived: 1, createdAt: 1, _id: 1 } },
    ],
  },
  /** Partners' linked members, `_id` the person's id: one partner a person (see partners.ts). */
  { name: 'partner_members', indexes: [{ name: 'partner_linked', keys: { partnerId: 1, linkedAt: 1, _id: 1 } }] },
  /** Partners' resources (资源清单), `_id` the resource's id; written once per (creator, client request id) through `uniques`. */
  {
    name: 'resources',
    indexes: [
      { name: 'request_unique', keys: { createdBy: 1, clientRequestId: 1 }, unique: true },
      // Some partners' resources, newest first, all or of a status.
      { name: 'partner_created_id', keys: { partnerId: 1, createdAt: -1, _id: -1 } },
      { name: 'partner_status_created_id', keys: { partnerId: 1, status: 1, createdAt: -1, _id: -1 } },
    ],
  },
  /** Needs (需求清单), `_id` the need's id; one claimer by a claim transaction that writes the need and its project (see needs.ts). */
  {
    name: 'needs',
    indexes: [
      { name: 'request_unique', keys: { postedBy: 1, clientRequestId: 1 }, unique: true },
      // Some communities' needs, newest first, all or of a status; the needs posted in a period.
      { name: 'community_created_id', keys: { communityId: 1, createdAt: -1, _id: -1 } },
      { name: 'community_status_created_id', keys: { communityId: 1, status: 1, createdAt: -1, _id: -1 } },
    ],
  },
  /** Projects (项目清单), `_id` the project's id; written once per (proposer, client request id) through `uniques` (see projects.ts). */
  {
    name: 'projects',
    indexes: [
      { name: 'request_unique', keys: { proposedBy: 1, clientRequestId: 1 }, unique: true },
      // Some communities' or partners' projects, newest first, all or of a status; a community's year.
      { name: 'community_created_id', keys: { communityId: 1, createdAt: -1, _id: -1 } },
      { name: 'community_status_created_id', keys: { communityId: 1, status: 1, createdAt: -1, _id: -1 } },
      { name: 'partner_created_id', keys: { partnerId: 1, createdAt: -1, _id: -1 } },
      { name: 'partner_status_created_id', keys: { partnerId: 1, status: 1, createdAt: -1, _id: -1 } },
    ],
  },
  /** Partner contacts' visits (走访), `_id` the visit's id; written once per (recorder, client request id) through `uniques`. */
  {
    name: 'partner_visits',
    indexes: [
      { name: 'request_unique', keys: { by: 1, clientRequestId: 1 }, unique: true },
      // A community's visits and some partners' (in a day range), newest day first; each partner's latest day.
      { name: 'community_day_created_id', keys: { communityId: 1, day: -1, createdAt: -1, _id: -1 } },
      { name: 'partner_day_created_id', keys: { partnerId: 1, day: -1, createdAt: -1, _id: -1 } },
      { name: 'partner_community_day', keys: { partnerId: 1, communityId: 1, day: -1 } },
    ],
  },
];
