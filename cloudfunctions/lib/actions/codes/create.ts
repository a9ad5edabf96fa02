/**
 * Making a code on a unit the caller manages, for a purpose (MAKES_CODES). A personal code is a
 * credential: bound to one person the caller may see, one use, and at most PERSONAL_CODE_DAYS.
 */
import { randomBytes } from 'node:crypto';
import {
  CODE_ID_ALPHABET,
  CODE_ID_LENGTH,
  CODE_PURPOSE_LABEL,
  CODE_UNIT_KINDS,
  DomainError,
  PERSONAL_CODE_DAYS,
  PERSONAL_CODE_USES,
  UNIT_KIND_LABEL,
  mayBindPerson,
  mayMakeCode,
  type Code,
  type Person,
} from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/codes';
import type { Deps } from '../../deps';
import { audit, bindingsOf, loadUnit } from '../common';
import { personAction, type AuthedContext, type FunctionDef } from '../define';
import { codeNames, codeView } from './views';

const DAY = 24 * 3600_000;
/** Draws before giving up: with 60 random bits a second draw is already a marvel. */
const DRAWS = 5;

/**
 * A fresh id: CODE_ID_LENGTH characters of the 32-letter alphabet, 5 bits of a random byte each
 * (32 divides 256, so every letter is equally likely and no draw is thrown away).
 */
export function drawCodeId(random: (n: number) => Buffer = randomBytes): string {
  let id = '';
  for (const b of random(CODE_ID_LENGTH)) id += CODE_ID_ALPHABET[b & 31];
  return id;
}

/** Inserts the code under a fresh id, drawing again while the id is taken. */
async function insertFresh(deps: Deps, make: (id: string) => Code): Promise<Code> {
  for (let draw = 1; ; draw++) {
    const code = make(drawCodeId());
    try {
      await deps.store.codes.insert(code);
      return code;
    } catch (e) {
      // Only a taken id is drawn again; anything else is a failure to report.
      if (draw >= DRAWS || !(await deps.store.codes.get(code.id))) throw e;
    }
  }
}

/** The personal code's person, if the caller may see them: someone out of reach is as unknown as no one. */
async function personFor(ctx: AuthedContext, personId: string): Promise<Person> {
  const person = await ctx.deps.store.people.get(personId);
  const createdIn = person?.createdInUnitId ? await ctx.deps.store.units.get(person.createdInUnitId) : null;
  if (!person || !mayBindPerson(ctx.caller.bindings, { homes: await bindingsOf(ctx.deps, person.id), createdIn })) throw new DomainError('PERSON.NOT_FOUND', undefined, 'personId');
  return person;
}

export const create: FunctionDef = {
  create: personAction(schemas.codes.create, async (ctx, input) => {
    const { deps } = ctx;
    const now = deps.clock.now();
    const unit = await loadUnit(ctx, input.unitId, 'unitId');
    if (!mayMakeCode(ctx.caller.bindings, input.purpose, unit)) throw new DomainError('AUTH.FORBIDDEN', `您不能在 ${unit.name} 建${CODE_PURPOSE_LABEL[input.purpose]}`);
    if (unit.archived) throw new DomainError('UNIT.ARCHIVED', `${unit.name} 已归档，不能再建码`, 'unitId');
    if (!CODE_UNIT_KINDS[input.purpose].includes(unit.kind))
      throw new DomainError(
        'CODE.BAD_UNIT',
        `${CODE_PURPOSE_LABEL[input.purpose]}只能建在${CODE_UNIT_KINDS[input.purpose].map((k) => UNIT_KIND_LABEL[k]).join('或')}上，${unit.name} 是${UNIT_KIND_LABEL[unit.kind]}`,
        'unitId',
      );

    const personal = input.purpose === 'personal';
    if (!personal && input.personId) throw new DomainError('INPUT.INVALID', '只有个人码才为某一个人准备，其他码不选人', 'personId');
    if (personal && !input.personId) throw new DomainError('CODE.NEEDS_PERSON', undefined, 'personId');
    const person = personal ? await personFor(ctx, input.personId!) : null;

    const validFrom = input.validFrom ?? null;
    // A personal code is a credential: whatever was asked, it ends PERSONAL_CODE_DAYS from now.
    const personalEnd = now + PERSONAL_CODE_DAYS * DAY;
    const validUntil = personal ? Math.min(input.validUntil ?? personalEnd, personalEnd) : (input.validUntil ?? null);
    if (validUntil !== null && validUntil <= now) throw new DomainError('CODE.BAD_WINDOW', '结束时间应在将来', 'validUntil');
    if (validUntil !== null && validFrom !== null && validUntil <= validFrom) throw new DomainError('CODE.BAD_WINDOW', '结束时间应晚于开始时间', 'validUntil');

    const code = await insertFresh(deps, (id) => ({
      id,
      purpose: input.purpose,
      unitId: unit.id,
      unitPath: unit.path,
      personId: person?.id ?? null,
      label: input.label ?? null,
      validFrom,
      validUntil,
      useLimit: personal ? PERSONAL_CODE_USES : (input.useLimit ?? null),
      uses: 0,
      scans: 0,
      createdBy: ctx.caller.person.id,
      createdAt: now,
      revokedAt: null,
      revokedBy: null,
      revokeReason: null,
      image: null,
    }));
    await audit(
      ctx,
      'codes.create',
      'code',
      code.id,
      { purpose: code.purpose, unitId: unit.id, personId: code.personId, label: code.label, validFrom, validUntil, useLimit: code.useLimit },
      unit.path,
    );
    return codeView(code, await codeNames(deps, [code], [unit]), now);
  }),
};
