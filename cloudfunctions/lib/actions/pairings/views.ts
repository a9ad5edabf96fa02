/** What the pairings function shows of a pairing and a visit: the member and household by name, the kinds only to those who read them. */
import { PAIRING_STATUS_LABEL, doorLabel, readsKinds, type Pairing, type PairingHousehold, type PairingView, type ScopedBinding, type Unit, type Visit, type VisitView } from '../../../../src/core';
import type { Deps } from '../../deps';
import { codeNames, trailOf, type CodeNames } from '../codes/views';

export interface PairingNames {
  names: CodeNames;
  /** Pairings by id, for the households of visits. */
  pairings: Map<string, Pairing>;
}

/** The names of the members and the trails of the buildings of `pairings` (and of visits' pairings). */
export async function pairingNames(deps: Deps, pairings: readonly Pairing[], visits: readonly Visit[] = []): Promise<PairingNames> {
  const byId = new Map(pairings.map((p) => [p.id, p]));
  const missing = [...new Set(visits.map((v) => v.pairingId))].filter((id) => !byId.has(id));
  for (const id of missing) {
    const p = await deps.store.pairings.get(id);
    if (p) byId.set(p.id, p);
  }
  const all = [...byId.values()];
  const buildings: Unit[] = await deps.store.units.getMany([...new Set(all.map((p) => p.buildingId))]);
  const people = [...new Set([...all.map((p) => p.memberId), ...visits.map((v) => v.memberId)])];
  return { names: await codeNames(deps, [], buildings, people), pairings: byId };
}

function household(p: Pairing, n: PairingNames): PairingHousehold {
  const building = n.names.units.get(p.buildingId);
  return { buildingId: p.buildingId, trail: building ? trailOf(building, n.names.units) : '（已删除的楼栋）', door: p.door, doorLabel: doorLabel(p.door) };
}

const person = (id: string, n: PairingNames) => ({ id, name: n.names.people.get(id)?.name ?? '（已注销）' });

/** The pairing as `reader` (holding `bindings`) sees it: kinds only for the member and those who oversee the household. */
export function pairingView(p: Pairing, n: PairingNames, reader: { personId: string; bindings: readonly ScopedBinding[] }): PairingView {
  return {
    id: p.id,
    version: p.version,
    status: p.status,
    statusLabel: PAIRING_STATUS_LABEL[p.status],
    member: person(p.memberId, n),
    household: household(p, n),
    kinds: readsKinds(reader.personId, reader.bindings, p) ? p.kinds : null,
    contactName: p.contactName,
    contactPhone: p.contactPhone,
    visits: p.visits,
    lastVisitOn: p.lastVisitOn,
    createdAt: p.createdAt,
    endedAt: p.endedAt,
    endReason: p.endReason,
  };
}

export function visitView(v: Visit, n: PairingNames): VisitView {
  const p = n.pairings.get(v.pairingId);
  return {
    id: v.id,
    pairingId: v.pairingId,
    member: person(v.memberId, n),
    household: p ? household(p, n) : { buildingId: '', trail: '', door: { entrance: '', floor: null, room: '' }, doorLabel: '' },
    date: v.date,
    done: v.done,
    needs: v.needs,
    reportId: v.reportId,
    createdAt: v.createdAt,
  };
}
