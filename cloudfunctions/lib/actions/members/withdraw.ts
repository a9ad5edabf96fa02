/** Withdrawing a member's check-in (撤回): they no longer serve here (their work unit recalled them, they left). See ending.ts. */
import * as schemas from '../../../../src/core/schemas/members';
import { personAction, type FunctionDef } from '../define';
import { endCheckin } from './ending';

export const withdraw: FunctionDef = {
  withdraw: personAction(schemas.members.withdraw, (ctx, input) => endCheckin(ctx, 'withdraw', input)),
};
