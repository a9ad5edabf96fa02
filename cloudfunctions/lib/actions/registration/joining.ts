/**
 * What a registration starts from, checked before anything is written: a building's code (or a
 * personal code) usable now, on a building, or a card opened in a building's bound WeChat group;
 * and who the applicant can only be, when that is so plain that nobody needs to decide it (a
 * WeChat user with a code only: a typed phone, a web account or a group always waits for a person
 * to approve it).
 */
import { DomainError, type AutoApproval, type Code, type CodePurpose, type Unit } from '../../../../src/core';
import type { Deps } from '../../deps';
import { findCode, unitOfCode } from '../codes/load';
import { refusalOf } from '../codes/refusals';
import type { ActionContext } from '../define';
import { boundBuilding, groupDigest, readGroup, type GroupRefusals } from '../groups/read';
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

/** Exactly one way in: a code, or the group a card was opened in. */
export function demandOneWayIn(input: { codeId?: string; groupCloudId?: string }): void {
  if ((input.codeId === undefined) === (input.groupCloudId === undefined))
    throw new DomainError('INPUT.INVALID', '请扫楼栋码登记，或在楼栋群里点开近邻的卡片登记', 'codeId');
}

/** From a group, the way round a group that cannot be read or is bound to no building is the building's code. */
const GROUP_REFUSALS: GroupRefusals = {
  field: 'groupCloudId',
  expired: '群信息已过期：请回到楼栋群重新点开卡片，或扫楼栋码登记',
  unreadable: '没能读到这个微信群：请在楼栋群里点开近邻的卡片再试，或扫楼栋码登记',
};

/** The building whose bound group the card was opened in, and the group's digest (for the audit log). */
export async function groupToJoin(ctx: ActionContext, cloudID: string): Promise<{ building: Unit; group: string }> {
  const openGId = await readGroup(ctx, cloudID, 'registration.submit', GROUP_REFUSALS);
  const building = await boundBuilding(ctx, openGId);
  if (!building) throw new DomainError('GROUP.NOT_BOUND', '这个群还没有绑定楼栋，不能从群里登记：请扫楼栋长给的楼栋码登记', 'groupCloudId');
  return { building, group: groupDigest(openGId) };
}

/** Where a registration starts: a code on its building, or a bound group's building (and the group's digest, for the audit log). */
export type WayIn = { code: Code; building: Unit; group: null } | { code: null; building: Unit; group: string };

export async function wayIn(ctx: ActionContext, input: { codeId?: string; groupCloudId?: string }, a: Applicant): Promise<WayIn> {
  if (input.codeId !== undefined) return { ...(await codeToJoin(ctx.deps, input.codeId, a)), group: null };
  return { code: null, ...(await groupToJoin(ctx, input.groupCloudId!)) };
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
