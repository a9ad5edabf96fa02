/**
 * What a scanned code is for and where, or why it cannot be used: public, since whoever scans it
 * may not be registered yet. Ids are random, but public means guessable by brute force, so each
 * caller gets CODE_RESOLVE_LIMIT tries a window; a found code counts a scan whatever its state.
 */
import { CODE_RESOLVE_LIMIT, DomainError } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/codes';
import { publicAction, type FunctionDef } from '../define';
import { takeTry } from '../tries';
import { findCode, unitOfCode } from './load';
import { refusalOf } from './refusals';
import { codeNames, resolvedCode } from './views';

export const resolve: FunctionDef = {
  resolve: publicAction(schemas.codes.resolve, async (ctx, input) => {
    const { deps } = ctx;
    await takeTry(ctx, 'codes.resolve', CODE_RESOLVE_LIMIT, 'CODE.TOO_MANY_TRIES');
    const code = await findCode(deps, input.id);
    if (!code) throw new DomainError('CODE.NOT_FOUND', undefined, 'id');
    const [unit] = await Promise.all([unitOfCode(deps, code), deps.store.codes.countScan(code.id)]);
    const refused = refusalOf(code, unit, deps.clock.now());
    if (refused) throw refused;
    return resolvedCode(code, await codeNames(deps, [code], unit ? [unit] : []));
  }),
};
