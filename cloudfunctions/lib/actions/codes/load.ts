/** Finding a code from what was scanned or typed, and who may act on it: the maker of its purpose on its unit. */
import { DomainError, isCodeId, mayMakeCode, normaliseCodeId, type Code, type Unit } from '../../../../src/core';
import type { Deps } from '../../deps';
import type { AuthedContext } from '../define';

/** The code behind `raw` (look-alike letters, spaces and case forgiven), or null; a string of no code's shape is not looked up. */
export async function findCode(deps: Deps, raw: string): Promise<Code | null> {
  const id = normaliseCodeId(raw);
  return isCodeId(id) ? deps.store.codes.get(id) : null;
}

export async function loadCode(deps: Deps, raw: string, field = 'id'): Promise<Code> {
  const code = await findCode(deps, raw);
  if (!code) throw new DomainError('CODE.NOT_FOUND', undefined, field);
  return code;
}

/** The code's unit as it is now (it may have moved since), or null if it is gone. */
export function unitOfCode(deps: Deps, code: Code): Promise<Unit | null> {
  return deps.store.units.get(code.unitId);
}

/** Refused unless the caller makes codes of this one's purpose on its unit (where the unit is now; where it was if gone). */
export function demandMaker(ctx: AuthedContext, code: Code, unit: Unit | null): void {
  if (!mayMakeCode(ctx.caller.bindings, code.purpose, { path: unit?.path ?? code.unitPath })) throw new DomainError('AUTH.FORBIDDEN', '这个码不在您管理的范围内');
}
