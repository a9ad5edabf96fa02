/**
 * 我的信息 turns each kind's items into short lines a person can read: one entry a heading and a few
 * "label：value" lines. Dates in China time; doors by their usual label; stored ids left out (they
 * mean nothing to a person and are in the downloaded copy).
 */
import { doorLabel } from '../core/households';
import type { OwnData } from '../core/outputs/own-data';
import { formatDateTime } from '../core/time';

export interface Entry {
  title: string;
  lines: string[];
}

type Kinds = Omit<OwnData, 'takenAt'>;
type Item<K extends keyof Kinds> = Kinds[K]['items'][number];

const when = (t: number | null) => (t ? formatDateTime(t) : '—');
const yes = (b: boolean) => (b ? '是' : '否');
const pick = (pairs: [string, string | number | null | undefined | false][]) => pairs.filter(([, v]) => v).map(([k, v]) => `${k}：${v}`);

const ENTRIES: { [K in keyof Kinds]: (item: Item<K>) => Entry } = {
  account: (a) => ({
    title: a.name,
    lines: pick([
      ['手机号', a.phone ?? '未登记'],
      ['网页登录账号', a.username],
      ['绑定微信', yes(a.wechatBound)],
      ['开始使用', when(a.createdAt)],
    ]),
  }),
  households: (h) => ({
    title: h.trail,
    lines: pick([
      ['身份', h.roleLabel],
      ['门牌', h.doorLabel],
      ['开始于', when(h.since)],
    ]),
  }),
  reports: (r) => ({
    title: r.description,
    lines: pick([
      ['状态', r.statusLabel],
      ['位置', r.location],
      ['照片', r.photos.length ? `${r.photos.length} 张` : null],
      ['匿名', r.anonymous && '是'],
      ['代为登记的联系人', r.contactName && `${r.contactName} ${r.contactPhone ?? ''}`.trim()],
      ['您的评价', r.rating && `${r.rating}${r.ratingNote ? `（${r.ratingNote}）` : ''}`],
      ['您补充的内容', r.ownEntries.length ? `${r.ownEntries.length} 条` : null],
      ['反映时间', when(r.createdAt)],
      ['办结时间', r.closedAt && when(r.closedAt)],
    ]),
  }),
  registrations: (g) => ({
    title: `${g.name} · ${doorLabel(g.door)}`,
    lines: pick([
      ['状态', g.statusLabel],
      ['改门牌', g.moveFrom && `原来住 ${g.moveFrom.door ? doorLabel(g.moveFrom.door) : '门牌未登记'}`],
      ['手机号', g.phone && `${g.phone}${g.phoneVerified ? '（微信验证）' : ''}`],
      ['未通过原因', g.rejectReason],
      ['申请时间', when(g.createdAt)],
      ['审核时间', g.decidedAt && when(g.decidedAt)],
    ]),
  }),
  checkins: (c) => ({
    title: `${c.branch.name}`,
    lines: pick([
      ['状态', c.statusLabel],
      ['姓名', c.name],
      ['手机号', c.phone],
      ['工作单位', c.workUnit],
      ['特长', c.skills.join('、')],
      ['愿意参加的服务', c.services.join('、')],
      ['空闲时间', c.freeTime],
      ['退役军人', c.veteran && '是'],
      ['住址', c.household && doorLabel(c.household.door)],
      ['报到时间', when(c.createdAt)],
    ]),
  }),
  signups: (s) => ({
    title: s.lectureTitle ?? '讲堂',
    lines: pick([
      ['状态', s.statusLabel],
      ['座位', `${s.seats} 个`],
      ['报名时间', when(s.signedUpAt)],
      ['签到时间', s.attendedAt && when(s.attendedAt)],
    ]),
  }),
  pairings: (p) => ({
    title: doorLabel(p.door),
    lines: pick([
      ['状态', p.statusLabel],
      ['走访', `${p.visits} 次`],
      ['最近一次', p.lastVisitOn],
      ['结对时间', when(p.createdAt)],
      ['解除时间', p.endedAt && when(p.endedAt)],
    ]),
  }),
  points: (e) => ({
    title: `${e.points > 0 ? '+' : ''}${e.points} 分 · ${e.reason}`,
    lines: pick([
      ['类别', e.kindLabel],
      ['余额', `${e.balanceAfter} 分`],
      ['时间', when(e.at)],
    ]),
  }),
  services: (r) => ({
    title: r.what,
    lines: pick([
      ['状态', r.statusLabel],
      ['日期', r.date],
      ['时长', `${r.minutes} 分钟`],
      ['服务对象', r.forWhom],
      ['获得积分', r.points !== null && `${r.points} 分`],
      ['未通过原因', r.rejectReason],
    ]),
  }),
  orders: (o) => ({
    title: o.goodsName,
    lines: pick([
      ['状态', o.statusLabel],
      ['积分', `${o.price} 分`],
      ['兑换时间', when(o.orderedAt)],
      ['领取时间', o.collectedAt && when(o.collectedAt)],
      ['取消时间', o.cancelledAt && when(o.cancelledAt)],
    ]),
  }),
  wishes: (w) => ({
    title: w.what,
    lines: pick([
      ['', w.role === 'wisher' ? '我许的心愿' : '我认领的心愿'],
      ['状态', w.statusLabel],
      ['为谁', w.forWhom],
      ['希望在', w.byDate && `${w.byDate} 前`],
      ['门牌', w.door && doorLabel(w.door)],
      ['手机号', w.phone && `${w.phone}${w.phoneShared ? '（认领人可见）' : ''}`],
      ['获得积分', w.points !== null && `${w.points} 分`],
      ['许愿时间', when(w.createdAt)],
    ]),
  }),
  deliberation: (d) => ({
    title: d.topicTitle ?? '议题',
    lines: pick([
      ['', d.what === 'opinion' ? '我发表的意见' : '我家的投票（我投的）'],
      [d.what === 'opinion' ? '意见' : '投的是', d.text],
      ['被隐藏，原因', d.hiddenReason],
      ['时间', when(d.at)],
    ]),
  }),
  partners: (p) => ({
    title: p.partnerName || '共建单位',
    lines: pick([
      ['我是', { contact: '这家单位的联络人', member: '关联这家单位的在职党员', project: '项目负责人', visit: '走访记录人' }[p.what]],
      [p.what === 'project' ? '项目' : '走访', p.text],
      ['时间', when(p.at)],
    ]),
  }),
  codes: (c) => ({
    title: c.label ?? '个人码',
    lines: pick([
      ['生成时间', when(c.createdAt)],
      ['已作废', c.revokedAt && when(c.revokedAt)],
    ]),
  }),
  messages: (m) => ({
    title: `共 ${m.total} 条`,
    lines: [`未读 ${m.unread} 条`],
  }),
};

/** The kinds in the order 我的信息 shows them. */
export const KIND_ORDER: (keyof Kinds)[] = ['account', 'households', 'reports', 'registrations', 'checkins', 'signups', 'pairings', 'points', 'services', 'orders', 'wishes', 'deliberation', 'partners', 'codes', 'messages'];

export function entriesOf<K extends keyof Kinds>(kind: K, items: Item<K>[]): Entry[] {
  return items.map((item) => (ENTRIES[kind] as (i: Item<K>) => Entry)(item));
}
