/**
 * The management page (`desk`): dashboard, report desk, reassign, meeting agenda, import,
 * deadline settings, ledger and audit log — the contract in src/core/desk.ts.
 *
 * Staff only (a staff role: community staff, community secretary, street officer), and every
 * action stays inside the subtree of the caller's staff bindings; with no unit given, the
 * caller's top staff unit. Every number of the dashboard carries the filter that lists exactly
 * the reports it counts, and the store computes both from the same columns.
 */
import {
  CHANNEL_LABEL,
  DEFAULT_POLICY,
  DomainError,
  HANDLER_ROLES,
  LEVELS,
  RATINGS,
  ROLE_LABEL,
  STATUSES,
  UNIT_KIND_LABEL,
  EVENT_LABEL,
  ancestorIds,
  can,
  findCategory,
  isOpen,
  reassign,
  schemas,
  scopeRoots,
  viewPerson,
  type Agenda,
  type AgendaItem,
  type AuditView,
  type CommunityPolicy,
  type Counted,
  type Dashboard,
  type DeskFilter,
  type DeskRow,
  type DeskSettings,
  type Level,
  type MonthFigures,
  type OpenCounts,
  type RateFigure,
  type Report,
  type TimelineEntry,
  type Unit,
  type UnitRef,
} from '../../../src/core';
import type { Deps } from '../deps';
import type { AuditEntry, ReportQuery, MonthTallyRow, OpenTallyRow } from '../store/port';
import { IMPORT_COLUMNS, importDigest, missingColumns, planImport } from '../desk/import';
import { chinaTime, ledgerWorkbook, templateWorkbook, type LedgerRow, type LedgerUnitRow } from '../desk/ledger';
import { XLSX_MIME, readTable } from '../desk/spreadsheet';
import { audit, auditEntry, demand } from './common';
import { personAction, type AuthedContext, type FunctionDef } from './define';
import { policyKey, readStoredPolicy, storedPolicyValue } from './policy';
import { chainOf, namesFor, policyFor, summary, type Names } from './reports';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** "Due soon" on the dashboard: within a day. */
const DUE_SOON_HOURS = 24;
const OPEN = STATUSES.filter(isOpen);
const SATISFIED = ['satisfied', 'basically_satisfied'] as const;
/** The most reports one ledger holds (a year of a large community is a few thousand). */
const LEDGER_MAX = 50_000;
/** Reports per agenda list. */
const AGENDA_MAX = 500;

// ---------- scope ----------

function staffRoots(ctx: AuthedContext) {
  const roots = scopeRoots(ctx.caller.bindings, 'report.manage');
  if (roots.length === 0) throw new DomainError('AUTH.FORBIDDEN', '只有社区工作人员和街道工作人员可以使用管理后台');
  return roots;
}

/** The unit an action works on: the one asked for if the caller is staff over it, else their top staff unit. */
async function staffUnit(ctx: AuthedContext, unitId: string | undefined, field = 'unitId'): Promise<Unit> {
  const roots = staffRoots(ctx);
  const unit = await ctx.deps.store.units.get(unitId ?? roots[0].id);
  if (!unit) throw new DomainError('UNIT.NOT_FOUND', undefined, field);
  if (!can(ctx.caller.bindings, 'report.manage', unit)) throw new DomainError('AUTH.FORBIDDEN', '这个单位不在您管理的范围内');
  return unit;
}

const ref = (u: Pick<Unit, 'id' | 'name' | 'kind' | 'path'>): UnitRef => ({ id: u.id, name: u.name, kind: u.kind, path: u.path });

function queryOf(filter: DeskFilter, unit: Unit, now: number): ReportQuery {
  const { unitId: _u, ...rest } = filter;
  return { ...rest, path: unit.path, now };
}

// ---------- China-time calendar months and days ----------

const monthStart = (y: number, m: number) => Date.UTC(y, m - 1, 1) - 8 * HOUR;
function monthOf(t: number): { y: number; m: number } {
  const d = new Date(t + 8 * HOUR);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1 };
}
const monthKey = (t: number) => {
  const { y, m } = monthOf(t);
  return `${y}-${String(m).padStart(2, '0')}`;
};
const dayStart = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y, m - 1, d) - 8 * HOUR;
};
const dayKey = (t: number) => new Date(t + 8 * HOUR).toISOString().slice(0, 10);

// ---------- dashboard ----------

const counted = (value: number, filter: DeskFilter): Counted => ({ value, filter });
const rateOf = (numerator: Counted, denominator: Counted): RateFigure => ({ rate: denominator.value === 0 ? null : numerator.value / denominator.value, numerator, denominator });

function openCounts(rows: readonly OpenTallyRow[], base: DeskFilter): OpenCounts {
  const sum = (k: 'open' | 'dueSoon' | 'overdue') => rows.reduce((n, r) => n + r[k], 0);
  return {
    open: counted(sum('open'), { ...base, statuses: [...OPEN] }),
    dueSoon: counted(sum('dueSoon'), { ...base, dueWithinHours: DUE_SOON_HOURS }),
    overdue: counted(sum('overdue'), { ...base, overdue: true }),
  };
}

function monthFigures(month: string, rows: readonly MonthTallyRow[], base: DeskFilter): MonthFigures {
  const sum = (f: (r: MonthTallyRow) => number) => rows.reduce((n, r) => n + f(r), 0);
  const all = { ...base, counted: true };
  const resolved = { ...all, resolvedFrom: 0 };
  const reports = counted(sum((r) => r.reports), all);
  const resolvedCount = counted(sum((r) => r.resolved), resolved);
  const resolvedAtLevel = Object.fromEntries(LEVELS.map((l) => [l, counted(sum((r) => r.resolvedAt[l]), { ...resolved, resolvedLevels: [l] })])) as Record<Level, Counted>;
  return {
    month,
    responseRate: rateOf(counted(sum((r) => r.respondedOnTime), { ...all, respondedOnTime: true }), reports),
    onTimeRate: rateOf(counted(sum((r) => r.resolvedOnTime), { ...resolved, breached: false }), resolvedCount),
    satisfactionRate: rateOf(counted(sum((r) => r.satisfied), { ...all, ratings: [...SATISFIED] }), counted(sum((r) => r.rated), { ...all, ratings: [...RATINGS] })),
    reports,
    resolvedAtLevel,
    shareAtLevel: Object.fromEntries(LEVELS.map((l) => [l, resolvedCount.value === 0 ? null : resolvedAtLevel[l].value / resolvedCount.value])) as Record<Level, number | null>,
  };
}

/** The policy whose category names a unit's pages show: its community's, else the defaults. */
async function policyOfUnit(deps: Deps, unit: Unit): Promise<CommunityPolicy> {
  if (unit.kind === 'street') return DEFAULT_POLICY;
  const community = unit.kind === 'community' ? unit : (await chainOf(deps, unit)).find((u) => u.kind === 'community');
  return policyFor(deps, community?.id ?? null);
}

async function dashboard(ctx: AuthedContext, input: { unitId?: string; month?: string }): Promise<Dashboard> {
  const { deps } = ctx;
  const unit = await staffUnit(ctx, input.unitId);
  const now = deps.clock.now();
  const month = input.month ?? monthKey(now);
  const [y, m] = month.split('-').map(Number);
  // 13 bounds: the starts of the 12 months ending with `month`, and the end of `month`.
  const bounds = Array.from({ length: 13 }, (_, i) => monthStart(y, m - 11 + i));
  const months = bounds.slice(0, 12).map((b) => monthKey(b));
  const [open, tally, cats, subtree, policy] = await Promise.all([
    deps.store.reportQueries.openTally(unit.path, now, DUE_SOON_HOURS * HOUR),
    deps.store.reportQueries.monthTally(unit.path, bounds),
    deps.store.reportQueries.categoryTally(unit.path, bounds[11], bounds[12]),
    deps.store.units.listSubtree(unit.path),
    policyOfUnit(deps, unit),
  ]);
  // Live children, and any archived child that still has reports.
  const children = subtree.filter((u) => u.parentId === unit.id);
  const known = new Set(children.map((u) => u.id));
  const missing = [...new Set([...open.map((r) => r.child), ...tally.map((r) => r.child)])].filter((c): c is string => !!c && !known.has(c));
  if (missing.length) children.push(...(await deps.store.units.getMany(missing)));

  const base: DeskFilter = { unitId: unit.id };
  const monthRange = (i: number) => ({ createdFrom: bounds[i], createdTo: bounds[i + 1] });
  const monthsFigures = months.map((key, i) => monthFigures(key, tally.filter((r) => r.month === i), { ...base, ...monthRange(i) }));
  const ranking = children
    .map((c) => {
      const f = monthFigures(month, tally.filter((r) => r.month === 11 && r.child === c.id), { unitId: c.id, ...monthRange(11) });
      return { unit: ref(c), onTimeRate: f.onTimeRate, reports: f.reports };
    })
    .sort(
      (a, b) =>
        (a.onTimeRate.rate === null ? 1 : 0) - (b.onTimeRate.rate === null ? 1 : 0) ||
        (b.onTimeRate.rate ?? 0) - (a.onTimeRate.rate ?? 0) ||
        b.reports.value - a.reports.value ||
        a.unit.name.localeCompare(b.unit.name, 'zh-Hans-CN', { numeric: true }),
    );

  return {
    unit: ref(unit),
    month,
    now,
    totals: openCounts(open, base),
    byLevel: Object.fromEntries(LEVELS.map((l) => [l, openCounts(open.filter((r) => r.level === l), { ...base, levels: [l] })])) as Record<Level, OpenCounts>,
    byUnit: children
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN', { numeric: true }))
      .map((c) => ({ unit: ref(c), ...openCounts(open.filter((r) => r.child === c.id), { unitId: c.id }) })),
    thisMonth: monthsFigures[11],
    months: monthsFigures,
    topCategories: cats.slice(0, 10).map((c) => {
      const cat = findCategory(policy, c.category) ?? findCategory(DEFAULT_POLICY, c.category);
      return { category: c.category, name: cat?.name ?? c.category, icon: cat?.icon ?? '💬', count: counted(c.count, { ...base, ...monthRange(11), counted: true, categories: [c.category] }) };
    }),
    ranking,
  };
}

// ---------- rows ----------

/** Desk rows for reports, names and category labels looked up once for the whole page. */
async function rowsOf(deps: Deps, reports: readonly Report[]): Promise<DeskRow[]> {
  const names = await namesFor(deps, reports);
  const policies = new Map<string | null, Promise<CommunityPolicy>>();
  const policy = (id: string | null) => {
    let p = policies.get(id);
    if (!p) policies.set(id, (p = policyFor(deps, id)));
    return p;
  };
  const now = deps.clock.now();
  return Promise.all(reports.map(async (r) => deskRow(r, names, await policy(r.communityId), now)));
}

function deskRow(r: Report, names: Names, policy: CommunityPolicy, now: number): DeskRow {
  const resident = r.residentId ? names.people.get(r.residentId) : undefined;
  return {
    ...summary(r, names, policy, now),
    channel: r.channel,
    channelLabel: CHANNEL_LABEL[r.channel],
    // Staff hold report.view: they see who reported, anonymous or not (anonymity is towards the public).
    residentName: resident?.name ?? r.contactName,
    residentPhone: resident ? resident.phone : r.contactPhone,
    breached: r.breached,
    escalations: r.escalations,
    disputes: r.disputes,
    rating: r.rating,
    resolvedAt: r.resolvedAt,
    followUpOpen: r.followUp?.status === 'open',
  };
}

// ---------- audit ----------

const AUDIT_LABEL: Record<string, string> = {
  'units.create': '新增单位',
  'units.rename': '修改单位名称',
  'units.move': '调整上级单位',
  'units.archive': '归档单位',
  'units.bind': '绑定角色',
  'units.unbind': '解除角色',
  'people.create': '新增人员',
  'auth.signIn': '登录',
  'auth.signOut': '退出登录',
  'reports.create': '提交了反映',
  'reports.respond': '受理了反映',
  'reports.escalate': '上报了反映',
  'reports.transfer': '转办了反映',
  'reports.requestInfo': '请居民补充信息',
  'reports.provideInfo': '补充了信息',
  'reports.requestExtension': '申请延期',
  'reports.decideExtension': '审批了延期',
  'reports.resolve': '办结了反映',
  'reports.rejectDuplicate': '按重复反映不予受理',
  'reports.rejectNotActionable': '不予受理',
  'reports.comment': '备注了反映',
  'reports.rate': '评价了反映',
  'reports.dispute': '表示问题未解决',
  'reports.closeFollowUp': '完成了回访',
  'desk.reassign': '改派了反映',
  'desk.import': '导入了表格',
  'desk.saveSettings': '修改了反映时限设置',
  'desk.resetSettings': '恢复了默认反映时限',
};

function auditLabel(action: string): string {
  if (AUDIT_LABEL[action]) return AUDIT_LABEL[action];
  const event = action.startsWith('reports.') ? action.slice(8) : '';
  return event in EVENT_LABEL ? EVENT_LABEL[event as keyof typeof EVENT_LABEL] : action;
}

/** Report actions are recorded against the report's unit with detail.reportId: shown as about the report. */
function auditTarget(e: AuditEntry): { kind: string; id: string } {
  const reportId = e.detail.reportId;
  if (typeof reportId === 'string' && e.action.startsWith('reports.')) return { kind: 'report', id: reportId };
  return { kind: e.targetKind, id: e.targetId };
}

async function auditViews(deps: Deps, entries: readonly AuditEntry[]): Promise<AuditView[]> {
  const targets = entries.map(auditTarget);
  const unitIds = new Set<string>();
  const personIds = new Set<string>();
  const reportIds = new Set<string>();
  for (const [i, e] of entries.entries()) {
    const t = targets[i];
    if (e.actorId) personIds.add(e.actorId);
    if (t.kind === 'unit' || t.kind === 'settings') unitIds.add(t.id);
    if (t.kind === 'person') personIds.add(t.id);
    if (t.kind === 'report') reportIds.add(t.id);
    if (t.kind === 'binding' || t.kind === 'import') {
      if (typeof e.detail.unitId === 'string') unitIds.add(e.detail.unitId);
      if (typeof e.detail.personId === 'string') personIds.add(e.detail.personId);
    }
  }
  const [units, people, reports] = await Promise.all([
    deps.store.units.getMany([...unitIds]),
    deps.store.people.getMany([...personIds]),
    Promise.all([...reportIds].map((id) => deps.store.reports.get(id))),
  ]);
  const unit = new Map(units.map((u) => [u.id, u.name]));
  const person = new Map(people.map((p) => [p.id, p.name]));
  const report = new Map(reports.filter((r): r is Report => !!r).map((r) => [r.id, r]));
  return entries.map((e, i) => {
    const t = targets[i];
    let targetName: string | null = null;
    if (t.kind === 'unit') targetName = unit.get(t.id) ?? (e.detail.name as string | undefined) ?? null;
    else if (t.kind === 'person') targetName = person.get(t.id) ?? (e.detail.name as string | undefined) ?? null;
    else if (t.kind === 'settings') targetName = `${unit.get(t.id) ?? ''}反映时限设置`;
    else if (t.kind === 'import') targetName = (e.detail.fileName as string | undefined) ?? null;
    else if (t.kind === 'report') {
      const r = report.get(t.id);
      targetName = r ? `${findCategory(DEFAULT_POLICY, r.category)?.name ?? r.category}：${r.description.slice(0, 20)}` : null;
    } else if (t.kind === 'binding') {
      const role = e.detail.role as keyof typeof ROLE_LABEL | undefined;
      targetName = [person.get(e.detail.personId as string), role ? ROLE_LABEL[role] : null, unit.get(e.detail.unitId as string)].filter(Boolean).join(' · ') || null;
    }
    const { requestId: _r, ...detail } = e.detail;
    return {
      id: e.id,
      at: e.at,
      actorName: e.actorId ? (person.get(e.actorId) ?? null) : '系统',
      action: e.action,
      actionLabel: auditLabel(e.action),
      targetKind: t.kind,
      targetId: t.id,
      targetName,
      detail,
    };
  });
}

// ---------- settings ----------

async function communityFor(ctx: AuthedContext, communityId: string): Promise<Unit> {
  staffRoots(ctx);
  const unit = await ctx.deps.store.units.get(communityId);
  if (!unit) throw new DomainError('UNIT.NOT_FOUND', undefined, 'communityId');
  if (!can(ctx.caller.bindings, 'report.manage', unit)) throw new DomainError('AUTH.FORBIDDEN', '只有本社区的工作人员、书记或上级街道可以设置反映时限');
  if (unit.kind !== 'community') throw new DomainError('INPUT.INVALID', `反映时限按社区设置，“${unit.name}”是${UNIT_KIND_LABEL[unit.kind]}`, 'communityId');
  return unit;
}

async function settingsOf(ctx: AuthedContext, community: Unit): Promise<{ view: DeskSettings; raw: string | null }> {
  const raw = await ctx.deps.store.meta.get(policyKey(community.id));
  const s = readStoredPolicy(raw);
  return { view: { community: ref(community), policy: s.policy, isDefault: s.isDefault, version: s.version }, raw };
}

async function writeSettings(ctx: AuthedContext, community: Unit, version: number, policy: CommunityPolicy | null, action: string): Promise<DeskSettings> {
  const { view, raw } = await settingsOf(ctx, community);
  if (view.version !== version) throw new DomainError('CONFLICT.VERSION', '反映时限已被其他人修改，请刷新后再改');
  const next = version + 1;
  if (!(await ctx.deps.store.meta.compareAndSet(policyKey(community.id), raw, storedPolicyValue(next, policy)))) throw new DomainError('CONFLICT.VERSION', '反映时限已被其他人修改，请刷新后再改');
  await audit(ctx, action, 'settings', community.id, { version: next, categories: (policy ?? DEFAULT_POLICY).categories.length }, community.path);
  return (await settingsOf(ctx, community)).view;
}

// ---------- the actions ----------

export const desk: FunctionDef = {
  dashboard: personAction(schemas.desk.dashboard, (ctx, input) => dashboard(ctx, input)),

  list: personAction(schemas.desk.list, async (ctx, input) => {
    const unit = await staffUnit(ctx, input.filter.unitId, 'filter.unitId');
    const q = queryOf(input.filter, unit, ctx.deps.clock.now());
    const [reports, total] = await Promise.all([ctx.deps.store.reportQueries.list(q, input.sort ?? 'dueAt', input.limit ?? 50, input.offset ?? 0), ctx.deps.store.reportQueries.count(q)]);
    return { rows: await rowsOf(ctx.deps, reports), total };
  }),

  handlers: personAction(schemas.desk.handlers, async (ctx, input) => {
    const unit = await staffUnit(ctx, input.unitId);
    const units = await ctx.deps.store.units.listSubtree(unit.path);
    const byId = new Map(units.map((u) => [u.id, u]));
    const bindings = await ctx.deps.store.bindings.listWithRoles(units.map((u) => u.id), HANDLER_ROLES);
    const people = new Map((await ctx.deps.store.people.getMany([...new Set(bindings.map((b) => b.personId))])).map((p) => [p.id, p]));
    return bindings
      .filter((b) => people.has(b.personId) && byId.has(b.unitId))
      .map((b) => ({ person: viewPerson(people.get(b.personId)!), role: b.role, roleLabel: ROLE_LABEL[b.role], unit: ref(byId.get(b.unitId)!) }))
      .sort((a, b) => a.unit.path.length - b.unit.path.length || a.unit.path.localeCompare(b.unit.path) || a.person.name.localeCompare(b.person.name, 'zh-Hans-CN'));
  }),

  reassign: personAction(schemas.desk.reassign, async (ctx, input) => {
    const { deps } = ctx;
    staffRoots(ctx);
    const handler = await deps.store.people.get(input.handlerId);
    if (!handler) throw new DomainError('PERSON.NOT_FOUND', undefined, 'handlerId');
    const handlerBindings = await deps.store.bindings.listForPerson(handler.id);
    const results: { id: string; ok: boolean; code?: string; message?: string }[] = [];
    for (const item of input.reports) {
      try {
        const r = await deps.store.reports.get(item.id);
        if (!r || !can(ctx.caller.bindings, 'report.manage', { path: r.unitPath })) throw new DomainError('REPORT.NOT_FOUND');
        if (r.version !== item.version) throw new DomainError('CONFLICT.VERSION');
        if (!isOpen(r.status)) throw new DomainError('REPORT.NOT_ALLOWED', '这条反映已办结或已关闭，不能改派');
        const levelUnit = (await chainOf(deps, { path: r.unitPath })).find((u) => (r.levelUnitId ? u.id === r.levelUnitId : u.kind === r.level));
        if (!levelUnit || !handlerBindings.some((b) => b.unitId === levelUnit.id && HANDLER_ROLES.includes(b.role)))
          throw new DomainError('REPORT.BAD_HANDLER', `${handler.name}不是${levelUnit?.name ?? '该层级'}的负责人，不能改派给他`);
        if (r.handlerId === handler.id) {
          results.push({ id: r.id, ok: true });
          continue;
        }
        const policy = await policyFor(deps, r.communityId);
        const change = reassign(
          { cal: deps.calendar, policy, now: deps.clock.now(), actorId: ctx.caller.person.id, newId: () => deps.ids.next('evt') },
          r,
          handler.id,
          levelUnit.id,
          input.note ? `改派给${handler.name}：${input.note}` : `改派给${handler.name}`,
        );
        // The report, its audit entry and the new handler's message in one write.
        const notice = { personId: handler.id, kind: 'report.assigned', title: '交给您办理的民情反映', body: r.description.slice(0, 40), page: `handler/report/index?id=${r.id}` };
        const saved = await deps.store.reports.save(change.report, item.version, change.entries, {
          audit: [auditEntry(ctx, 'desk.reassign', 'report', r.id, { reportId: r.id, fromHandlerId: r.handlerId, toHandlerId: handler.id, note: input.note ?? null }, r.unitPath)],
          messages: [deps.notifier.message(notice)],
        });
        if (!saved) throw new DomainError('CONFLICT.VERSION');
        await deps.notifier.deliver(notice);
        results.push({ id: r.id, ok: true });
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        results.push({ id: item.id, ok: false, code: e.code, message: e.message });
      }
    }
    return { results };
  }),

  agenda: personAction(schemas.desk.agenda, async (ctx, input): Promise<Agenda> => {
    const { deps } = ctx;
    const unit = await staffUnit(ctx, input.unitId);
    const [y, m, d] = input.date.split('-').map(Number);
    if (![3, 13, 23].includes(d) || dayKey(dayStart(input.date)) !== input.date) throw new DomainError('DESK.NOT_MEETING_DAY', `${input.date} 不是议事日：议事日是每月 3 日、13 日和 23 日`, 'date');
    const since = d === 3 ? dayKey(Date.UTC(y, m - 2, 23)) : `${input.date.slice(0, 8)}${String(d - 10).padStart(2, '0')}`;
    const from = dayStart(since);
    const to = dayStart(input.date);
    const at = Math.min(deps.clock.now(), to);
    const events = await deps.store.reportQueries.eventsBetween(unit.path, ['escalate', 'breach', 'dispute'], from, to);
    const overdueNow = await deps.store.reportQueries.list({ path: unit.path, now: at, overdue: true }, 'dueAt', AGENDA_MAX, 0);
    const reasons = new Map<string, Set<AgendaItem['reasons'][number]>>();
    const mark = (id: string, why: AgendaItem['reasons'][number]) => {
      let s = reasons.get(id);
      if (!s) reasons.set(id, (s = new Set()));
      s.add(why);
    };
    for (const e of events) mark(e.reportId, e.type === 'escalate' ? 'escalated' : e.type === 'dispute' ? 'disputed' : 'overdue');
    for (const r of overdueNow) mark(r.id, 'overdue');
    const loaded = new Map(overdueNow.map((r) => [r.id, r]));
    const toLoad = [...reasons.keys()].filter((id) => !loaded.has(id));
    for (const r of await Promise.all(toLoad.map((id) => deps.store.reports.get(id)))) if (r) loaded.set(r.id, r);
    const rows = new Map((await rowsOf(deps, [...loaded.values()])).map((row) => [row.id, row]));
    const order: AgendaItem['reasons'] = ['escalated', 'overdue', 'disputed'];
    const items = (why: AgendaItem['reasons'][number]) =>
      [...reasons.entries()]
        .filter(([id, s]) => s.has(why) && rows.has(id))
        .map(([id, s]) => ({ report: rows.get(id)!, reasons: order.filter((o) => s.has(o)) }))
        .sort((a, b) => a.report.dueAt - b.report.dueAt)
        .slice(0, AGENDA_MAX);
    return { unit: ref(unit), date: input.date, since, escalated: items('escalated'), overdue: items('overdue'), disputed: items('disputed') };
  }),

  importTemplate: personAction(schemas.desk.importTemplate, async (ctx, input) => {
    staffRoots(ctx);
    return { fileName: input.kind === 'units' ? '单位导入模板.xlsx' : '居民导入模板.xlsx', mimeType: XLSX_MIME, base64: await templateWorkbook(input.kind) };
  }),

  importPreview: personAction(schemas.desk.importPreview, async (ctx, input) => {
    const { plan, table } = await prepareImport(ctx, input);
    return {
      kind: input.kind,
      rows: table.rows.length,
      sample: table.rows.slice(0, 5).map((r) => Object.fromEntries(table.header.map((h, i) => [h, r.cells[i] ?? '']).filter(([h]) => h !== ''))),
      errors: plan.errors,
      willCreate: { units: plan.units.length, people: plan.people.length, bindings: plan.bindings.length },
      digest: importDigest(input.kind, input.unitId, input.base64),
    };
  }),

  importCommit: personAction(schemas.desk.importCommit, async (ctx, input) => {
    if (importDigest(input.kind, input.unitId, input.base64) !== input.digest) throw new DomainError('IMPORT.CHANGED', undefined, 'digest');
    const { plan, table, root } = await prepareImport(ctx, input);
    if (plan.errors.length) {
      const first = plan.errors[0];
      throw new DomainError('IMPORT.HAS_ERRORS', `第 ${first.row} 行${first.column ? `“${first.column}”` : ''}：${first.message}${plan.errors.length > 1 ? `（共 ${plan.errors.length} 处错误）` : ''}。没有写入任何数据。`, 'base64');
    }
    const batchId = ctx.deps.ids.next('imp');
    await ctx.deps.store.imports.commit({ id: batchId, units: plan.units, people: plan.people, bindings: plan.bindings });
    const created = { units: plan.units.length, people: plan.people.length, bindings: plan.bindings.length };
    await audit(ctx, 'desk.import', 'import', batchId, { kind: input.kind, fileName: input.fileName, rows: table.rows.length, unitId: root.id, created }, root.path);
    return { kind: input.kind, created };
  }),

  settings: personAction(schemas.desk.settings, async (ctx, input) => (await settingsOf(ctx, await communityFor(ctx, input.communityId))).view),

  saveSettings: personAction(schemas.desk.saveSettings, async (ctx, input) => {
    const community = await communityFor(ctx, input.communityId);
    const current = (await settingsOf(ctx, community)).view.policy;
    // A category cannot go while reports of it are open: their handlers still need its deadlines.
    const kept = new Set(input.policy.categories.map((c) => c.code));
    for (const c of current.categories.filter((x) => !kept.has(x.code))) {
      const open = await ctx.deps.store.reportQueries.count({ path: community.path, now: ctx.deps.clock.now(), statuses: [...OPEN], categories: [c.code] });
      if (open > 0) throw new DomainError('INPUT.INVALID', `类别“${c.name}”还有 ${open} 件未办结的反映，暂时不能删除`, 'policy.categories');
    }
    return writeSettings(ctx, community, input.version, input.policy as CommunityPolicy, 'desk.saveSettings');
  }),

  resetSettings: personAction(schemas.desk.resetSettings, async (ctx, input) => {
    const community = await communityFor(ctx, input.communityId);
    return writeSettings(ctx, community, input.version, null, 'desk.resetSettings');
  }),

  ledger: personAction(schemas.desk.ledger, async (ctx, input) => {
    const { deps } = ctx;
    for (const field of ['from', 'to'] as const) if (dayKey(dayStart(input[field])) !== input[field]) throw new DomainError('INPUT.INVALID', `没有 ${input[field]} 这一天`, field);
    const unit = await staffUnit(ctx, input.unitId);
    const q: ReportQuery = { path: unit.path, now: deps.clock.now(), createdFrom: dayStart(input.from), createdTo: dayStart(input.to) + DAY };
    const total = await deps.store.reportQueries.count(q);
    if (total > LEDGER_MAX) throw new DomainError('DESK.TOO_MANY', `这段时间有 ${total} 件反映，一次最多导出 ${LEDGER_MAX} 件，请缩短日期范围`, 'to');
    const reports: Report[] = [];
    for (let offset = 0; offset < total; offset += 1000) reports.push(...(await deps.store.reportQueries.list(q, 'createdAt', 1000, offset)));
    const timelines = new Map<string, TimelineEntry[]>();
    for (let i = 0; i < reports.length; i += 1000) for (const [id, t] of await deps.store.reportQueries.timelines(reports.slice(i, i + 1000).map((r) => r.id))) timelines.set(id, t);
    const actorIds = [...new Set([...timelines.values()].flat().map((e) => e.actorId).filter((x): x is string => !!x))];
    const names = await namesFor(deps, reports, actorIds);
    const rows = await rowsOf(deps, reports);
    const personNames = new Map([...names.people].map(([id, p]) => [id, p.name]));
    const ledgerRows: LedgerRow[] = reports.map((r, i) => ({
      report: r,
      timeline: timelines.get(r.id) ?? [],
      categoryName: rows[i].categoryName,
      place: rows[i].place,
      residentName: rows[i].residentName,
      residentPhone: rows[i].residentPhone,
      handlerName: rows[i].handlerName,
      names: personNames,
    }));
    const children = (await deps.store.units.listSubtree(unit.path, { includeArchived: true })).filter((u) => u.parentId === unit.id);
    const childOf = (r: Report) => ancestorIds(r.unitPath)[ancestorIds(unit.path).length] ?? null;
    const unitRows: LedgerUnitRow[] = [
      ...children.map((c) => ({ unit: c, name: c.name, reports: reports.filter((r) => childOf(r) === c.id) })).filter((u) => u.reports.length > 0 || !u.unit.archived),
      ...(reports.some((r) => childOf(r) === null) ? [{ unit, name: `${unit.name}（本级）`, reports: reports.filter((r) => childOf(r) === null) }] : []),
      { unit: null, name: '合计', reports },
    ];
    const title = `${unit.name}民情反映台账（${input.from} 至 ${input.to}，导出于 ${chinaTime(deps.clock.now())}）`;
    return {
      fileName: `${unit.name}台账_${input.from}至${input.to}.xlsx`,
      mimeType: XLSX_MIME,
      base64: await ledgerWorkbook(title, ledgerRows, unitRows),
    };
  }),

  audit: personAction(schemas.desk.audit, async (ctx, input) => {
    const { deps } = ctx;
    const unit = await staffUnit(ctx, input.unitId);
    const limit = input.limit ?? 50;
    const filter = { path: unit.path, targetId: input.targetId, actorId: input.actorId, action: input.action, from: input.from, to: input.to, before: input.before };
    let entries = await deps.store.audit.search(filter, limit + 1);
    const more = entries.length > limit;
    if (more) {
      // Page on a whole millisecond: the next page starts `before` the last one shown, so the
      // entries sharing that instant all go on this page.
      const edge = entries[limit - 1].at;
      entries = entries.slice(0, limit).filter((e) => e.at !== edge);
      entries.push(...(await deps.store.audit.search({ ...filter, from: Math.max(edge, filter.from ?? edge), to: edge + 1 }, 10_000)));
    }
    return { entries: await auditViews(deps, entries), more };
  }),
};

async function prepareImport(ctx: AuthedContext, input: { kind: 'units' | 'residents'; unitId: string; fileName: string; base64: string }) {
  staffRoots(ctx);
  const root = await ctx.deps.store.units.get(input.unitId);
  if (!root) throw new DomainError('UNIT.NOT_FOUND', undefined, 'unitId');
  demand(ctx, input.kind === 'units' ? 'unit.manage' : 'person.manage', root);
  if (root.archived) throw new DomainError('UNIT.ARCHIVED', undefined, 'unitId');
  const table = await readTable(input.fileName, input.base64);
  const missing = missingColumns(input.kind, table.header);
  if (missing.length)
    throw new DomainError(
      'IMPORT.BAD_COLUMNS',
      `表格缺少列：${missing.join('、')}。第一行应为：${[...IMPORT_COLUMNS[input.kind].required, ...IMPORT_COLUMNS[input.kind].optional].join('、')}（可下载模板对照）`,
      'base64',
    );
  const plan = await planImport(
    { store: ctx.deps.store, root, callerBindings: ctx.caller.bindings, callerId: ctx.caller.person.id, now: ctx.deps.clock.now(), newId: (p) => ctx.deps.ids.next(p) },
    input.kind,
    table,
  );
  return { plan, table, root };
}
