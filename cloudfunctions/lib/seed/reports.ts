/**
 * Deterministic synthetic reports over months, in every state the dashboard shows: open, due
 * soon, overdue, escalated, breached, resolved at each level, rated, disputed, with follow-ups,
 * duplicates. Made directly, not through the engine, so hundreds of thousands take seconds: for the
 * desk tests and the dashboard bench (200,000), which count and sort them, never for what people
 * are shown (the demo's history is made by the engine: ./history/). Each report comes with the
 * timeline entries its story implies, so the ledger and the agenda read like real ones.
 */
import { rng } from './rng';
import { DEFAULT_CATEGORIES, nextLevel, type Channel, type Level, type Rating, type Report, type Status, type TimelineEntry, type Unit } from '../../../src/core';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

export { rng };

export interface SyntheticOptions {
  /** Every unit of the tree (buildings are where reports are filed). */
  units: readonly Unit[];
  count: number;
  now: number;
  /** Reports are created over this many days before `now`. */
  days: number;
  seed?: number;
  /** The handler at each unit, by unit id (absent: nobody). */
  handlers?: ReadonlyMap<string, string>;
  /** Residents to name as reporters, by building id. */
  residents?: ReadonlyMap<string, readonly string[]>;
  idPrefix?: string;
  /** Leave out the timeline (the bench does not need it). */
  noTimeline?: boolean;
  /** The grid is a level (CommunityPolicy.gridLevel): reports of buildings under a grid go up to it first. */
  gridLevel?: boolean;
}

const DESCRIPTIONS: Record<string, string[]> = {
  neighbour_dispute: ['楼上楼下因为漏水的事吵起来了，请帮忙调解', '邻居在楼道堆放杂物，说了不听'],
  noise: ['楼上每天半夜装修，吵得睡不着', '楼下广场舞音响太大声，晚上九点后还在跳'],
  illegal_construction: ['一楼住户在院子里违章搭建彩钢棚', '顶楼有人在加盖房子'],
  residence_permit: ['想开居住证明，不知道要带什么材料', '孩子上学要办居住证，请社区帮忙'],
  public_facility: ['小区东门路灯坏了一个星期了，晚上很黑', '3号楼下水管堵了，污水漫到路上'],
  lift: ['3单元电梯停了，老人下不了楼', '电梯门关不严，运行时有异响'],
  sanitation: ['垃圾桶满了两天没人清运，味道很大', '楼道里有人乱扔垃圾'],
  fire_safety: ['消防通道被私家车堵住了', '楼道里有人给电动车充电，很危险'],
  property_service: ['物业保洁好几天没来打扫楼道', '物业收费不公示，想了解明细'],
  ebike: ['电动车充电桩不够用，每天排队', '充电棚的插座坏了'],
  other: ['小区里流浪猫太多，希望能管一管', '想建议小区增加几张休息长椅'],
};

const OPEN_STATUSES: Status[] = ['submitted', 'responded', 'transferred', 'needs_info'];

export function syntheticReports(o: SyntheticOptions): { report: Report; entries: TimelineEntry[] }[] {
  const r = rng(o.seed ?? 1);
  const byId = new Map(o.units.map((u) => [u.id, u]));
  const buildings = o.units.filter((u) => u.kind === 'building' && !u.archived);
  if (buildings.length === 0) return [];
  const levelUnit = (b: Unit, level: Level): Unit | null => {
    for (let u: Unit | undefined = b; u; u = u.parentId ? byId.get(u.parentId) : undefined) if (u.kind === level) return u;
    return null;
  };
  const ancestorsOf = (b: Unit): Unit[] => {
    const chain: Unit[] = [];
    for (let u: Unit | undefined = b; u; u = u.parentId ? byId.get(u.parentId) : undefined) chain.push(u);
    return chain;
  };
  const out: { report: Report; entries: TimelineEntry[] }[] = [];
  const prefix = o.idPrefix ?? 'rep_syn';
  for (let i = 0; i < o.count; i++) {
    const b = buildings[r.int(buildings.length)];
    const category = DEFAULT_CATEGORIES[r.int(DEFAULT_CATEGORIES.length)];
    // Skewed towards recent days: more reports in the last weeks than a year ago.
    const age = Math.floor(o.days * r.next() ** 1.6 * DAY) + r.int(HOUR);
    const createdAt = o.now - age;
    const id = `${prefix}${String(i).padStart(7, '0')}`;
    const residents = o.residents?.get(b.id);
    const residentId = residents?.length ? residents[r.int(residents.length)] : null;
    const channel: Channel = r.next() < 0.7 ? 'resident' : r.pick(['group_chat', 'visit', 'phone'] as const);
    const community = levelUnit(b, 'community');
    const respondHours = category.urgent ? 1 : 4;
    const resolveHours = category.urgent ? 24 : 3 * 24;
    let level: Level = category.entryLevel;
    let levelStartedAt = createdAt;
    const entries: TimelineEntry[] = [];
    let n = 0;
    const ev = (at: number, type: TimelineEntry['type'], extra: Partial<TimelineEntry> = {}) => {
      if (!o.noTimeline)
        entries.push({ id: `${id}_e${n++}`, reportId: id, at, actorId: null, type, fromStatus: null, toStatus: null, fromLevel: null, toLevel: null, note: null, photos: [], ...extra });
    };
    ev(createdAt, 'create', { actorId: residentId, toStatus: 'submitted', toLevel: level, note: r.pick(DESCRIPTIONS[category.code] ?? DESCRIPTIONS.other) });
    const firstRespondBy = createdAt + respondHours * HOUR;
    const fate = r.next();
    // Responded: 85 %, 80 % of those in time.
    const respondedAt = fate < 0.85 ? createdAt + (r.next() < 0.8 ? r.int(respondHours * HOUR) : respondHours * HOUR + r.int(2 * DAY)) : null;
    if (respondedAt !== null) ev(respondedAt, 'respond', { actorId: o.handlers?.get(levelUnit(b, level)?.id ?? '') ?? null, fromStatus: 'submitted', toStatus: 'responded' });
    let breached = false;
    let escalations = 0;
    // Some go up a level (beyond authority or breached).
    const up = nextLevel(level, { gridLevel: o.gridLevel }, ancestorsOf(b));
    if (r.next() < 0.18 && up) {
      const auto = r.next() < 0.5;
      const at = levelStartedAt + (auto ? resolveHours * HOUR : r.int(resolveHours * HOUR));
      if (at < o.now) {
        if (auto) {
          breached = true;
          ev(at, 'breach', { fromLevel: level, toLevel: level });
        }
        ev(at, 'escalate', { fromLevel: level, toLevel: up, note: auto ? '超时自动上报' : '超出本级职权' });
        level = up;
        levelStartedAt = at;
        escalations = 1;
      }
    }
    const dueAt = levelStartedAt + resolveHours * HOUR;
    // Older reports are mostly done; recent ones mostly open.
    const doneChance = age > 14 * DAY ? 0.96 : age > 3 * DAY ? 0.7 : 0.3;
    let status: Status = respondedAt !== null ? 'responded' : 'submitted';
    let resolvedAt: number | null = null;
    let resolvedLevel: Level | null = null;
    let rating: Rating | null = null;
    let closedAt: number | null = null;
    let disputes = 0;
    let duplicateOf: string | null = null;
    let followUp: Report['followUp'] = null;
    if (i > 0 && r.next() < 0.03) {
      duplicateOf = `${prefix}${String(r.int(i)).padStart(7, '0')}`;
      status = 'rejected';
      closedAt = createdAt + r.int(DAY);
      ev(closedAt, 'rejectDuplicate', { note: '与已有反映重复' });
    } else if (r.next() < doneChance) {
      const late = r.next() < 0.12;
      resolvedAt = Math.min(o.now - HOUR, late ? dueAt + r.int(2 * DAY) : levelStartedAt + r.int(Math.max(HOUR, dueAt - levelStartedAt)));
      if (resolvedAt < levelStartedAt) resolvedAt = levelStartedAt + HOUR;
      if (late && resolvedAt > dueAt) breached = true;
      resolvedLevel = level;
      status = 'resolved';
      ev(resolvedAt, 'resolve', { fromStatus: 'responded', toStatus: 'resolved', note: '已处理完毕' });
      if (resolvedAt < o.now - 7 * DAY || r.next() < 0.5) {
        const p = r.next();
        rating = p < 0.72 ? 'satisfied' : p < 0.92 ? 'basically_satisfied' : p < 0.97 ? 'unsatisfied' : null;
        closedAt = resolvedAt + r.int(3 * DAY);
        status = 'closed';
        ev(closedAt, rating ? 'rate' : 'autoClose', { fromStatus: 'resolved', toStatus: 'closed' });
        if (rating === 'unsatisfied') followUp = r.next() < 0.5 ? { status: 'open', createdAt: closedAt, closedAt: null, closedBy: null, note: null } : { status: 'done', createdAt: closedAt, closedAt: closedAt + DAY, closedBy: null, note: '已回访' };
      }
    } else {
      status = r.next() < 0.75 ? status : r.pick(OPEN_STATUSES);
      if (r.next() < 0.06) {
        disputes = 1;
        ev(Math.min(o.now - HOUR, createdAt + DAY), 'dispute', { fromStatus: 'resolved', toStatus: 'submitted', note: '问题还没解决' });
      }
    }
    if (OPEN_STATUSES.includes(status) && dueAt < o.now && r.next() < 0.5) breached = breached || r.next() < 0.3;
    const lu = levelUnit(b, level);
    const report: Report = {
      id,
      clientRequestId: `syn-${id}`,
      residentId,
      createdBy: residentId ?? 'per_system',
      channel,
      contactName: residentId ? null : '来电居民',
      contactPhone: residentId ? null : '13900000000',
      unitId: b.id,
      unitPath: b.path,
      communityId: community?.id ?? null,
      category: category.code,
      urgent: category.urgent,
      description: entries[0]?.note ?? r.pick(DESCRIPTIONS[category.code] ?? DESCRIPTIONS.other),
      location: r.next() < 0.5 ? `${1 + r.int(4)}单元` : null,
      photos: [],
      anonymous: r.next() < 0.1,
      status,
      level,
      levelUnitId: lu?.id ?? null,
      handlerId: (lu && o.handlers?.get(lu.id)) ?? null,
      levelStartedAt,
      respondBy: levelStartedAt + respondHours * HOUR,
      warnAt: levelStartedAt + Math.round(resolveHours * HOUR * 0.75),
      dueAt,
      respondedAt,
      firstRespondBy,
      warned: dueAt < o.now,
      breached,
      breaches: breached ? [{ level, unitId: lu?.id ?? null, handlerId: null, at: dueAt }] : [],
      escalations,
      disputes,
      extension: null,
      flagged: false,
      transferredTo: status === 'transferred' ? '城管执法中队' : null,
      resolvedAt,
      resolvedLevel,
      closedAt,
      rating,
      ratingNote: rating === 'unsatisfied' ? '处理得不彻底' : null,
      followUp,
      duplicateOf,
      rejectReason: duplicateOf ? '与已有反映重复' : null,
      followers: [],
      // Synthetic history: the timer has nothing to catch up on.
      nextCheckAt: null,
      version: 1 + entries.length,
      createdAt,
      updatedAt: Math.max(createdAt, closedAt ?? resolvedAt ?? respondedAt ?? createdAt),
    };
    out.push({ report, entries: entries.sort((a, b) => a.at - b.at) });
  }
  return out;
}

