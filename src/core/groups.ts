/**
 * The building's WeChat group (楼栋群): bound to its building by the building's lead, its openGId
 * stored on the building (Unit.groupId). A group belongs to one building at a time. Residents who
 * open a Jinlin card inside a bound group get their building filled in when they register; a report
 * shared to the group as a card is read in full (its public view) only inside that group, since
 * cards get forwarded out of groups.
 *
 * WeChat gives a group's openGId only through open data: the page's getGroupEnterInfo answers a
 * cloudID (valid 5 minutes) that the cloud function resolves. Reading it fails for many reasons
 * (not opened from a group, no longer in it, and some WeChat does not document): a failure is said,
 * logged, and the person chooses their building. Never branch on the launch scene number.
 */
import type { Role, ScopedBinding } from './roles';
import type { Unit } from './units';

/** Who binds and unbinds a building's group: these roles on that very building. */
export const BINDS_GROUPS: readonly Role[] = ['building_lead'];

export function mayBindGroup(bindings: readonly ScopedBinding[], building: Pick<Unit, 'id' | 'kind'>): boolean {
  return building.kind === 'building' && bindings.some((b) => !b.unit.archived && b.unit.id === building.id && BINDS_GROUPS.includes(b.role));
}

/** The page a shared report card opens (in the group subpackage; reportCardPath gives the share path). */
export const REPORT_CARD_PAGE = 'group/card/index';

export function reportCardPath(reportId: string): string {
  return `/${REPORT_CARD_PAGE}?id=${encodeURIComponent(reportId)}`;
}
