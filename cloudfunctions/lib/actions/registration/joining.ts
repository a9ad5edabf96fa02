/**
 * What a registration starts from, checked before anything is written: a building's code (or a
 * personal code) usable now, on a building; and who the applicant can only be, when that is so
 * plain that nobody needs to decide it (a WeChat user only: a typed phone or a web account always
 * waits for a person to approve it).
 */
import { DomainError, type AutoApproval, type Code, type CodePurpose, type Unit } from '../../../../src/core';
import type { Deps } from '../../deps';
import { findCode, unitOfCode } from '../codes/load';
import { refusalOf } from '../codes/refusals';
import type { Applicant } from './applicant';
import { samePhone, unclaimed, unclaimedResidents } from './candidates';
import type { Phone } from './phone';

/** The purposes a registration starts from. */
export const JOIN_PURPOSES: readonly CodePurpose[] = ['building', 'personal'];

/** The code behind what was scanned, usable now for joining its building; refused with the code's own reason. */
export async function codeToJoin(deps: Deps, raw: string, a: Applicant): Promise<{ code: Code; building: Unit }> {
  const code = await findCode(deps, raw);
  if (!code) throw new DomainError('CODE.NOT_FOUND', undefined, 'codeId');
  if (!JOIN_PURPOSES.includes(code.purpose)) throw new DomainError('CODE.WRONG_PURPOSE', '这个码不是用来登记居民的：请扫楼栋码，或楼栋长给您的个人码', 'codeId');
  if (code.purpose === 'personal' && a.kind === 'person' && code.personId !== a.person.id) throw new DomainError('CODE.NOT_YOURS', undefined, 'codeId');
  const unit = await unitOfCode(deps, code);
  const refused = refusalOf(code, unit, deps.clock.now());
  if (refused) throw refused;
  if (unit!.kind !== 'building') throw new DomainError('CODE.WRONG_PURPOSE', '这个码不是楼栋的码，不能用来登记居民', 'codeId');
  return { code, building: unit! };
}

export interface Evident {
  personId: string;
  why: AutoApproval;
}

/**
 * The person a WeChat applicant can only be, or null: a personal code's own person, by the name
 * they typed; or the one resident of the building nobody has claimed whose phone is the one WeChat
 * verified. Anything else is for a person to decide.
 */
export async function evidentPerson(deps: Deps, a: Applicant, code: Code, building: Unit, phone: Phone, name: string): Promise<Evident | null> {
  if (a.kind !== 'wechat') return null;
  if (code.purpose === 'personal' && code.personId) {
    const own = await deps.store.people.get(code.personId);
    if (own && unclaimed(own) && own.name.trim() === name.trim()) return { personId: own.id, why: 'personal_code' };
  }
  if (phone.verified) {
    const matches = samePhone(phone.phone, (await unclaimedResidents(deps, [building.id])).get(building.id) ?? []);
    if (matches.length === 1) return { personId: matches[0].id, why: 'verified_phone' };
  }
  return null;
}
