/**
 * Staff grant points (社区奖励) and correct mistakes (更正): each a new entry with a reason and who
 * granted it, never an edit. A retried request (the same clientRequestId) writes once. A correction
 * that would take the balance below zero is refused with the balance shown. Both are audited.
 */
import { DomainError, pointsKey, type PointsSourceKind } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/points';
import { audit } from '../common';
import { personAction, type AuthedContext, type FunctionDef } from '../define';
import { runPerson } from './scope';
import { entryViews } from './views';

async function write(ctx: AuthedContext, kind: Extract<PointsSourceKind, 'grant' | 'correction'>, input: { clientRequestId: string; personId: string; points: number; reason: string }) {
  const { deps, caller } = ctx;
  const { person, community, earnUnit } = await runPerson(ctx, input.personId);
  // A grant rewards someone who serves now; a correction also reaches someone who has since left.
  if (kind === 'grant' && !earnUnit) throw new DomainError('POINTS.NOT_EARNER', `${person.name}现在不是本社区已报到的党员或志愿者，不能奖励积分`, 'personId');
  const sourceId = `${caller.person.id}:${input.clientRequestId}`;
  const r = await deps.store.points.append({
    id: pointsKey(kind, sourceId),
    personId: person.id,
    communityId: community.id,
    unitPath: earnUnit?.path ?? community.path,
    points: input.points,
    reason: input.reason,
    source: { kind, id: sourceId },
    grantedBy: caller.person.id,
    at: deps.clock.now(),
  });
  if (!r.ok)
    throw new DomainError(
      'POINTS.BELOW_ZERO',
      `${person.name}现在的积分余额是 ${r.balance} 分，扣 ${-input.points} 分后会小于 0，最多只能扣 ${r.balance} 分`,
      'points',
    );
  if (r.created) await audit(ctx, `points.${kind === 'grant' ? 'grant' : 'correct'}`, 'person', person.id, { entryId: r.entry.id, points: r.entry.points, reason: r.entry.reason }, r.entry.unitPath);
  const [entry] = await entryViews(deps, [r.entry]);
  return { entry, balance: await deps.store.points.balance(person.id) };
}

export const grant: FunctionDef = {
  grant: personAction(schemas.points.grant, (ctx, input) => write(ctx, 'grant', input)),
  correct: personAction(schemas.points.correct, (ctx, input) => write(ctx, 'correction', input)),
};
