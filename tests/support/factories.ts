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
