/**
 * A person's consent (我的信息's switches): their name on the points board, their reports' photos
 * shown to neighbours. Only ever the caller's own, changed at any time; what is left out stays.
 */
import { consentOf, type OwnConsent } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/people';
import { audit, bindingsOf } from '../common';
import { personAction, type ActionDef } from '../define';

export const setConsent: ActionDef = personAction(schemas.people.setConsent, async (ctx, input): Promise<OwnConsent> => {
  const { deps, caller } = ctx;
  const change = { ...(input.board !== undefined ? { board: input.board } : {}), ...(input.photos !== undefined ? { photos: input.photos } : {}) };
  const after = await deps.store.people.setConsent(caller.person.id, change, deps.clock.now());
  // The caller was read a moment ago: gone now means they left meanwhile.
  if (!after) throw new Error(`person ${caller.person.id} vanished while setting their consent`);
  const home = (await bindingsOf(deps, after.id))[0];
  // The switches as set: yes or no, nothing that names the person.
  await audit(ctx, 'people.setConsent', 'person', after.id, change, home?.unit.path ?? null);
  return consentOf(after);
});
