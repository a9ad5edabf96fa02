/**
 * An applicant's own registrations, newest first: public, since most applicants are not people yet.
 * Read by whoever they are now — a person (what they asked for as a person, and as the WeChat user
 * they were before), a WeChat user nobody knows yet, or a web applicant's key. A rejected one says why.
 */
import { DomainError } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/registration';
import { publicAction, type FunctionDef } from '../define';
import { registrationsOf } from './applicant';
import { newestFirst, registrationUnits, registrationView } from './views';

export const mine: FunctionDef = {
  mine: publicAction(schemas.registration.mine, async (ctx, input) => {
    const lists = registrationsOf(ctx.deps, ctx, input.key);
    if (lists.length === 0) throw new DomainError('AUTH.REQUIRED', '请在微信里打开近邻，或用登记时的这台设备查看');
    const regs = newestFirst(await Promise.all(lists));
    const units = await registrationUnits(ctx.deps, regs);
    return { registrations: regs.map((r) => registrationView(r, units)) };
  }),
};
