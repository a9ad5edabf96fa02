/**
 * What a check-in starts from, checked before anything is spent or written: a member code usable
 * now, on a compound (or the community, for 直管 members); and the member's household, when they
 * give one, a building under that unit.
 */
import { CHECKIN_UNIT_KINDS, DomainError, type Code, type CodePurpose, type Door, type Household, type Unit } from '../../../../src/core';
import type { Deps } from '../../deps';
import { findCode, unitOfCode } from '../codes/load';
import { refusalOf } from '../codes/refusals';

/** The purposes a check-in starts from. */
export const CHECKIN_PURPOSES: readonly CodePurpose[] = ['member'];

/** The code behind what was scanned, usable now for checking in with its unit; refused with the code's own reason. */
export async function codeToCheckIn(deps: Deps, raw: string): Promise<{ code: Code; unit: Unit }> {
  const code = await findCode(deps, raw);
  if (!code) throw new DomainError('CODE.NOT_FOUND', undefined, 'codeId');
  if (!CHECKIN_PURPOSES.includes(code.purpose))
    throw new DomainError('CODE.WRONG_PURPOSE', '这个码不是党员报到码：请扫小区党支部给的党员报到码（直管党员扫社区的报到码）', 'codeId');
  const unit = await unitOfCode(deps, code);
  const refused = refusalOf(code, unit, deps.clock.now());
  if (refused) throw refused;
  if (!CHECKIN_UNIT_KINDS.includes(unit!.kind)) throw new DomainError('CODE.WRONG_PURPOSE', '这个码不是小区或社区的报到码，不能用来报到', 'codeId');
  return { code, unit: unit! };
}

/** The household as recorded: a live building under `unit`, or refused; null when none was given. */
export async function householdIn(deps: Deps, unit: Unit, given: { buildingId: string; door: Door } | null | undefined): Promise<Household | null> {
  if (!given) return null;
  const building = await deps.store.units.get(given.buildingId);
  if (!building || building.kind !== 'building' || building.archived || !building.path.startsWith(unit.path))
    throw new DomainError('INPUT.INVALID', `请选择 ${unit.name} 里的楼栋；不住在这里可以不填住址`, 'household.buildingId');
  return { buildingId: building.id, door: given.door };
}
