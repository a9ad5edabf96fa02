/**
 * The ledger as people read it: 我的积分 (the caller's balance and entries, whether their name shows on
 * the board, whether they earn at all), and the staff's list — one person's entries or everyone's under
 * a unit, in a range of China days.
 */
import { DomainError, consentOf, dayStart, earnsAnywhere } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/points';
import type { PointsEntryQuery } from '../../store/port';
import { personAction, type AuthedContext, type FunctionDef } from '../define';
import { runPerson, runUnits } from './scope';
import { entryViews } from './views';

const DAY = 24 * 3600_000;

/** [from, to) of the China days `from` … `to` (both included); refused when `to` comes first. */
export function dayRange(from: string | undefined, to: string | undefined): { from?: number; to?: number } {
  if (from && to && to < from) throw new DomainError('INPUT.INVALID', '结束日期不能早于开始日期', 'to');
  return { ...(from ? { from: dayStart(from) } : {}), ...(to ? { to: dayStart(to) + DAY } : {}) };
}

/** The entries a staff ledger or export covers: one person's (self, or one the caller runs) or those under units. */
export async function ledgerQuery(
  ctx: AuthedContext,
  input: { personId?: string; unitId?: string; from?: string; to?: string },
): Promise<{ query: PointsEntryQuery; personId: string | null; place: string }> {
  const range = dayRange(input.from, input.to);
  if (input.personId) {
    if (input.personId === ctx.caller.person.id) return { query: { personId: input.personId, ...range }, personId: input.personId, place: ctx.caller.person.name };
    const { person } = await runPerson(ctx, input.personId);
    return { query: { personId: person.id, ...range }, personId: person.id, place: person.name };
  }
  const units = await runUnits(ctx, input.unitId);
  return { query: { paths: units.map((u) => u.path), ...range }, personId: null, place: units.map((u) => u.name).join('、') };
}

export const ledger: FunctionDef = {
  mine: personAction(schemas.points.mine, async (ctx, input) => {
    const { deps, caller } = ctx;
    const found = await deps.store.points.list({ personId: caller.person.id }, input.limit ?? 50, input.offset ?? 0);
    return {
      balance: await deps.store.points.balance(caller.person.id),
      entries: await entryViews(deps, found.entries),
      total: found.total,
      onBoard: consentOf(caller.person).board,
      earns: earnsAnywhere(caller.bindings),
    };
  }),

  ledger: personAction(schemas.points.ledger, async (ctx, input) => {
    const { deps } = ctx;
    const { query, personId } = await ledgerQuery(ctx, input);
    const found = await deps.store.points.list(query, input.limit ?? 100, input.offset ?? 0);
    return { entries: await entryViews(deps, found.entries), total: found.total, balance: personId ? await deps.store.points.balance(personId) : null };
  }),
};
