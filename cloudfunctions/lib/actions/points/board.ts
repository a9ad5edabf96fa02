/**
 * The board (公示栏) of a compound: who earned most in a China month or year (BOARD_KINDS: what was
 * earned, less corrections; spending lowers no ranking), the top 50 and the caller's own place. A
 * name shows only for people who agreed (consent.board); the others read as 党员 or 志愿者
 * (未公开姓名), so a ranking never names someone who has not said yes.
 */
import {
  BOARD_KINDS,
  DomainError,
  consentOf,
  inChina,
  maySeeCommunityPoints,
  monthKey,
  monthRange,
  monthStartOf,
  unnamedOnBoard,
  type BoardRow,
  type PointsBoard,
  type Unit,
} from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/points';
import type { Deps } from '../../deps';
import type { PointsBoardRow } from '../../store/port';
import { trailOf, unitRef } from '../codes/views';
import { personAction, type AuthedContext, type FunctionDef } from '../define';
import { communityOfUnit } from './scope';
import { unitsOnPaths } from './views';

export const BOARD_TOP = 50;
/** More than a compound has members and volunteers: the whole ranking, so the caller's place is exact. */
const BOARD_ALL = 100_000;

/** The compound a unit lies in (the unit itself if it is one); null for a community or street. */
async function compoundOf(deps: Deps, unit: Unit): Promise<Unit | null> {
  if (unit.kind === 'compound') return unit;
  const above = await deps.store.units.getMany(unit.path.split('/').filter(Boolean));
  return above.find((u) => u.kind === 'compound') ?? null;
}

async function boardCompound(ctx: AuthedContext, unitId: string | undefined): Promise<{ compound: Unit; community: Unit }> {
  const { deps, caller } = ctx;
  let compound: Unit | null = null;
  if (unitId) {
    const unit = await deps.store.units.get(unitId);
    if (!unit) throw new DomainError('UNIT.NOT_FOUND', undefined, 'unitId');
    compound = await compoundOf(deps, unit);
    if (!compound) throw new DomainError('INPUT.INVALID', '公示栏按小区排名，请选择一个小区', 'unitId');
  } else {
    for (const b of caller.bindings.filter((x) => !x.unit.archived)) {
      compound = await compoundOf(deps, b.unit);
      if (compound) break;
    }
    if (!compound) throw new DomainError('INPUT.INVALID', '公示栏按小区排名，请选择一个小区', 'unitId');
  }
  const community = await communityOfUnit(deps, compound);
  if (!community || !maySeeCommunityPoints(caller.bindings, community)) throw new DomainError('AUTH.FORBIDDEN', `您不在${compound.name}所在的社区，看不到它的公示栏`, 'unitId');
  return { compound, community };
}

/** [from, to) and the words of the period: a month ("2026年11月"), a year ("2026年"), or this month. */
function period(input: { month?: string; year?: number }, now: number): { from: number; to: number; label: string } {
  if (input.month && input.year !== undefined) throw new DomainError('INPUT.INVALID', '请只选月份或年份中的一个', 'year');
  if (input.year !== undefined) return { from: monthStartOf(input.year, 1), to: monthStartOf(input.year + 1, 1), label: `${input.year}年` };
  const month = input.month ?? monthKey(now);
  const d = inChina(monthRange(month).from);
  return { ...monthRange(month), label: `${d.year()}年${d.month() + 1}月` };
}

/** Competition ranking: equal points share a place, the next place skips (1, 2, 2, 4). */
function ranked(rows: readonly PointsBoardRow[]): (PointsBoardRow & { rank: number })[] {
  let rank = 0;
  return rows.map((r, i) => {
    if (i === 0 || rows[i - 1].points !== r.points) rank = i + 1;
    return { ...r, rank };
  });
}

async function rowViews(deps: Deps, rows: readonly (PointsBoardRow & { rank: number })[], community: Unit, callerId: string): Promise<BoardRow[]> {
  const people = new Map((await deps.store.people.getMany(rows.map((r) => r.personId))).map((p) => [p.id, p]));
  const out: BoardRow[] = [];
  for (const r of rows) {
    const p = people.get(r.personId);
    const named = !!p && consentOf(p).board;
    let name = p?.name ?? '';
    if (!named) {
      const bindings = await deps.store.bindings.listForPerson(r.personId);
      const units = new Map((await deps.store.units.getMany(bindings.map((b) => b.unitId))).map((u) => [u.id, u]));
      const member = bindings.some((b) => b.role === 'member' && units.get(b.unitId)?.path.startsWith(community.path));
      name = unnamedOnBoard(member ? 'member' : 'volunteer');
    }
    out.push({ rank: r.rank, name, named, points: r.points, mine: r.personId === callerId });
  }
  return out;
}

export const board: FunctionDef = {
  board: personAction(schemas.points.board, async (ctx, input): Promise<PointsBoard> => {
    const { deps, caller } = ctx;
    const { compound, community } = await boardCompound(ctx, input.unitId);
    const p = period(input, deps.clock.now());
    const all = ranked(await deps.store.points.board({ path: compound.path, from: p.from, to: p.to, kinds: BOARD_KINDS }, BOARD_ALL));
    const top = all.slice(0, BOARD_TOP);
    const mine = top.some((r) => r.personId === caller.person.id) ? null : (all.find((r) => r.personId === caller.person.id) ?? null);
    const views = await rowViews(deps, mine ? [...top, mine] : top, community, caller.person.id);
    return {
      unit: unitRef(compound),
      trail: trailOf(compound, await unitsOnPaths(deps, [compound.path])),
      period: p.label,
      rows: views.slice(0, top.length),
      myRow: mine ? views[top.length] : null,
    };
  }),
};
