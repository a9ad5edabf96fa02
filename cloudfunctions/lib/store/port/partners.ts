import type { Partner, PartnerMember, Resource, ResourceStatus } from '../../../../src/core';

export type LinkMemberResult =
  | { ok: true; link: PartnerMember }
  /** The person is linked to another partner already: that link. Nothing written. */
  | { ok: false; reason: 'elsewhere'; existing: PartnerMember };

/**
 * Partner organisations (共建单位), the in-service members linked to each (one partner a person,
 * under any concurrency), and the resources each offers.
 */
export interface PartnerRepo {
  /** Inserts the partner unless its creator wrote one with its clientRequestId: then that one, and nothing written. */
  insert(p: Partner): Promise<{ partner: Partner; created: boolean }>;
  get(id: string): Promise<Partner | null>;
  /** Writes `next` whole if the stored partner is still at `version` (next.version is version + 1); the partner, or null. */
  update(next: Partner, version: number): Promise<Partner | null>;
  /** Partners of a community (archived ones too when asked), by name. */
  forCommunity(communityId: string, includeArchived: boolean): Promise<Partner[]>;
  /** The partners whose contact is the person (not archived). */
  contactOf(personId: string): Promise<Partner[]>;
  /** A partner of the name among any (archived or not): names are unique across the street's communities. */
  byName(name: string): Promise<Partner | null>;

  /** Links the person unless they are linked to a partner already (the same one: that link, ok). */
  linkMember(link: PartnerMember): Promise<LinkMemberResult>;
  /** Ends the person's link to the partner; false when there was none. */
  unlinkMember(partnerId: string, personId: string): Promise<boolean>;
  /** The person's link, or null. */
  memberLink(personId: string): Promise<PartnerMember | null>;
  /** A partner's linked members, oldest link first. */
  members(partnerId: string): Promise<PartnerMember[]>;
  /** Linked members per partner. */
  memberCounts(partnerIds: readonly string[]): Promise<Map<string, number>>;

  /** Inserts the resource unless its creator wrote one with its clientRequestId: then that one. */
  insertResource(r: Resource): Promise<{ resource: Resource; created: boolean }>;
  getResource(id: string): Promise<Resource | null>;
  /** Versioned like update. */
  updateResource(next: Resource, version: number): Promise<Resource | null>;
  /** Resources of some partners (optionally of a status), newest first; `total` counts every match. */
  resources(partnerIds: readonly string[], status: ResourceStatus | null, limit: number, offset: number): Promise<{ resources: Resource[]; total: number }>;
}
