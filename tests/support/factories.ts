/** Small factories for test data: each fills in what a test does not care about. */
import { pathOf, type Binding, type Person, type Role, type Unit, type UnitKind } from '../../src/core';

let n = 0;
const next = (p: string) => `${p}_t${String(++n).padStart(5, '0')}`;

export function unit(parent: Unit | null, kind: UnitKind, name: string, extra: Partial<Unit> = {}): Unit {
  const id = extra.id ?? next(kind.slice(0, 3));
  return {
    id,
    parentId: parent?.id ?? null,
    kind,
    name,
    path: pathOf(parent, id),
    archived: false,
    version: 1,
    createdAt: 1_000,
    updatedAt: 1_000,
    ...extra,
  };
}

export function person(name: string, extra: Partial<Person> = {}): Person {
  return {
    id: next('per'),
    name,
    phone: null,
    username: null,
    openid: null,
    demo: false,
    version: 1,
    createdAt: 1_000,
    updatedAt: 1_000,
    ...extra,
  };
}

export function binding(p: Person, u: Unit, role: Role, extra: Partial<Binding> = {}): Binding {
  return { id: next('bnd'), personId: p.id, unitId: u.id, role, createdAt: 1_000, createdBy: null, ...extra };
}

import { createReport, DEFAULT_POLICY, findCategory, officialCalendar, type Report, type TimelineEntry } from '../../src/core';

/** A fresh report on `u` (a building), at the building level with `handlerId`, as the engine makes it. */
export function report(u: Unit, extra: Partial<Report> & { at?: number; handlerId?: string | null; createdBy?: string } = {}): { report: Report; entries: TimelineEntry[] } {
  const at = extra.at ?? Date.parse('2026-11-24T10:00:00+08:00');
  const category = findCategory(DEFAULT_POLICY, extra.category ?? 'noise')!;
  const id = extra.id ?? next('rep');
  const { report: r, entries } = createReport(
    { cal: officialCalendar, policy: DEFAULT_POLICY, now: at, actorId: extra.createdBy ?? 'per_resident', newId: () => next('evt') },
    {
      id,
      clientRequestId: extra.clientRequestId ?? `req-${id}`,
      residentId: extra.residentId ?? extra.createdBy ?? 'per_resident',
      createdBy: extra.createdBy ?? 'per_resident',
      channel: 'resident',
      contactName: null,
      contactPhone: null,
      unitId: u.id,
      unitPath: u.path,
      communityId: null,
      category,
      description: '楼上每天半夜装修，吵得睡不着',
      location: null,
      photos: [],
      anonymous: false,
    },
    { stop: { level: 'building', unitId: u.id, handlerId: extra.handlerId === undefined ? 'per_lead' : extra.handlerId }, skipped: [] },
  );
  const { at: _a, handlerId: _h, createdBy: _c, ...rest } = extra;
  return { report: { ...r, ...rest, handlerId: extra.handlerId === undefined ? r.handlerId : extra.handlerId }, entries };
}

import { voteId, type Opinion, type Topic, type Vote } from '../../src/core';

/** An open topic for `u` with two options, its vote from 20,000 to 30,000 ms (opinions until 20,000). */
export function topic(u: Unit, extra: Partial<Topic> = {}): Topic {
  const id = extra.id ?? next('top');
  return {
    id,
    communityId: 'unit_community',
    unitId: u.id,
    unitPath: u.path,
    unitKind: u.kind === 'building' || u.kind === 'compound' || u.kind === 'community' ? u.kind : 'compound',
    title: '小区东门是否加装电动车充电桩',
    background: '电动车在楼道充电有火灾隐患，物业提议在东门空地加装充电桩。',
    options: [
      { id: 'a', label: '同意加装' },
      { id: 'b', label: '不同意' },
    ],
    photos: [],
    audience: 'residents',
    parties: ['幸福里物业'],
    opinionsUntil: 20_000,
    voteOpensAt: 20_000,
    voteClosesAt: 30_000,
    reportId: null,
    status: 'open',
    decision: null,
    withdrawnReason: null,
    openedBy: 'per_secretary',
    clientRequestId: `req-${id}`,
    createdAt: 10_000,
    updatedAt: 10_000,
    version: 1,
    ...extra,
  };
}

export function opinion(t: Pick<Topic, 'id'>, personId: string, extra: Partial<Opinion> = {}): Opinion {
  const id = extra.id ?? next('opn');
  return { id, topicId: t.id, personId, text: '支持，但充电桩要装雨棚。', hidden: null, clientRequestId: `req-${id}`, createdAt: 12_000, ...extra };
}

/** A household's vote on `t`, cast at 25,000 ms (inside the factory topic's voting time). */
export function vote(t: Pick<Topic, 'id'>, householdKey: string, optionId: string, extra: Partial<Vote> = {}): Vote {
  return { id: voteId(t.id, householdKey), topicId: t.id, householdKey, buildingId: 'unit_b1', optionId, personId: 'per_resident', at: 25_000, changes: 0, ...extra };
}

import type { Need, Partner, PartnerVisit, Project, Resource } from '../../src/core';

/** A live partner of `communityIds` (default the factory tree's), its contact not yet a person. */
export function partner(communityIds: string[], extra: Partial<Partner> = {}): Partner {
  const id = extra.id ?? next('ptn');
  return {
    id,
    name: `共建单位${id}`,
    kind: 'hospital',
    address: '幸福路 1 号',
    contact: { name: '张医生', phone: '13800000000', personId: null },
    communityIds,
    agreement: { signedOn: '2026-03-01', terms: '每月义诊一次', until: null },
    archived: false,
    createdBy: 'per_staff',
    clientRequestId: `req-${id}`,
    createdAt: 10_000,
    updatedAt: 10_000,
    version: 1,
    ...extra,
  };
}

/** A resource `partnerId` offers. */
export function resource(partnerId: string, extra: Partial<Resource> = {}): Resource {
  const id = extra.id ?? next('res');
  return {
    id,
    partnerId,
    kind: 'room',
    title: '251 平方米活动室',
    description: '可办讲座、培训',
    amount: '251 平方米',
    availability: '工作日 9:00–17:00',
    status: 'offered',
    createdBy: 'per_contact',
    clientRequestId: `req-${id}`,
    createdAt: 10_000,
    updatedAt: 10_000,
    version: 1,
    ...extra,
  };
}

/** An open need the community posts for `u` (typed in). */
export function need(communityId: string, u: Unit, extra: Partial<Need> = {}): Need {
  const id = extra.id ?? next('ned');
  return {
    id,
    communityId,
    unitId: u.id,
    unitPath: u.path,
    kind: 'volunteers',
    title: '独居老人助餐志愿者',
    description: '每周三次送餐',
    source: 'typed',
    sourceId: null,
    status: 'open',
    partnerId: null,
    projectId: null,
    postedBy: 'per_staff',
    clientRequestId: `req-${id}`,
    createdAt: 10_000,
    updatedAt: 10_000,
    version: 1,
    ...extra,
  };
}

/** A proposed project of `partnerId` in `communityId`: claimed on a need when `needId` is given, else asked by the community. */
export function project(communityId: string, partnerId: string, extra: Partial<Project> = {}): Project {
  const id = extra.id ?? next('prj');
  const claimed = !!extra.needId;
  return {
    id,
    communityId,
    partnerId,
    needId: null,
    resourceId: null,
    title: '助餐志愿服务',
    startedBy: claimed ? 'partner' : 'community',
    note: null,
    status: 'proposed',
    communityOwnerId: claimed ? null : 'per_staff',
    partnerOwnerId: claimed ? 'per_contact' : null,
    milestones: [],
    result: null,
    reason: null,
    proposedBy: claimed ? 'per_contact' : 'per_staff',
    decidedBy: null,
    decidedAt: null,
    closedBy: null,
    closedAt: null,
    clientRequestId: `req-${id}`,
    createdAt: 20_000,
    updatedAt: 20_000,
    version: 1,
    ...extra,
  };
}

/** A partner contact's visit to a community on `day`. */
export function partnerVisit(partnerId: string, communityId: string, day: string, extra: Partial<PartnerVisit> = {}): PartnerVisit {
  const id = extra.id ?? next('pvs');
  return {
    id,
    partnerId,
    communityId,
    day,
    met: '社区书记、3 号楼楼栋长',
    raised: '楼道灯坏了',
    feedback: '',
    needId: null,
    reportId: null,
    by: 'per_contact',
    clientRequestId: `req-${id}`,
    createdAt: 30_000,
    ...extra,
  };
}
