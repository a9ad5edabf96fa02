/**
 * Editing a lecture (draft or published) at the version read. The capacity may grow at any time —
 * the new seats go to the waiting list's head, who are told — and may shrink only down to the seats
 * already confirmed (LECTURE.CAPACITY_BELOW_CONFIRMED).
 */
import { DomainError, capacityFits } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/lectures';
import { audit } from '../common';
import { personAction, type FunctionDef } from '../define';
import { managedLecture } from './access';
import { checkedFields } from './fields';
import { deliverPromotions, tellPromoted } from './notices';
import { staffViewOf } from './views';

const belowConfirmed = (confirmed: number) =>
  new DomainError('LECTURE.CAPACITY_BELOW_CONFIRMED', `已经有 ${confirmed} 人报名成功，座位数不能少于 ${confirmed}；要减少座位，请先联系报名的居民取消`, 'capacity');

export const edit: FunctionDef = {
  edit: personAction(schemas.lectures.edit, async (ctx, input) => {
    const { deps } = ctx;
    const { id, version, ...given } = input;
    const { lecture, community } = await managedLecture(ctx, id);
    if (lecture.status === 'cancelled') throw new DomainError('LECTURE.CANCELLED', '这场讲座已取消，不能再修改');
    if (lecture.version !== version) throw new DomainError('CONFLICT.VERSION');
    if (!capacityFits(lecture, given.capacity)) throw belowConfirmed(lecture.confirmedSeats);
    const fields = await checkedFields(ctx, community, given, lecture);
    const out = await deps.store.lectures.edit(id, version, fields, deps.clock.now(), tellPromoted(deps));
    if (!out.ok) {
      if (out.reason === 'below_confirmed') throw belowConfirmed((await deps.store.lectures.get(id))?.confirmedSeats ?? lecture.confirmedSeats);
      if (out.reason === 'cancelled') throw new DomainError('LECTURE.CANCELLED', '这场讲座已取消，不能再修改');
      if (out.reason === 'not_found') throw new DomainError('LECTURE.NOT_FOUND', undefined, 'id');
      throw new DomainError('CONFLICT.VERSION');
    }
    await deliverPromotions(deps, out.promoted, out.lecture);
    const changed = Object.keys(fields).filter((k) => JSON.stringify(fields[k as keyof typeof fields]) !== JSON.stringify(lecture[k as keyof typeof lecture]));
    await audit(ctx, 'lectures.edit', 'lecture', id, { changed, capacity: fields.capacity, promoted: out.promoted.map((s) => s.personId) }, community.path);
    return staffViewOf(deps, ctx.caller, out.lecture);
  }),
};
