/**
 * A member who is transferred out or withdrawn is paired with nobody any more: each pairing (联户)
 * whose household they are no longer a member for ends with the check-in, its visits kept. A
 * pairing changed meanwhile is read again; one that still cannot be ended is left for the
 * secretary (pairings.end), the check-in's end standing either way.
 */
import { CHECKIN_EVENT_LABEL, isMemberOf, type Checkin, type Pairing, type ScopedBinding } from '../../../../src/core';
import { bindingsOf } from '../common';
import type { AuthedContext } from '../define';

const TRIES = 3;

export async function endPairingsOf(ctx: AuthedContext, c: Checkin, event: 'transferOut' | 'withdraw'): Promise<number> {
  if (!c.personId) return 0;
  const { deps } = ctx;
  const [pairings, bindings] = await Promise.all([deps.store.pairings.listForMember(c.personId), bindingsOf(deps, c.personId)]);
  const now = deps.clock.now();

  async function endOne(first: Pairing, left: readonly ScopedBinding[]): Promise<boolean> {
    let p: Pairing | null = first;
    for (let tries = 0; p && tries < TRIES; tries++) {
      if (p.status !== 'active' || isMemberOf(left, { path: p.unitPath })) return false;
      const next: Pairing = { ...p, status: 'ended', endedAt: now, endedBy: ctx.caller.person.id, endReason: `党员${CHECKIN_EVENT_LABEL[event]}`, updatedAt: now, version: p.version + 1 };
      if (await deps.store.pairings.update(next, p.version)) return true;
      p = await deps.store.pairings.get(p.id);
    }
    return false;
  }

  let ended = 0;
  for (const p of pairings) if (await endOne(p, bindings)) ended++;
  return ended;
}
