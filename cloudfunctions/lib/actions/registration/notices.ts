/**
 * Who hears of a registration: the building's approvers of a new pending one (the nearest level that
 * has any, so a building with a lead does not wake the whole community), and the applicant of the
 * decision once they are a person (a newcomer who was turned away reads the reason in `mine`).
 * A notice never fails the registration: it is written already when a notice cannot be.
 */
import { APPROVES_REGISTRATIONS, ancestorIds, doorLabel, type Registration, type Unit } from '../../../../src/core';
import type { Deps } from '../../deps';
import type { Notice } from '../../ports/notifier';

/** The approval queue in the handler pages. */
export const QUEUE_PAGE = 'handler/approvals/index';
/** Where an approved resident starts. */
export const HOME_PAGE = 'pages/index/index';
/** Where an applicant reads how their registration stands (a rejected one, why). */
export const STATUS_PAGE = 'register/status/index';

/** The approvers bound on the nearest live unit, from the building up, that has any. */
export async function approversOf(deps: Deps, r: Registration, units: ReadonlyMap<string, Unit>): Promise<string[]> {
  const path = units.get(r.buildingId)?.path ?? r.buildingPath;
  const chain = ancestorIds(path).reverse();
  const bindings = await deps.store.bindings.listWithRoles(chain, APPROVES_REGISTRATIONS);
  for (const unitId of chain) {
    if (units.get(unitId)?.archived) continue;
    const here = [...new Set(bindings.filter((b) => b.unitId === unitId).map((b) => b.personId))];
    if (here.length) return here;
  }
  return [];
}

const place = (r: Registration, trail: string) => [trail, doorLabel(r.door)].filter(Boolean).join(' ');

export function pendingNotices(approvers: readonly string[], r: Registration, trail: string): Notice[] {
  return approvers.map((personId) => ({
    personId,
    kind: 'registration.pending',
    title: r.moveFrom ? '有居民申请改门牌，待审核' : '有新的居民登记待审核',
    body: `${r.name} · ${place(r, trail)}`.slice(0, 60),
    page: QUEUE_PAGE,
  }));
}

export function approvedNotice(personId: string, r: Registration, trail: string): Notice {
  if (r.moveFrom) return { personId, kind: 'registration.approved', title: '改门牌已通过', body: `您的住址已改为 ${place(r, trail)}`, page: HOME_PAGE };
  return { personId, kind: 'registration.approved', title: '登记已通过', body: `您已是 ${place(r, trail)} 的居民，现在可以使用近邻了`, page: HOME_PAGE };
}

export function rejectedNotice(personId: string, r: Registration, trail: string): Notice {
  return { personId, kind: 'registration.rejected', title: r.moveFrom ? '改门牌未通过' : '登记未通过', body: `${place(r, trail)}：${r.rejectReason ?? ''}`.slice(0, 80), page: STATUS_PAGE };
}

/** Sends each notice; one that fails is logged, never thrown (the registration is written already). */
export async function tell(deps: Deps, notices: readonly Notice[], requestId: string): Promise<void> {
  for (const n of notices) {
    try {
      await deps.notifier.notify(n);
    } catch (e) {
      deps.log.error('registration notice not sent', { requestId, kind: n.kind, personId: n.personId, error: String((e as Error)?.message ?? e) });
    }
  }
}
