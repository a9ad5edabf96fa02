/**
 * Who hears of a check-in: its unit's approvers of a new pending one (the nearest level that has
 * any, so a compound with a branch secretary does not wake the community secretary), and the member
 * of each step once they are a person (a WeChat user nobody knew, turned back, reads why in 我的报到).
 * Sent by registration's tell(): a notice never fails the check-in.
 */
import { CHECKIN_STATUS_LABEL, DECIDES_CHECKINS, MEMBER_TYPE_LABEL, ancestorIds, type Checkin, type CheckinEvent, type Unit } from '../../../../src/core';
import type { Deps } from '../../deps';
import type { Notice } from '../../ports/notifier';

/** The mini-program pages a notice opens (the members subpackage and the handler pages). */
export const CHECKIN_QUEUE_PAGE = 'handler/checkins/index';
export const MY_CHECKINS_PAGE = 'members/mine/index';

/** The approvers bound on the nearest live unit, from the check-in's unit up, that has any. */
export async function approversOf(deps: Deps, c: Checkin, units: ReadonlyMap<string, Unit>): Promise<string[]> {
  const path = units.get(c.unitId)?.path ?? c.unitPath;
  const chain = ancestorIds(path).reverse();
  const bindings = await deps.store.bindings.listWithRoles(chain, DECIDES_CHECKINS.approve);
  for (const unitId of chain) {
    if (units.get(unitId)?.archived) continue;
    const here = [...new Set(bindings.filter((b) => b.unitId === unitId).map((b) => b.personId))];
    if (here.length) return here;
  }
  return [];
}

export function pendingNotices(approvers: readonly string[], c: Checkin, trail: string): Notice[] {
  return approvers.map((personId) => ({
    personId,
    kind: 'checkin.pending',
    title: '有党员报到待审核',
    body: `${c.name}（${MEMBER_TYPE_LABEL[c.memberType]}党员）· ${trail}`.slice(0, 60),
    page: CHECKIN_QUEUE_PAGE,
  }));
}

const TITLE: Record<CheckinEvent, string> = {
  approve: '报到已通过',
  return: '报到被退回',
  transferOut: '已办理转出',
  withdraw: '报到已撤回',
};

/** The member told of `event` on their check-in (`c` after it). */
export function memberNotice(personId: string, event: CheckinEvent, c: Checkin, trail: string): Notice {
  const body = event === 'approve' ? `您已在 ${trail} 报到，欢迎参加社区服务` : `${trail}：${c.reason ?? CHECKIN_STATUS_LABEL[c.status]}`;
  return { personId, kind: `checkin.${c.status}`, title: TITLE[event], body: body.slice(0, 80), page: MY_CHECKINS_PAGE };
}
