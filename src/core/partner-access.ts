/**
 * Who may do what with partners (共建单位), as allow-lists. Two sides:
 * - the community's: staff of a community manage the partners that partner with it, post its needs, ask
 *   partners for resources, accept what partners claim, and close projects;
 * - the partner's: its contact (partner.contact.personId) and its linked in-service members act for it —
 *   offer resources, claim needs of the communities it partners with, accept what the community asks,
 *   keep milestones and record visits. A partner sees only its own projects and resources, and the needs
 *   of communities it partners with.
 */
import type { Role, ScopedBinding } from './roles';
import type { Partner } from './partners';

/** Staff who manage partners and the lists for their community (the role held on the community or above). */
export const MANAGES_PARTNERS: readonly Role[] = ['community_staff', 'community_secretary', 'street_officer'];

/** Which side of a partner a person is on. */
export type PartnerSide = 'contact' | 'member';

const live = (bindings: readonly ScopedBinding[], roles: readonly Role[]) => bindings.filter((b) => !b.unit.archived && roles.includes(b.role));

/** Manages partners for the community at `communityPath` (a staff role on it or a unit above it). */
export const managesPartnersOf = (bindings: readonly ScopedBinding[], communityPath: string): boolean =>
  live(bindings, MANAGES_PARTNERS).some((b) => communityPath.startsWith(b.unit.path));

/** Manages partners somewhere (the management page's menu). */
export const managesPartners = (bindings: readonly ScopedBinding[]): boolean => live(bindings, MANAGES_PARTNERS).length > 0;

/**
 * How the person acts for the partner: its contact, a linked member, or not at all (null). An
 * archived partner has nobody acting for it.
 */
export function sideOf(partner: Pick<Partner, 'archived' | 'contact'>, personId: string, linkedPartnerId: string | null, partnerId: string): PartnerSide | null {
  if (partner.archived) return null;
  if (partner.contact.personId === personId) return 'contact';
  if (linkedPartnerId === partnerId) return 'member';
  return null;
}

/** A partner sees the needs of a community only if it partners with it. */
export const partnersWith = (partner: Pick<Partner, 'communityIds' | 'archived'>, communityId: string): boolean =>
  !partner.archived && partner.communityIds.includes(communityId);
