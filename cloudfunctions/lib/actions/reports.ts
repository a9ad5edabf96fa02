/**
 * Reports (民情反映): create, follow, read, act as handler, rate or dispute as resident.
 * Every use-case: load → check who may → the engine's pure change → a versioned save with its
 * timeline → notifications. A refused step writes nothing.
 */
import {
  CHANNEL_LABEL,
  DEFAULT_POLICY,
  DomainError,
  EVENT_LABEL,
  HANDLER_ROLES,
  LEVEL_LABEL,
  ROLE_LABEL,
  STATUS_LABEL,
  addFollower,
  ancestorIds,
  autoClose,
  nextCheck,
  timerStep,
  warn,
  can,
  closeFollowUp,
  comment,
  createReport,
  decideExtension,
  dispute,
  escalate,
  figures,
  findCategory,
  isOpen,
  nextLevel,
  provideInfo,
  rate,
  reject,
  requestExtension,
  requestInfo,
  resolve,
  respond,
  route,
  scopeRoots,
  schemas,
  transfer,
  transition,
  type Act,
  type Binding,
  type Category,
  type Change,
  type CommunityPolicy,
  type Level,
  type Report,
  type ReportDetail,
  type ReportSummary,
  type Route,
  type TimelineEntry,
  type Unit,
} from '../../../src/core';
import type { Deps } from '../deps';
import type { Notice } from '../ports/notifier';
import type { ReportSave } from '../store/port';
import { auditEntry } from './common';
import { personAction, type AuthedContext, type Caller, type FunctionDef } from './define';
import { policyKey, readStoredPolicy } from './policy';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** "Due soon": within a working day's worth of hours. */
const DUE_SOON = 24 * HOUR;

/** The deadline policy of a community: its own if staff saved one, else the defaults. */
export async function policyFor(deps: Deps, communityId: string | null): Promise<CommunityPolicy> {
  if (!communityId) return DEFAULT_POLICY;
  return readStoredPolicy(await deps.store.meta.get(policyKey(communityId))).policy;
}

function act(deps: Deps, policy: CommunityPolicy, actorId: string | null): Act {
  return { cal: deps.calendar, policy, now: deps.clock.now(), actorId, newId: () => deps.ids.next('evt') };
}

export async function chainOf(deps: Deps, unit: Pick<Unit, 'path'>): Promise<Unit[]> {
  const ids = ancestorIds(unit.path);
  const units = await deps.store.units.getMany(ids);
  const byId = new Map(units.map((u) => [u.id, u]));
  return ids.reverse().map((id) => byId.get(id)!).filter(Boolean);
}

/** The bindings that can make someone a handler, on these units. */
async function bindingsOn(deps: Deps, units: readonly Unit[]): Promise<Binding[]> {
  return deps.store.bindings.listWithRoles(
    units.map((u) => u.id),
    HANDLER_ROLES,
  );
}

/** Where a report lands when it enters at `from`. */
export async function routeFrom(deps: Deps, report: Pick<Report, 'unitPath'>, category: Category, from: Level): Promise<Route> {
  const chain = await chainOf(deps, { path: report.unitPath });
  return route(from, category, chain, await bindingsOn(deps, chain));
}

function categoryOf(policy: CommunityPolicy, code: string): Category {
  const c = findCategory(policy, code);
  if (!c) throw new DomainError('REPORT.CATEGORY_UNKNOWN', undefined, 'category');
  return c;
}

// ---------- who may do what ----------

function isResidentOf(caller: Caller, r: Report): boolean {
  return r.residentId === caller.person.id || r.createdBy === caller.person.id;
}

function mayView(caller: Caller, r: Report): boolean {
  return isResidentOf(caller, r) || r.followers.includes(caller.person.id) || can(caller.bindings, 'report.view', { path: r.unitPath });
}

/** The current handler, anyone holding a handler role on the current level's unit, or staff above it. */
function mayHandle(caller: Caller, r: Report): boolean {
  if (!isOpen(r.status) && r.status !== 'resolved') return false;
  if (r.handlerId === caller.person.id) return true;
  if (can(caller.bindings, 'report.manage', { path: r.unitPath })) return true;
  return !!r.levelUnitId && caller.bindings.some((b) => b.unit.id === r.levelUnitId && !b.unit.archived && b.role !== 'resident' && b.role !== 'member' && b.role !== 'volunteer');
}

/** Extensions are decided by the level above the report's level (or staff). */
async function mayDecide(deps: Deps, caller: Caller, r: Report): Promise<boolean> {
  if (!r.extension) return false;
  if (can(caller.bindings, 'report.manage', { path: r.unitPath })) return true;
  const chain = await chainOf(deps, { path: r.unitPath });
  const deciderUnit = chain.find((u) => u.kind === r.extension!.deciderLevel);
  return !!deciderUnit && caller.bindings.some((b) => b.unit.id === deciderUnit.id && b.role !== 'resident' && b.role !== 'member' && b.role !== 'volunteer');
}

async function allowedActions(deps: Deps, caller: Caller, r: Report): Promise<string[]> {
  const out: string[] = [];
  const allowed = (e: Parameters<typeof transition>[1]) => transition(r.status, e) !== null;
  if (mayHandle(caller, r) && isOpen(r.status)) {
    if (allowed('respond') && r.respondedAt === null) out.push('respond');
    for (const a of ['resolve', 'transfer', 'requestInfo'] as const) if (allowed(a)) out.push(a);
    if (allowed('escalate') && nextLevel(r.level)) out.push('escalate');
    if (allowed('requestExtension') && !r.extension && nextLevel(r.level)) out.push('requestExtension');
    if (allowed('rejectDuplicate') || allowed('rejectNotActionable')) out.push('reject');
    out.push('comment');
  }
  if (r.extension && (await mayDecide(deps, caller, r)) && allowed('decideExtension')) out.push('decideExtension');
  if (isResidentOf(caller, r)) {
    if (r.status === 'resolved') out.push('rate', 'dispute');
    if (r.status === 'needs_info') out.push('provideInfo');
  }
  if (r.followUp?.status === 'open' && can(caller.bindings, 'report.manage', { path: r.unitPath })) out.push('closeFollowUp');
  if (isOpen(r.status) && !isResidentOf(caller, r) && !r.followers.includes(caller.person.id) && caller.bindings.some((b) => b.role === 'resident' && b.unit.id === r.unitId))
    out.push('follow');
  return out;
}

// ---------- views ----------

const fmt = (t: number) => {
  const d = new Date(t + 8 * HOUR);
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
};

export interface Names {
  units: Map<string, Unit>;
  people: Map<string, { name: string; phone: string | null }>;
}

/** `knownUnits`: units the caller has just read, not read again. */
export async function namesFor(deps: Deps, reports: readonly Report[], extraPeople: string[] = [], knownUnits: readonly Unit[] = []): Promise<Names> {
  const known = new Map(knownUnits.map((u) => [u.id, u]));
  const unitIds = new Set<string>();
  const personIds = new Set<string>(extraPeople);
  for (const r of reports) {
    for (const id of ancestorIds(r.unitPath)) if (!known.has(id)) unitIds.add(id);
    if (r.handlerId) personIds.add(r.handlerId);
    if (r.residentId) personIds.add(r.residentId);
  }
  const [units, people] = await Promise.all([unitIds.size ? deps.store.units.getMany([...unitIds]) : [], deps.store.people.getMany([...personIds])]);
  for (const u of units) known.set(u.id, u);
  return { units: known, people: new Map(people.map((p) => [p.id, { name: p.name, phone: p.phone }])) };
}

export function summary(r: Report, names: Names, policy: CommunityPolicy, now: number): ReportSummary {
  const category = findCategory(policy, r.category);
  const trail = ancestorIds(r.unitPath).map((id) => names.units.get(id));
  const place = trail.filter((u) => u && (u.kind === 'compound' || u.kind === 'building')).map((u) => u!.name).join(' ');
  const open = isOpen(r.status);
  return {
    id: r.id,
    version: r.version,
    category: r.category,
    categoryName: category?.name ?? r.category,
    icon: category?.icon ?? '💬',
    urgent: r.urgent,
    description: r.description,
    status: r.status,
    statusLabel: STATUS_LABEL[r.status],
    level: r.level,
    levelLabel: LEVEL_LABEL[r.level],
    unitName: names.units.get(r.unitId)?.name ?? '',
    place,
    handlerName: r.handlerId ? (names.people.get(r.handlerId)?.name ?? null) : null,
    respondBy: r.respondBy,
    dueAt: r.dueAt,
    overdue: open && now > r.dueAt,
    dueSoon: open && now <= r.dueAt && r.dueAt - now <= DUE_SOON,
    createdAt: r.createdAt,
    followers: r.followers.length,
  };
}

function nextStep(r: Report, s: ReportSummary, policy: CommunityPolicy): string {
  const who = s.handlerName ? `${s.levelLabel}的${s.handlerName}` : `${s.levelLabel}`;
  switch (r.status) {
    case 'submitted':
      if (!r.handlerId) return `${s.levelLabel}暂时没有负责人，街道已收到提醒，会尽快安排。`;
      return `已交给${who}，${fmt(r.respondBy)}前会联系您，${fmt(r.dueAt)}前办结。${nextLevel(r.level) ? `超时会自动上报到${LEVEL_LABEL[nextLevel(r.level)!]}。` : ''}`;
    case 'responded':
      return `${who}正在办理，${fmt(r.dueAt)}前办结。${nextLevel(r.level) ? `超时会自动上报到${LEVEL_LABEL[nextLevel(r.level)!]}。` : ''}`;
    case 'transferred':
      return `已转交${r.transferredTo ?? '相关部门'}办理，${who}会跟进，${fmt(r.dueAt)}前办结。`;
    case 'needs_info':
      return '需要您补充一些情况，请看下面的记录并填写补充说明。';
    case 'resolved':
      return `已办结，请您确认并评价；${policy.autoCloseDays} 天内没有评价会自动关闭。问题没解决可以点“问题还没解决”。`;
    case 'closed':
      return r.rating ? '已评价，谢谢您。' : '已关闭。';
    case 'rejected':
      return `未受理：${r.rejectReason ?? ''}`;
  }
}

/** `known`: what the caller has just read or written for this report (a new report's timeline, its policy and units). */
async function detail(ctx: AuthedContext, r: Report, known: { policy?: CommunityPolicy; timeline?: TimelineEntry[]; units?: readonly Unit[] } = {}): Promise<ReportDetail> {
  const { deps, caller } = ctx;
  const policy = known.policy ?? (await policyFor(deps, r.communityId));
  const timeline = known.timeline ?? (await deps.store.reports.timeline(r.id));
  const names = await namesFor(deps, [r], timeline.map((e) => e.actorId).filter((x): x is string => !!x), known.units);
  const s = summary(r, names, policy, deps.clock.now());
  const seesResident = isResidentOf(caller, r) || can(caller.bindings, 'report.view', { path: r.unitPath });
  const resident = r.residentId ? names.people.get(r.residentId) : null;
  // The handler's own bindings are a handful; the unit's can be every resident of a building.
  const handlerBinding = r.handlerId && r.levelUnitId ? (await deps.store.bindings.listForPerson(r.handlerId)).find((b) => b.unitId === r.levelUnitId) : undefined;
  const handler = r.handlerId ? names.people.get(r.handlerId) : null;
  const anonymousToMe = r.anonymous && !seesResident;
  return {
    ...s,
    location: r.location,
    photos: r.photos.map((p) => deps.photos.url(p)),
    channel: r.channel,
    channelLabel: CHANNEL_LABEL[r.channel],
    anonymous: r.anonymous,
    resident: seesResident && !anonymousToMe ? (resident ? { name: resident.name, phone: resident.phone } : r.contactName ? { name: r.contactName, phone: r.contactPhone } : null) : null,
    handler: handler ? { name: handler.name, roleLabel: handlerBinding ? ROLE_LABEL[handlerBinding.role] : LEVEL_LABEL[r.level], phone: handler.phone } : null,
    nextStep: nextStep(r, s, policy),
    rating: r.rating,
    ratingNote: r.ratingNote,
    rejectReason: r.rejectReason,
    transferredTo: r.transferredTo,
    extension: r.extension,
    followUp: can(caller.bindings, 'report.view', { path: r.unitPath }) ? r.followUp : null,
    breached: r.breached,
    flagged: r.flagged,
    escalations: r.escalations,
    disputes: r.disputes,
    timeline: timeline
      .slice()
      .reverse()
      .map((e) => ({
        id: e.id,
        at: e.at,
        type: e.type,
        label: e.type === 'escalate' && e.toLevel ? `上报到${LEVEL_LABEL[e.toLevel]}` : EVENT_LABEL[e.type],
        actorName: e.actorId ? (names.people.get(e.actorId)?.name ?? null) : '系统',
        fromLevel: e.fromLevel,
        toLevel: e.toLevel,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        note: e.type === 'create' && anonymousToMe ? e.note : e.note,
        photos: e.photos.map((p) => deps.photos.url(p)),
      })),
    can: await allowedActions(deps, caller, r),
  };
}

// ---------- writing ----------

/** The report if the caller may see it; with `version`, only if it is still the one they read. */
async function load(ctx: AuthedContext, id: string, version?: number): Promise<Report> {
  const r = await ctx.deps.store.reports.get(id);
  if (!r || !mayView(ctx.caller, r)) throw new DomainError('REPORT.NOT_FOUND', undefined, 'id');
  if (version !== undefined && r.version !== version) throw new DomainError('CONFLICT.VERSION');
  return r;
}

/** What a saved change brings with it: its audit entry and who hears of it. */
interface Effects {
  /** The audited action, e.g. 'reports.resolve' (recorded against the report's unit). */
  audit?: string;
  /** The notices to send, given the report as it will be saved. */
  notices?: (next: Report) => Notice[] | Promise<Notice[]>;
}

/**
 * Saves a change over the version the caller read, with its audit entry and in-app messages in the
 * same write: a lost race (CONFLICT.VERSION) writes none of them. Messages are delivered further
 * (subscribe messages) only once the write has landed.
 */
async function commit(ctx: AuthedContext, before: Report, expected: number, change: Change, effects: Effects = {}): Promise<Report> {
  if (before.version !== expected) throw new DomainError('CONFLICT.VERSION');
  const { deps } = ctx;
  const notices = effects.notices ? await effects.notices({ ...change.report, version: expected + 1 }) : [];
  const saved = await deps.store.reports.save(change.report, expected, change.entries, {
    audit: effects.audit ? [auditEntry(ctx, effects.audit, 'unit', before.unitId, { reportId: before.id }, before.unitPath)] : [],
    messages: notices.map((n) => deps.notifier.message(n)),
  });
  if (!saved) throw new DomainError('CONFLICT.VERSION');
  for (const n of notices) await deps.notifier.deliver(n);
  return saved;
}

/** A notice about a report to a handler (or, `resident`, to the resident); none without a person. */
const noticeTo = (personId: string | null, kind: string, title: string, body: string, reportId: string, resident = false): Notice[] =>
  personId ? [{ personId, kind, title, body, page: resident ? `pages/report/detail?id=${reportId}` : `handler/report/index?id=${reportId}` }] : [];

/** The resident (or whoever filed it) and every follower. */
function residentNotices(r: Report, kind: string, title: string, body: string): Notice[] {
  const ids = new Set([r.residentId ?? r.createdBy, ...r.followers]);
  return [...ids].flatMap((id) => noticeTo(id, kind, title, body, r.id, true));
}

type HandlerOp = (a: Act, r: Report, category: Category, input: Record<string, unknown>) => Promise<Change> | Change;

function handlerAction<S extends (typeof schemas.reports)[keyof typeof schemas.reports]>(
  schema: S,
  op: HandlerOp,
  notices?: (ctx: AuthedContext, before: Report, next: Report, input: Record<string, unknown>) => Notice[] | Promise<Notice[]>,
) {
  return personAction(schema, async (ctx, raw) => {
    const input = raw as Record<string, unknown> & { id: string; version: number };
    const r = await load(ctx, input.id, input.version);
    if (!mayHandle(ctx.caller, r)) throw new DomainError('AUTH.FORBIDDEN');
    const policy = await policyFor(ctx.deps, r.communityId);
    const change = await op(act(ctx.deps, policy, ctx.caller.person.id), r, categoryOf(policy, r.category), input);
    const saved = await commit(ctx, r, input.version, change, {
      audit: `reports.${change.entries[change.entries.length - 1]?.type ?? 'change'}`,
      notices: notices && ((next) => notices(ctx, r, next, input)),
    });
    return detail(ctx, saved);
  });
}

export const reports: FunctionDef = {
  categories: personAction(schemas.reports.categories, async (ctx, input) => {
    const unit = input.unitId ? await ctx.deps.store.units.get(input.unitId) : null;
    const chain = unit ? await chainOf(ctx.deps, unit) : [];
    const community = chain.find((u) => u.kind === 'community') ?? null;
    return { categories: (await policyFor(ctx.deps, community?.id ?? null)).categories };
  }),

  similar: personAction(schemas.reports.similar, async (ctx, input) => {
    const now = ctx.deps.clock.now();
    const found = await ctx.deps.store.reports.findOpenSimilar(input.unitId, input.category, now - 48 * HOUR);
    const visible = found.filter((r) => r.unitId === input.unitId && (ctx.caller.bindings.some((b) => b.unit.id === r.unitId) || mayView(ctx.caller, r)));
    const names = await namesFor(ctx.deps, visible);
    return visible.map((r) => summary(r, names, DEFAULT_POLICY, now));
  }),

  create: personAction(schemas.reports.create, async (ctx, input) => {
    const { deps, caller } = ctx;
    const unit = await deps.store.units.get(input.unitId);
    if (!unit || unit.archived || (unit.kind !== 'building' && unit.kind !== 'compound')) throw new DomainError('UNIT.NOT_FOUND', '请选择您住的楼栋', 'unitId');
    const channel = input.channel ?? 'resident';
    const onBehalf = channel !== 'resident';
    if (onBehalf) {
      // A building lead records a message from the group chat; staff record visits and calls.
      const mayRecord =
        can(caller.bindings, 'report.manage', unit) ||
        caller.bindings.some((b) => !b.unit.archived && unit.path.startsWith(b.unit.path) && ['building_lead', 'compound_secretary', 'property_manager'].includes(b.role));
      if (!mayRecord) throw new DomainError('AUTH.FORBIDDEN');
      if (channel === 'group_chat' && !input.residentId && !input.contactName) throw new DomainError('INPUT.INVALID', '请填写居民姓名', 'contactName');
      if ((channel === 'visit' || channel === 'phone') && !can(caller.bindings, 'report.manage', unit) && !caller.bindings.some((b) => b.role === 'compound_secretary' && unit.path.startsWith(b.unit.path)))
        throw new DomainError('AUTH.FORBIDDEN', '走访和电话记录由社区工作人员登记');
    } else if (!caller.bindings.some((b) => b.role === 'resident' && !b.unit.archived && unit.path.startsWith(b.unit.path) || (b.role === 'resident' && b.unit.path.startsWith(unit.path) && unit.kind === 'compound'))) {
      throw new DomainError('REPORT.NOT_RESIDENT', undefined, 'unitId');
    }
    if (input.residentId && !(await deps.store.people.get(input.residentId))) throw new DomainError('PERSON.NOT_FOUND', undefined, 'residentId');
    const chain = await chainOf(deps, unit);
    const community = chain.find((u) => u.kind === 'community') ?? null;
    const policy = await policyFor(deps, community?.id ?? null);
    const category = categoryOf(policy, input.category);
    const photos = await deps.photos.accept(input.photos ?? [], caller.person.id);
    const r = route(category.entryLevel, category, chain, await bindingsOn(deps, chain));
    const change = createReport(
      act(deps, policy, caller.person.id),
      {
        id: deps.ids.next('rep'),
        clientRequestId: input.clientRequestId,
        residentId: onBehalf ? (input.residentId ?? null) : caller.person.id,
        createdBy: caller.person.id,
        channel,
        contactName: onBehalf ? (input.contactName ?? null) : null,
        contactPhone: onBehalf ? (input.contactPhone ?? null) : null,
        unitId: unit.id,
        unitPath: unit.path,
        communityId: community?.id ?? null,
        category,
        description: input.description,
        location: input.location ?? null,
        photos,
        anonymous: input.anonymous ?? false,
      },
      r,
    );
    // The report, its audit entry and the handler's message in one write: a retry writes none of them.
    const notices = noticeTo(change.report.handlerId, 'report.assigned', `新的民情反映：${category.name}`, change.report.description.slice(0, 40), change.report.id);
    const { report, created } = await deps.store.reports.insert(change.report, change.entries, {
      audit: [auditEntry(ctx, 'reports.create', 'unit', unit.id, { reportId: change.report.id, category: category.code }, unit.path)],
      messages: notices.map((n) => deps.notifier.message(n)),
    });
    if (created) for (const n of notices) await deps.notifier.deliver(n);
    // A new report's timeline, policy and units are the ones just used; a retried create reads its report's.
    return { report: await detail(ctx, report, created ? { policy, timeline: change.entries, units: chain } : {}), created };
  }),

  mine: personAction(schemas.reports.mine, async (ctx, input) => {
    const list = await ctx.deps.store.reports.listForResident(ctx.caller.person.id, input.limit ?? 20, input.before);
    const names = await namesFor(ctx.deps, list);
    return list.map((r) => summary(r, names, DEFAULT_POLICY, ctx.deps.clock.now()));
  }),

  detail: personAction(schemas.reports.detail, async (ctx, input) => detail(ctx, await load(ctx, input.id))),

  follow: personAction(schemas.reports.follow, async (ctx, input) => {
    const r = await ctx.deps.store.reports.get(input.id);
    if (!r || !ctx.caller.bindings.some((b) => b.role === 'resident' && b.unit.id === r.unitId)) throw new DomainError('REPORT.NOT_FOUND', undefined, 'id');
    const policy = await policyFor(ctx.deps, r.communityId);
    const change = addFollower(act(ctx.deps, policy, ctx.caller.person.id), r, ctx.caller.person.id);
    const saved = change.entries.length ? await commit(ctx, r, r.version, change) : r;
    return detail(ctx, saved);
  }),

  inbox: personAction(schemas.reports.inbox, async (ctx, input) => {
    const { deps, caller } = ctx;
    const now = deps.clock.now();
    const open = ['submitted', 'responded', 'transferred', 'needs_info'] as const;
    const roots = scopeRoots(caller.bindings, 'report.view');
    const mine = { path: '/', statuses: open, handlerId: caller.person.id };
    const counts = {
      assigned: await deps.store.reports.count(mine),
      dueSoon: (await deps.store.reports.count({ ...mine, dueBefore: now + DUE_SOON })) - (await deps.store.reports.count({ ...mine, dueBefore: now })),
      overdue: await deps.store.reports.count({ ...mine, dueBefore: now }),
    };
    const limit = input.limit ?? 50;
    const offset = input.offset ?? 0;
    let list: Report[];
    const view = input.view ?? 'assigned';
    if (view === 'all') {
      if (roots.length === 0) throw new DomainError('AUTH.FORBIDDEN');
      list = (await Promise.all(roots.map((u) => deps.store.reports.list({ path: u.path, statuses: open }, limit + offset)))).flat().sort((a, b) => a.dueAt - b.dueAt).slice(offset, offset + limit);
    } else {
      const all = await deps.store.reports.list(view === 'overdue' ? { ...mine, dueBefore: now } : view === 'dueSoon' ? { ...mine, dueBefore: now + DUE_SOON } : mine, limit + offset + 1000);
      list = (view === 'dueSoon' ? all.filter((r) => r.dueAt >= now) : all).slice(offset, offset + limit);
    }
    const names = await namesFor(deps, list);
    return { reports: list.map((r) => summary(r, names, DEFAULT_POLICY, now)), counts };
  }),

  respond: handlerAction(schemas.reports.respond, (a, r, _c, i) => respond(a, r, (i.note as string) ?? null), (_ctx, _b, next) =>
    residentNotices(next, 'report.responded', '您的反映有人响应了', '负责人已收到，正在处理'),
  ),

  escalate: personAction(schemas.reports.escalate, async (ctx, input) => {
    const r = await load(ctx, input.id, input.version);
    if (!mayHandle(ctx.caller, r)) throw new DomainError('AUTH.FORBIDDEN');
    const up = nextLevel(r.level);
    if (!up) throw new DomainError('REPORT.TOP_LEVEL');
    const policy = await policyFor(ctx.deps, r.communityId);
    const category = categoryOf(policy, r.category);
    const change = escalate(act(ctx.deps, policy, ctx.caller.person.id), r, category, await routeFrom(ctx.deps, r, category, up), input.reason, false);
    const saved = await commit(ctx, r, input.version, change, { audit: 'reports.escalate', notices: escalationNotices });
    return detail(ctx, saved);
  }),

  transfer: handlerAction(schemas.reports.transfer, (a, r, _c, i) => transfer(a, r, i.department as string, (i.note as string) ?? null), (_ctx, _b, next) =>
    residentNotices(next, 'report.transferred', '您的反映已转交相关部门', `已转交${next.transferredTo}办理`),
  ),

  requestInfo: handlerAction(schemas.reports.requestInfo, (a, r, _c, i) => requestInfo(a, r, i.question as string), (_ctx, _b, next, i) =>
    residentNotices(next, 'report.needsInfo', '请补充反映的情况', String(i.question).slice(0, 40)),
  ),

  requestExtension: handlerAction(schemas.reports.requestExtension, (a, r, _c, i) => requestExtension(a, r, i.days as number, i.reason as string), async (ctx, before, next) => {
    const chain = await chainOf(ctx.deps, { path: next.unitPath });
    const policy = await policyFor(ctx.deps, next.communityId);
    const category = categoryOf(policy, next.category);
    const deciderLevel = next.extension!.deciderLevel;
    const decider = route(deciderLevel, category, chain, await bindingsOn(ctx.deps, chain)).stop.handlerId;
    return noticeTo(decider, 'report.extensionRequested', '有一份延期申请待审批', before.description.slice(0, 40), next.id);
  }),

  decideExtension: personAction(schemas.reports.decideExtension, async (ctx, input) => {
    const r = await load(ctx, input.id, input.version);
    if (!(await mayDecide(ctx.deps, ctx.caller, r))) throw new DomainError(r.extension ? 'AUTH.FORBIDDEN' : 'REPORT.NO_EXTENSION');
    const policy = await policyFor(ctx.deps, r.communityId);
    const requester = r.extension!.requestedBy;
    const change = decideExtension(act(ctx.deps, policy, ctx.caller.person.id), r, input.approve, input.note ?? null);
    const saved = await commit(ctx, r, input.version, change, {
      audit: 'reports.decideExtension',
      notices: (next) => noticeTo(requester, 'report.extensionDecided', input.approve ? '延期申请已同意' : '延期申请未同意', `新的办结时限：${fmt(next.dueAt)}`, next.id),
    });
    return detail(ctx, saved);
  }),

  resolve: handlerAction(
    schemas.reports.resolve,
    async (a, r, _c, i) => resolve(a, r, i.note as string, []),
    (_ctx, _b, next) => residentNotices(next, 'report.resolved', '您的反映已办结，请评价', '请确认问题是否解决并评价'),
  ),

  reject: handlerAction(
    schemas.reports.reject,
    (a, r, _c, i) => reject(a, r, i.kind as 'duplicate' | 'notActionable', i.reason as string, (i.duplicateOf as string) ?? null),
    (_ctx, _b, next) => residentNotices(next, 'report.rejected', '您的反映未受理', next.rejectReason ?? ''),
  ),

  comment: handlerAction(schemas.reports.comment, (a, r, _c, i) => comment(a, r, i.note as string, [])),

  provideInfo: personAction(schemas.reports.provideInfo, async (ctx, input) => {
    const r = await load(ctx, input.id, input.version);
    if (!isResidentOf(ctx.caller, r)) throw new DomainError('AUTH.FORBIDDEN');
    const policy = await policyFor(ctx.deps, r.communityId);
    const photos = await ctx.deps.photos.accept(input.photos ?? [], ctx.caller.person.id);
    const saved = await commit(ctx, r, input.version, provideInfo(act(ctx.deps, policy, ctx.caller.person.id), r, input.answer, photos), {
      audit: 'reports.provideInfo',
      notices: (next) => noticeTo(next.handlerId, 'report.infoProvided', '居民补充了情况', input.answer.slice(0, 40), next.id),
    });
    return detail(ctx, saved);
  }),

  rate: personAction(schemas.reports.rate, async (ctx, input) => {
    const r = await load(ctx, input.id);
    if (!isResidentOf(ctx.caller, r)) throw new DomainError('AUTH.FORBIDDEN');
    if (r.rating) throw new DomainError('REPORT.ALREADY_RATED');
    const policy = await policyFor(ctx.deps, r.communityId);
    const saved = await commit(ctx, r, input.version, rate(act(ctx.deps, policy, ctx.caller.person.id), r, input.rating, input.note ?? null), {
      audit: 'reports.rate',
      notices: async (next) => {
        if (input.rating !== 'unsatisfied') return [];
        // A follow-up task for community staff.
        const chain = await chainOf(ctx.deps, { path: next.unitPath });
        const community = chain.find((u) => u.kind === 'community');
        if (!community) return [];
        const staff = (await ctx.deps.store.bindings.listForUnit(community.id)).filter((x) => x.role === 'community_staff' || x.role === 'community_secretary');
        return staff.flatMap((b) => noticeTo(b.personId, 'report.followUp', '居民不满意，请回访', next.description.slice(0, 40), next.id));
      },
    });
    return detail(ctx, saved);
  }),

  dispute: personAction(schemas.reports.dispute, async (ctx, input) => {
    const r = await load(ctx, input.id, input.version);
    if (!isResidentOf(ctx.caller, r)) throw new DomainError('AUTH.FORBIDDEN');
    const policy = await policyFor(ctx.deps, r.communityId);
    const photos = await ctx.deps.photos.accept(input.photos ?? [], ctx.caller.person.id);
    const saved = await commit(ctx, r, input.version, dispute(act(ctx.deps, policy, ctx.caller.person.id), r, categoryOf(policy, r.category), input.reason, photos), {
      audit: 'reports.dispute',
      notices: (next) => noticeTo(next.handlerId, 'report.disputed', '居民表示问题还没解决', input.reason.slice(0, 40), next.id),
    });
    return detail(ctx, saved);
  }),

  closeFollowUp: personAction(schemas.reports.closeFollowUp, async (ctx, input) => {
    const r = await load(ctx, input.id, input.version);
    if (!can(ctx.caller.bindings, 'report.manage', { path: r.unitPath })) throw new DomainError('AUTH.FORBIDDEN');
    const policy = await policyFor(ctx.deps, r.communityId);
    const saved = await commit(ctx, r, input.version, closeFollowUp(act(ctx.deps, policy, ctx.caller.person.id), r, input.note), { audit: 'reports.closeFollowUp' });
    return detail(ctx, saved);
  }),

  figures: personAction(schemas.reports.figures, async (ctx, input) => {
    const unit = await ctx.deps.store.units.get(input.unitId);
    if (!unit) throw new DomainError('UNIT.NOT_FOUND', undefined, 'unitId');
    if (!can(ctx.caller.bindings, 'report.view', unit)) throw new DomainError('AUTH.FORBIDDEN');
    const [y, m] = input.month.split('-').map(Number);
    const from = Date.UTC(y, m - 1, 1) - 8 * HOUR;
    const to = Date.UTC(y, m, 1) - 8 * HOUR;
    const list: Report[] = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await ctx.deps.store.reports.list({ path: unit.path, createdFrom: from, createdTo: to }, 1000, offset);
      list.push(...page);
      if (page.length < 1000) break;
    }
    const f = figures(list);
    return { ...f, unitId: unit.id, month: input.month };
  }),
};

/** The new handler, then the resident and followers, of a report that went up a level. */
function escalationNotices(saved: Report): Notice[] {
  return [
    ...noticeTo(saved.handlerId, 'report.assigned', `上报来的民情反映（${LEVEL_LABEL[saved.level]}）`, saved.description.slice(0, 40), saved.id),
    ...residentNotices(saved, 'report.escalated', '您的反映已上报', `已上报到${LEVEL_LABEL[saved.level]}处理`),
  ];
}

// ---------- the timer ----------

export interface SweepResult {
  warned: number;
  escalated: number;
  closed: number;
  skipped: number;
}

/**
 * Warns, escalates on breach and auto-closes every report whose time has come. Reports are
 * claimed in bulk first, so two sweeps at once never act on the same report twice; a sweep that
 * finds days of backlog works through all of it, each report once. Each claimed batch is saved in
 * one `saveAll`, every report with its timeline and the messages it sends.
 */
export async function sweep(deps: Deps, owner: string, batch = 1000): Promise<SweepResult> {
  const res: SweepResult = { warned: 0, escalated: 0, closed: 0, skipped: 0 };
  const seen = new Set<string>();
  // Acted on earlier in this run and due again (e.g. flagged at the street with its warning time
  // past): held, so the bulk claim does not hand them back, and let go untouched at the end.
  const held: Report[] = [];
  const now = deps.clock.now();
  // Thousands of due reports share a few dozen buildings: each community's policy and each route is
  // looked up once per run (a snapshot as of the run, like `now`), not once per report.
  const policies = new Map<string | null, Promise<CommunityPolicy>>();
  const routes = new Map<string, Promise<Route>>();
  const once = <K, V>(memo: Map<K, Promise<V>>, key: K, load: () => Promise<V>): Promise<V> => {
    let v = memo.get(key);
    if (!v) memo.set(key, (v = load()));
    return v;
  };
  for (;;) {
    const claimed = await deps.store.reports.claimDue(now, batch, owner, now + 5 * 60_000);
    if (claimed.length === 0) break;
    const saves: ReportSave[] = [];
    const done: { step: ReturnType<typeof timerStep>; notices: Notice[] }[] = [];
    for (const r of claimed) {
      if (seen.has(r.id)) {
        held.push(r);
        continue;
      }
      seen.add(r.id);
      const policy = await once(policies, r.communityId, () => policyFor(deps, r.communityId));
      const a: Act = { cal: deps.calendar, policy, now, actorId: null, newId: () => deps.ids.next('evt') };
      const step = timerStep(r, policy, now);
      let change: Change | null = null;
      if (step === 'warn') change = warn(a, r);
      if (step === 'autoClose') change = autoClose(a, r);
      if (step === 'escalate') {
        const category = categoryOf(policy, r.category);
        const up = nextLevel(r.level);
        const routeUp = up ? await once(routes, `${r.unitPath} ${category.code} ${up}`, () => routeFrom(deps, r, category, up)) : null;
        change = escalate(a, r, category, routeUp, `超过${LEVEL_LABEL[r.level]}办理时限，自动上报`, true);
      }
      // Saving it ends the claim.
      const released = { ...(change?.report ?? r) };
      if (!change) released.nextCheckAt = nextCheck(r, policy);
      const notices =
        step === 'warn'
          ? noticeTo(released.handlerId, 'report.warning', '民情反映即将超时', `请在${fmt(released.dueAt)}前办结`, r.id)
          : step === 'escalate'
            ? [...noticeTo(r.handlerId, 'report.breached', '民情反映已超时，已自动上报', r.description.slice(0, 40), r.id), ...(released.level !== r.level ? escalationNotices(released) : [])]
            : [];
      saves.push({ report: released, before: r, expectedVersion: r.version, entries: change?.entries ?? [], also: { messages: notices.map((n) => deps.notifier.message(n)) } });
      done.push({ step, notices });
    }
    const saved = await deps.store.reports.saveAll(saves);
    for (const [i, { step, notices }] of done.entries()) {
      if (!saved[i]) {
        res.skipped++;
        continue;
      }
      if (step === 'warn') res.warned++;
      else if (step === 'autoClose') res.closed++;
      else if (step === 'escalate') res.escalated++;
      for (const n of notices) await deps.notifier.deliver(n);
    }
  }
  await deps.store.reports.release(
    held.map((r) => r.id),
    owner,
  );
  return res;
}

export { DAY };
