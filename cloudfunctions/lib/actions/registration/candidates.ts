/**
 * Who an applicant may be: residents already on the building (imported, or added by staff) with the
 * same phone whom nobody has claimed — no WeChat user and no web account on them — and a personal
 * code's own person. Approving may make the applicant one of them instead of a new person; a phone
 * verified by WeChat that matches exactly one of them approves itself (submit.ts).
 */
import { REGISTRATION_ROLE, type Person, type Registration } from '../../../../src/core';
import type { Deps } from '../../deps';

/** Nobody signs in as them yet: claiming them is what registration does. */
export const unclaimed = (p: Person): boolean => !p.openid && !p.username;

/** The residents bound on each building whom nobody has claimed, by building id. */
export async function unclaimedResidents(deps: Deps, buildingIds: readonly string[]): Promise<Map<string, Person[]>> {
  const out = new Map<string, Person[]>(buildingIds.map((id) => [id, []]));
  if (buildingIds.length === 0) return out;
  const bindings = await deps.store.bindings.listWithRoles([...new Set(buildingIds)], [REGISTRATION_ROLE]);
  const people = new Map((await deps.store.people.getMany([...new Set(bindings.map((b) => b.personId))])).map((p) => [p.id, p]));
  for (const b of bindings) {
    const p = people.get(b.personId);
    const list = out.get(b.unitId);
    if (p && list && unclaimed(p) && !list.some((x) => x.id === p.id)) list.push(p);
  }
  return out;
}

/** Of `residents`, those with this phone. */
export function samePhone(phone: string, residents: readonly Person[]): Person[] {
  return residents.filter((p) => p.phone === phone);
}

/**
 * Whom an approver may make the applicant: the building's residents with the same phone, claimed
 * or not (one claimed since is answered as taken, which says more than "not allowed"), and the
 * personal code's person.
 */
export async function mayBecome(deps: Deps, r: Registration): Promise<Set<string>> {
  const bindings = await deps.store.bindings.listWithRoles([r.buildingId], [REGISTRATION_ROLE]);
  const people = await deps.store.people.getMany([...new Set(bindings.map((b) => b.personId))]);
  const ids = new Set(samePhone(r.phone, people).map((p) => p.id));
  const own = personalCodePerson(r);
  if (own) ids.add(own);
  return ids;
}

/** A personal code's person (recorded on the registration when it was submitted), or null. */
export function personalCodePerson(r: Registration): string | null {
  return r.codePurpose === 'personal' ? r.personId : null;
}

/**
 * For each registration, whom approving may make the applicant: its building's unclaimed residents
 * with its phone, then its personal code's person if nobody has claimed them either.
 */
export async function candidatesFor(deps: Deps, regs: readonly Registration[]): Promise<Map<string, Person[]>> {
  const residents = await unclaimedResidents(deps, regs.map((r) => r.buildingId));
  const personalIds = [...new Set(regs.map(personalCodePerson).filter((id): id is string => !!id))];
  const personal = new Map((personalIds.length ? await deps.store.people.getMany(personalIds) : []).map((p) => [p.id, p]));
  const out = new Map<string, Person[]>();
  for (const r of regs) {
    const list = samePhone(r.phone, residents.get(r.buildingId) ?? []);
    const own = personal.get(personalCodePerson(r) ?? '');
    if (own && unclaimed(own) && !list.some((p) => p.id === own.id)) list.push(own);
    out.set(r.id, list);
  }
  return out;
}
