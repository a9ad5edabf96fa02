/**
 * Taking and giving back a code's use, for the flows that consume codes (a registration or a
 * check-in submitted, attendance marked): not an action of its own. The limit holds under
 * concurrency because the store takes the use atomically (CodeRepo.use).
 */
import { DomainError, type Code, type CodePurpose } from '../../../../src/core';
import type { Deps } from '../../deps';
import { findCode, unitOfCode } from './load';
import { refusalError, refusalOf } from './refusals';

export interface CodeUseRequest {
  /** The purposes the flow accepts: a building code does not check a member in. */
  purposes: readonly CodePurpose[];
  /** Who the use is for: a personal code serves only its own person. */
  personId?: string | null;
}

/** Takes one use of the code behind `id` and answers the code as it stands after it; refused with the code's own reason. */
export async function takeCodeUse(deps: Deps, id: string, req: CodeUseRequest): Promise<Code> {
  const code = await findCode(deps, id);
  if (!code) throw new DomainError('CODE.NOT_FOUND', undefined, 'code');
  if (!req.purposes.includes(code.purpose)) throw new DomainError('CODE.WRONG_PURPOSE', undefined, 'code');
  if (code.purpose === 'personal' && req.personId != null && req.personId !== code.personId) throw new DomainError('CODE.NOT_YOURS', undefined, 'code');
  const unit = await unitOfCode(deps, code);
  const now = deps.clock.now();
  // Refused before the store is asked when plain from what was read; the store decides the rest atomically.
  const refused = refusalOf(code, unit, now);
  if (refused) throw refused;
  const used = await deps.store.codes.use(code.id, now);
  if (used.ok) return used.code;
  if (used.reason === 'not_found') throw new DomainError('CODE.NOT_FOUND', undefined, 'code');
  throw refusalError(used.reason, code, unit!, now);
}

/** Gives one use back (its registration was rejected); false if there was none to give. */
export function giveBackCodeUse(deps: Deps, id: string): Promise<boolean> {
  return deps.store.codes.giveBack(id);
}
