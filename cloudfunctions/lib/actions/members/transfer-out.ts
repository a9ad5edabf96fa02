/** Transferring a member out (转出): their party relationship moves elsewhere. See ending.ts. */
import * as schemas from '../../../../src/core/schemas/members';
import { personAction, type FunctionDef } from '../define';
import { endCheckin } from './ending';

export const transferOut: FunctionDef = {
  transferOut: personAction(schemas.members.transferOut, (ctx, input) => endCheckin(ctx, 'transferOut', input)),
};
