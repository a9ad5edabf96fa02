/**
 * What approving writes, as one Approval for the store to apply atomically (RegistrationRepo.approve):
 * the registration decided, the applicant bound to a person, and that person the building's resident
 * with the door. Made by an approver (approve.ts) or by submit when the applicant is evident.
 */
import { REGISTRATION_ROLE, type AutoApproval, type Binding, type Registration, type Unit } from '../../../../src/core';
import type { Deps } from '../../deps';
import type { Approval } from '../../store/port';

/** Whom the approval binds, and the person's id (a new person's is drawn here). */
export function personIdOf(person: Approval['person']): string {
  return person.kind === 'new' ? person.person.id : person.personId;
}

export function approvalOf(deps: Deps, r: Registration, building: Pick<Unit, 'id'>, person: Approval['person'], by: string | null, autoApproved: AutoApproval | null): Approval {
  const at = deps.clock.now();
  const binding: Binding = {
    id: deps.ids.next('bnd'),
    personId: personIdOf(person),
    unitId: building.id,
    role: REGISTRATION_ROLE,
    createdAt: at,
    createdBy: by,
    door: r.door,
  };
  const move = r.moveFrom ? { move: { fromUnitId: r.moveFrom.buildingId } } : {};
  return { registrationId: r.id, version: r.version, decidedBy: by, at, autoApproved, person, binding, ...move };
}

/**
 * A person made from an application (a registration; a party member's check-in too): its name, phone
 * and login (WeChat, or the web account it chose), found from the unit it was made for.
 */
export function newPersonFrom(deps: Deps, r: Pick<Registration, 'name' | 'phone' | 'username' | 'openid' | 'passwordHash'>, building: Pick<Unit, 'id'>): Approval['person'] {
  const at = deps.clock.now();
  return {
    kind: 'new',
    person: {
      id: deps.ids.next('per'),
      name: r.name,
      phone: r.phone,
      username: r.username,
      openid: r.openid,
      demo: false,
      createdInUnitId: building.id,
      version: 1,
      createdAt: at,
      updatedAt: at,
    },
    passwordHash: r.passwordHash,
  };
}
