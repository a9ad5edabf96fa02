/**
 * How a registration reads: to its applicant (RegistrationView: the phone masked, even on their own
 * screen, since a shared phone shows it to whoever holds it) and in an approver's queue
 * (RegistrationQueueItem: the whole phone, who the applicant may be, and why they were turned away
 * before). The building names the trails need are looked up once per answer.
 */
import {
  REGISTRATION_STATUS_LABEL,
  ancestorIds,
  doorLabel,
  maskPhone,
  type MoveFrom,
  type MovedFrom,
  type Person,
  type Registration,
  type RegistrationQueueItem,
  type RegistrationView,
  type Unit,
} from '../../../../src/core';
import type { Deps } from '../../deps';
import { trailOf, unitRef } from '../codes/views';

/** The registrations' buildings and every unit above them, by id (a building that moved since: above where it is now). */
export async function registrationUnits(deps: Deps, regs: readonly Registration[], known: readonly Unit[] = []): Promise<Map<string, Unit>> {
  const units = new Map(known.map((u) => [u.id, u]));
  const fill = async (paths: string[]) => {
    const missing = new Set(paths.flatMap(ancestorIds).filter((id) => !units.has(id)));
    for (const u of missing.size ? await deps.store.units.getMany([...missing]) : []) units.set(u.id, u);
  };
  const moves = regs.flatMap((r) => (r.moveFrom ? [r.moveFrom] : []));
  await fill([...regs.map((r) => r.buildingPath), ...moves.map((m) => m.buildingPath)]);
  await fill([...regs.map((r) => units.get(r.buildingId)?.path ?? r.buildingPath), ...moves.map((m) => units.get(m.buildingId)?.path ?? m.buildingPath)]);
  return units;
}

function buildingOf(r: Registration, units: ReadonlyMap<string, Unit>): Pick<Unit, 'id' | 'name' | 'kind' | 'path'> {
  return units.get(r.buildingId) ?? { id: r.buildingId, name: '', kind: 'building', path: r.buildingPath };
}

export function registrationView(r: Registration, units: ReadonlyMap<string, Unit>): RegistrationView {
  const building = buildingOf(r, units);
  return {
    id: r.id,
    status: r.status,
    statusLabel: REGISTRATION_STATUS_LABEL[r.status],
    building: unitRef(building),
    trail: trailOf(building, units),
    codeId: r.codeId,
    door: r.door,
    doorLabel: doorLabel(r.door),
    name: r.name,
    phone: maskPhone(r.phone) ?? '',
    phoneVerified: r.phoneVerified,
    autoApproved: r.autoApproved,
    rejectReason: r.rejectReason,
    createdAt: r.createdAt,
    decidedAt: r.decidedAt,
    version: r.version,
    moveFrom: r.moveFrom ? movedFrom(r.moveFrom, units) : null,
  };
}

function movedFrom(m: MoveFrom, units: ReadonlyMap<string, Unit>): MovedFrom {
  const building = units.get(m.buildingId) ?? { id: m.buildingId, name: '', kind: 'building' as const, path: m.buildingPath };
  return { building: unitRef(building), trail: trailOf(building, units), doorLabel: m.door ? doorLabel(m.door) : null };
}

/** What the queue adds to a registration: looked up by the caller (see pending.ts). */
export interface QueueExtras {
  matches: readonly Person[];
  rejectedBefore: readonly Registration[];
  applicant: Person | null;
}

export function queueItem(r: Registration, units: ReadonlyMap<string, Unit>, extras: QueueExtras): RegistrationQueueItem {
  return {
    ...registrationView(r, units),
    phone: r.phone,
    matches: extras.matches.map((p) => ({ id: p.id, name: p.name, phone: p.phone })),
    rejectedBefore: extras.rejectedBefore.filter((x) => x.id !== r.id).map((x) => ({ at: x.decidedAt ?? x.updatedAt, reason: x.rejectReason })),
    applicant: extras.applicant ? { id: extras.applicant.id, name: extras.applicant.name } : null,
  };
}

/** Newest first, each once: one applicant's registrations read through more than one way in. */
export function newestFirst(lists: readonly (readonly Registration[])[]): Registration[] {
  const byId = new Map<string, Registration>();
  for (const list of lists) for (const r of list) byId.set(r.id, r);
  return [...byId.values()].sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
}
