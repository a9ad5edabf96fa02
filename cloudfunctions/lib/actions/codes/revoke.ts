/** Revoking a code (作废) with a reason: it stops working at once, everywhere it is printed. */
import { DomainError } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/codes';
import { audit } from '../common';
import { personAction, type FunctionDef } from '../define';
import { demandMaker, loadCode, unitOfCode } from './load';
import { codeNames, codeView } from './views';

export const revoke: FunctionDef = {
  revoke: personAction(schemas.codes.revoke, async (ctx, input) => {
    const { deps } = ctx;
    const code = await loadCode(deps, input.id);
    const unit = await unitOfCode(deps, code);
    demandMaker(ctx, code, unit);
    if (code.revokedAt !== null) throw new DomainError('CODE.ALREADY_REVOKED');
    const now = deps.clock.now();
    // Of two revokes at once, one wins; the other is told it is done already.
    const revoked = await deps.store.codes.revoke(code.id, now, ctx.caller.person.id, input.reason);
    if (!revoked) throw new DomainError('CODE.ALREADY_REVOKED');
    await audit(ctx, 'codes.revoke', 'code', code.id, { purpose: code.purpose, unitId: code.unitId, reason: input.reason }, unit?.path ?? code.unitPath);
    return codeView(revoked, await codeNames(deps, [revoked], unit ? [unit] : []), now);
  }),
};
