/**
 * A person corrects their own name, or their phone through a number WeChat verifies (a typed number
 * is never taken: it is what staff call them on, and what an imported resident is matched by). A
 * move of door is not a correction: it is a registration for the new door, approved by its lead.
 */
import { DomainError, LEFT_PERSON_NAME, viewPerson, type Person, type PersonView } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/people';
import type { PhoneRefusal } from '../../ports/open-data';
import { audit, bindingsOf } from '../common';
import { personAction, type ActionDef, type AuthedContext } from '../define';

/** WeChat's refusals, said for a correction: there is no typing the number instead. */
const REFUSAL = {
  invalid: ['PHONE.CODE_INVALID', '没能从微信取得手机号，请重新点“微信手机号”按钮'],
  used: ['PHONE.CODE_USED', '这次获取手机号已经用过了，请重新点“微信手机号”按钮'],
  unavailable: ['PHONE.UNAVAILABLE', '微信手机号暂时取不到，请过一会儿再试'],
} as const satisfies Record<PhoneRefusal, readonly [string, string]>;

async function saveCorrection(ctx: AuthedContext, version: number, change: { name?: string; phone?: string }): Promise<PersonView> {
  const { deps, caller } = ctx;
  const after = await deps.store.people.correct(caller.person.id, version, change, deps.clock.now());
  if (!after) throw new DomainError('CONFLICT.VERSION', undefined, 'version');
  // Which fields changed, never their values: the audit log outlives a person who leaves.
  const home = (await bindingsOf(deps, after.id))[0];
  await audit(ctx, 'people.correct', 'person', after.id, { fields: Object.keys(change) }, home?.unit.path ?? null);
  return viewPerson(after);
}

function demandVersion(person: Person, version: number): void {
  if (person.version !== version) throw new DomainError('CONFLICT.VERSION', undefined, 'version');
}

export const correctName: ActionDef = personAction(schemas.people.correctName, async (ctx, input) => {
  demandVersion(ctx.caller.person, input.version);
  if (input.name === ctx.caller.person.name) throw new DomainError('INPUT.INVALID', '姓名和原来一样，不用修改', 'name');
  // The name of those who left: a person using it would read as gone to staff.
  if (input.name === LEFT_PERSON_NAME) throw new DomainError('INPUT.INVALID', '请填写您的真实姓名', 'name');
  return saveCorrection(ctx, input.version, { name: input.name });
});

export const correctPhone: ActionDef = personAction(schemas.people.correctPhone, async (ctx, input) => {
  // Checked before the code is traded: trading it spends it.
  if (!ctx.client.openid || ctx.caller.via !== 'openid') throw new DomainError('PERSON.PHONE_NEEDS_WECHAT', undefined, 'phoneCode');
  demandVersion(ctx.caller.person, input.version);
  const answer = await ctx.deps.openData.phoneNumber(input.phoneCode);
  if (!answer.ok) {
    const [code, message] = REFUSAL[answer.reason];
    throw new DomainError(code, message, 'phoneCode');
  }
  if (answer.phone === ctx.caller.person.phone) throw new DomainError('INPUT.INVALID', '微信手机号和原来登记的一样，不用修改', 'phoneCode');
  return saveCorrection(ctx, input.version, { phone: answer.phone });
});
