/**
 * The applicant's phone: verified when WeChat gave it (the one-time code of
 * <Button openType="getPhoneNumber">, traded in the function), unverified when typed. Checked in two
 * steps: what the input lacks, before anything is spent; then the WeChat code, last of all, since
 * trading it spends it.
 */
import { DomainError } from '../../../../src/core';
import type { PhoneRefusal } from '../../ports/open-data';
import type { ActionContext } from '../define';

export interface PhoneInput {
  phoneCode?: string;
  phone?: string;
}

export interface Phone {
  phone: string;
  verified: boolean;
}

const REFUSAL_ERROR = {
  invalid: 'PHONE.CODE_INVALID',
  used: 'PHONE.CODE_USED',
  unavailable: 'PHONE.UNAVAILABLE',
} as const satisfies Record<PhoneRefusal, string>;

/** Refused when there is no phone to be had, or a WeChat code without WeChat. Spends nothing. */
export function demandPhone(ctx: ActionContext, input: PhoneInput): void {
  if (input.phoneCode !== undefined && !ctx.client.openid) throw new DomainError('REGISTRATION.NEEDS_WECHAT', undefined, 'phoneCode');
  if (input.phoneCode === undefined && input.phone === undefined) throw new DomainError('REGISTRATION.NEEDS_PHONE', undefined, 'phone');
}

/** The phone, a WeChat code traded first (and only it, when both came); WeChat's refusals each with their own code. */
export async function phoneOf(ctx: ActionContext, input: PhoneInput): Promise<Phone> {
  demandPhone(ctx, input);
  if (input.phoneCode === undefined) return { phone: input.phone!, verified: false };
  const answer = await ctx.deps.openData.phoneNumber(input.phoneCode);
  if (!answer.ok) throw new DomainError(REFUSAL_ERROR[answer.reason], undefined, 'phoneCode');
  return { phone: answer.phone, verified: true };
}
