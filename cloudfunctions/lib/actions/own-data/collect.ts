/**
 * Gathers everything Jinlin keeps about one person (我的信息), by kind, from the aggregates
 * src/core/own-data.ts lists as shown. Reads only: what the person sees and what a copy holds.
 */
import {
  CHECKIN_STATUS_LABEL,
  OWN_DATA_KIND_INFO,
  OWN_DATA_MAX_ITEMS,
  PAIRING_STATUS_LABEL,
  REGISTRATION_STATUS_LABEL,
  ROLE_LABEL,
  SIGNUP_STATUS_LABEL,
  STATUS_LABEL,
  ancestorIds,
  consentOf,
  doorLabel,
  type OwnData,
  type OwnDataKind,
  type OwnDataSection,
  type OwnReport,
  type Person,
} from '../../../../src/core';
import type { Deps } from '../../deps';
import { collectDeliberation } from './collect-deliberation';
import { collectPartners } from './collect-partners';
import { collectPointsAndWishes } from './collect-points-wishes';

/** Reads a person's reports page by page; one more than the cap tells that there are more. */
async function reportsOf(deps: Deps, personId: string) {
  const page = 100;
  const out = [];
  let before: number | undefined;
  while (out.length <= OWN_DATA_MAX_ITEMS) {
    const got = await deps.store.reports.listForResident(personId, page, before);
    out.push(...got);
    if (got.length < page) break;
    before = got[got.length - 1].createdAt;
  }
  return out;
}

/** Counted at most this far: past it the count says "at least" (truncated), and reading stops. */
const MESSAGES_COUNTED = 10 * OWN_DATA_MAX_ITEMS;

/** Counts a person's messages page by page (the port counts unread ones only), up to MESSAGES_COUNTED. */
async function messageCount(deps: Deps, personId: string): Promise<number> {
  const page = 200;
  let total = 0;
  let before: number | undefined;
  while (total < MESSAGES_COUNTED) {
    const got = await deps.store.messages.listForPerson(personId, page, before);
    total += got.length;
    if (got.length < page) return total;
    before = got[got.length - 1].createdAt;
  }
  return total;
}

function section<T>(kind: OwnDataKind, items: T[]): OwnDataSection<T> {
  const { label, seenBy } = OWN_DATA_KIND_INFO[kind];
  return { kind, label, seenBy, items: items.slice(0, OWN_DATA_MAX_ITEMS), truncated: items.length > OWN_DATA_MAX_ITEMS };
}

export async function collectOwnData(deps: Deps, person: Person): Promise<OwnData> {
  const { store } = deps;
  const [bindings, reports, byApplicant, byOpenid, checkins, signups, pairings, codes, messages, unread, kept, deliberation, partners] = await Promise.all([
    store.bindings.listForPerson(person.id),
    reportsOf(deps, person.id),
    store.registrations.listForApplicant(person.id),
    person.openid ? store.registrations.listForOpenid(person.openid) : Promise.resolve([]),
    store.checkins.listForPerson(person.id),
    store.lectures.listSignupsOf(person.id, OWN_DATA_MAX_ITEMS + 1),
    store.pairings.listForMember(person.id),
    store.codes.listForPerson(person.id),
    messageCount(deps, person.id),
    store.messages.countUnread(person.id),
    collectPointsAndWishes(deps, person.id),
    collectDeliberation(deps, person.id),
    collectPartners(deps, person.id),
  ]);

  const needed = new Set<string>();
  const units = await store.units.getMany([...new Set(bindings.map((b) => b.unitId))]);
  for (const u of units) for (const id of ancestorIds(u.path)) needed.add(id);
  const names = new Map((await store.units.getMany([...needed])).map((u) => [u.id, u.name]));
  const unitPath = new Map(units.map((u) => [u.id, u.path]));
  const trail = (unitId: string) =>
    ancestorIds(unitPath.get(unitId) ?? '')
      .map((id) => names.get(id) ?? '')
      .filter(Boolean)
      .join(' / ');

  const shownReports = reports.slice(0, OWN_DATA_MAX_ITEMS);
  const timelines = await Promise.all(shownReports.map((r) => store.reports.timeline(r.id)));
  const ownReports: OwnReport[] = shownReports.map((r, i) => ({
    id: r.id,
    category: r.category,
    status: r.status,
    statusLabel: STATUS_LABEL[r.status],
    channel: r.channel,
    unitId: r.unitId,
    description: r.description,
    location: r.location,
    photos: r.photos,
    anonymous: r.anonymous,
    contactName: r.contactName,
    contactPhone: r.contactPhone,
    rating: r.rating,
    ratingNote: r.ratingNote,
    createdAt: r.createdAt,
    closedAt: r.closedAt,
    ownEntries: timelines[i]
      .filter((e) => e.actorId === person.id && e.type !== 'create')
      .map((e) => ({ at: e.at, type: e.type, note: e.note, photos: e.photos })),
  }));

  // A registration is found by the person who applied and by the WeChat user behind them: once each.
  const registrations = [...new Map([...byApplicant, ...byOpenid].map((r) => [r.id, r])).values()].sort((a, b) => b.createdAt - a.createdAt);
  const lectures = new Map((await store.lectures.getMany([...new Set(signups.map((s) => s.lectureId))])).map((l) => [l.id, l.title]));

  return {
    takenAt: deps.clock.now(),
    account: section('account', [
      { id: person.id, name: person.name, phone: person.phone, username: person.username, wechatBound: !!person.openid, createdAt: person.createdAt, version: person.version, consent: consentOf(person) },
    ]),
    households: section(
      'households',
      bindings.map((b) => ({
        role: b.role,
        roleLabel: ROLE_LABEL[b.role],
        unitId: b.unitId,
        trail: trail(b.unitId),
        door: b.door ?? null,
        doorLabel: b.door ? doorLabel(b.door) : null,
        since: b.createdAt,
      })),
    ),
    reports: { ...section('reports', ownReports), truncated: reports.length > OWN_DATA_MAX_ITEMS },
    registrations: section(
      'registrations',
      registrations.map((r) => ({
        id: r.id,
        status: r.status,
        statusLabel: REGISTRATION_STATUS_LABEL[r.status],
        buildingId: r.buildingId,
        door: r.door,
        name: r.name,
        phone: r.phone,
        phoneVerified: r.phoneVerified,
        rejectReason: r.rejectReason,
        moveFrom: r.moveFrom ? { buildingId: r.moveFrom.buildingId, door: r.moveFrom.door } : null,
        createdAt: r.createdAt,
        decidedAt: r.decidedAt,
      })),
    ),
    checkins: section(
      'checkins',
      checkins.map((c) => ({
        id: c.id,
        status: c.status,
        statusLabel: CHECKIN_STATUS_LABEL[c.status],
        unitId: c.unitId,
        name: c.name,
        phone: c.phone,
        memberType: c.memberType,
        branch: c.branch,
        workUnit: c.workUnit,
        skills: c.skills,
        services: c.services,
        freeTime: c.freeTime,
        veteran: c.veteran,
        household: c.household,
        reason: c.reason,
        changes: c.history.map((h) => ({ status: h.status, at: h.at, reason: h.reason, date: h.date })),
        createdAt: c.createdAt,
      })),
    ),
    signups: section(
      'signups',
      signups.map((s) => ({
        id: s.id,
        lectureId: s.lectureId,
        lectureTitle: lectures.get(s.lectureId) ?? null,
        status: s.status,
        statusLabel: SIGNUP_STATUS_LABEL[s.status],
        seats: s.seats,
        signedUpAt: s.signedUpAt,
        attendedAt: s.attendedAt,
      })),
    ),
    // The member's side only: the household's kinds (低保, 残疾) and contact are the household's data.
    pairings: section(
      'pairings',
      pairings.map((p) => ({
        id: p.id,
        buildingId: p.buildingId,
        door: p.door,
        status: p.status,
        statusLabel: PAIRING_STATUS_LABEL[p.status],
        visits: p.visits,
        lastVisitOn: p.lastVisitOn,
        createdAt: p.createdAt,
        endedAt: p.endedAt,
      })),
    ),
    points: section('points', kept.points),
    services: section('services', kept.services),
    orders: section('orders', kept.orders),
    wishes: section('wishes', kept.wishes),
    deliberation: section('deliberation', deliberation),
    partners: section('partners', partners),
    codes: section(
      'codes',
      codes.map((c) => ({ id: c.id, purpose: c.purpose, unitId: c.unitId, label: c.label, createdAt: c.createdAt, revokedAt: c.revokedAt })),
    ),
    messages: { ...section('messages', [{ total: messages, unread }]), truncated: messages >= MESSAGES_COUNTED },
  };
}
