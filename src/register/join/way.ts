/**
 * The two ways into a building the join page knows: a code (scanned, resolved by the landing page or
 * here), or a card opened in the building's bound WeChat group. A code names its building; a group is
 * asked which building it is bound to (groups.enter), and its registration sends a cloudID asked for
 * afresh at submit (WeChat's last 5 minutes, and filling the form can take longer).
 */
import type { GroupEntered, ResolvedCode, Submitted } from '../../core/api';
import type { ClientResult } from '../../services/api';
import { enterGroup, groupCloudId, registerFromGroup } from '../../services/groups';
import { submitRegistration } from '../../services/registration';
import { GROUP_NOT_BOUND, groupNotAsked, isGroupStop, NO_GROUP, stopOf } from './stops';
import type { WhereProps } from './Steps';
import type { Refusal } from '../../pages/code/refusal';

export type Way = { via: 'code'; code: ResolvedCode } | { via: 'group'; building: NonNullable<GroupEntered['building']> };

export const byCode = (code: ResolvedCode): Way => ({ via: 'code', code });

/** What the top of every screen says about where the person is registering. */
export function whereOf(way: Way): WhereProps {
  if (way.via === 'code') return { trail: way.code.trail, personName: way.code.personName, personal: way.code.purpose === 'personal' };
  return { trail: way.building.trail, personName: null, personal: false, label: `您在 ${way.building.name} 的群里` };
}

/** The building of the group the page was opened in; null when it was opened in no group at all. */
export async function enterFromGroup(): Promise<null | { ok: true; way: Way } | { ok: false; refusal: Refusal }> {
  const cloudID = await groupCloudId();
  if (!cloudID) return null;
  const entered = await enterGroup(cloudID);
  if (!entered.ok) return { ok: false, refusal: isGroupStop(entered.code) ? stopOf(entered) : groupNotAsked(entered) };
  if (!entered.data.building) return { ok: false, refusal: GROUP_NOT_BOUND };
  return { ok: true, way: { via: 'group', building: entered.data.building } };
}

/** The form's fields, whatever the way in. */
type Fields = Omit<Parameters<typeof submitRegistration>[0], 'codeId'>;

/** Submits by the way in: the code, or a fresh cloudID of the group (read again now: the first may have expired). */
export async function submitWay(way: Way, fields: Fields): Promise<ClientResult<Submitted>> {
  if (way.via === 'code') return submitRegistration({ codeId: way.code.id, ...fields });
  const cloudID = await groupCloudId();
  if (!cloudID) return { ok: false, code: 'GROUP.UNREADABLE', message: NO_GROUP.message };
  // A group is WeChat's: no web account, so no password.
  const { password: _password, ...rest } = fields;
  return registerFromGroup({ ...rest, groupCloudId: cloudID });
}
