/**
 * Partners (共建单位), their linked members and their resources on CloudBase: a document per partner
 * and per resource, `_id` its id; a document per member link in `partner_members`, `_id` the person's id.
 * A partner's document also holds its contact's person id flat (contactPersonId), what contactOf queries.
 *
 * How the invariants hold when requests race:
 * - A retried create is one partner (one resource): a guard in `uniques` keyed by
 *   hash(kind, creator, clientRequestId) names it, added in the same transaction (guards.ts `insertOnce`). Racing creates all write the guard's `_id`: the database lets one commit,
 *   the others re-run, find the guard and answer what it names. needs.ts, projects.ts and
 *   partner-visits.ts write theirs the same way.
 * - One partner a person: a link's `_id` is the person's id, added in a transaction that reads it
 *   first. Racing links of one person all write that `_id`: one commits, the others re-run and find it.
 * - update writes the document where `_id` and `version` are the ones read: a second update at the
 *   same version writes nothing. The identity (id, creator, request id, creation) is never written.
 */
import type { Partner, PartnerMember, Resource } from '../../../../src/core';
import type { LinkMemberResult, PartnerRepo } from '../port';
import type { CloudbaseKit, Stored, Where } from './kit';
import { insertOnce, requestKey } from './guards';
import { chunks } from './kit';

export interface PartnerDoc extends Stored, Omit<Partner, 'id'> {
  /** contact.personId, flat: what contactOf filters and indexes on. */
  contactPersonId: string | null;
}
export interface PartnerMemberDoc extends Stored, Omit<PartnerMember, 'personId'> {}
export interface ResourceDoc extends Stored, Omit<Resource, 'id'> {}

const toPartner = ({ _id, contactPersonId: _c, ...fields }: PartnerDoc): Partner => ({ id: _id, ...fields });
const partnerDoc = ({ id, ...fields }: Partner): PartnerDoc => ({ _id: id, ...fields, contactPersonId: fields.contact.personId });
const toMember = ({ _id, ...fields }: PartnerMemberDoc): PartnerMember => ({ personId: _id, ...fields });
const memberDoc = ({ personId, ...fields }: PartnerMember): PartnerMemberDoc => ({ _id: personId, ...fields });
const toResource = ({ _id, ...fields }: ResourceDoc): Resource => ({ id: _id, ...fields });
const resourceDoc = ({ id, ...fields }: Resource): ResourceDoc => ({ _id: id, ...fields });

export function cloudbasePartners(kit: CloudbaseKit): PartnerRepo {
  const _ = kit.command;
  const partners = () => kit.coll('partners');
  const members = () => kit.coll('partner_members');
  const resources = () => kit.coll('resources');
  const get = async (id: string) => {
    const d = await kit.docById<PartnerDoc>('partners', id);
    return d ? toPartner(d) : null;
  };
  const getResource = async (id: string) => {
    const d = await kit.docById<ResourceDoc>('resources', id);
    return d ? toResource(d) : null;
  };

  return {
    async insert(p) {
      const existing = await insertOnce(kit, 'partners', 'partner', requestKey('partner', p.createdBy, p.clientRequestId), partnerDoc(p));
      return existing ? { partner: toPartner(existing), created: false } : { partner: p, created: true };
    },
    get,
    async update(next, version) {
      const { _id, createdBy, clientRequestId, createdAt, ...fields } = partnerDoc(next);
      // Objects and lists are replaced whole: a shorter list must not keep the old tail.
      const patch = { ...fields, contact: _.set(next.contact), agreement: _.set(next.agreement), communityIds: _.set(next.communityIds) };
      if ((await kit.update(partners().where({ _id: next.id, version }), patch)) !== 1) return null;
      return get(next.id);
    },
    async forCommunity(communityId, includeArchived) {
      // An array field matched by one value: the partners whose communityIds hold it.
      const where: Where = includeArchived ? { communityIds: communityId } : { communityIds: communityId, archived: false };
      const q = partners().where(where).orderBy('name', 'asc').orderBy('_id', 'asc');
      return (await kit.drainBySkip<PartnerDoc>(q)).map(toPartner);
    },
    async contactOf(personId) {
      const q = partners().where({ contactPersonId: personId, archived: false }).orderBy('name', 'asc').orderBy('_id', 'asc');
      return (await kit.drainBySkip<PartnerDoc>(q)).map(toPartner);
    },
    async byName(name) {
      const q = partners().where({ name }).orderBy('archived', 'asc').orderBy('createdAt', 'asc').orderBy('_id', 'asc');
      const [d] = await kit.rows<PartnerDoc>(q.limit(1));
      return d ? toPartner(d) : null;
    },

    async linkMember(link) {
      return kit.transaction(async (t): Promise<LinkMemberResult> => {
        const held = await t.get<PartnerMemberDoc>('partner_members', link.personId);
        if (held) {
          const existing = toMember(held);
          return existing.partnerId === link.partnerId ? { ok: true, link: existing } : { ok: false, reason: 'elsewhere', existing };
        }
        await t.add('partner_members', memberDoc(link));
        return { ok: true, link };
      });
    },
    async unlinkMember(partnerId, personId) {
      return (await kit.remove(members().where({ _id: personId, partnerId }))) === 1;
    },
    async memberLink(personId) {
      const d = await kit.docById<PartnerMemberDoc>('partner_members', personId);
      return d ? toMember(d) : null;
    },
    async members(partnerId) {
      const q = members().where({ partnerId }).orderBy('linkedAt', 'asc').orderBy('_id', 'asc');
      return (await kit.drainBySkip<PartnerMemberDoc>(q)).map(toMember);
    },
    async memberCounts(partnerIds) {
      const out = new Map<string, number>();
      for (const part of chunks([...new Set(partnerIds)])) {
        const groups = await kit.groups<{ _id: { partnerId: string }; n: number }>(
          () =>
            members()
              .aggregate()
              .match({ partnerId: _.in(part) })
              .group({ _id: { partnerId: '$partnerId' }, n: { $sum: 1 } }),
          ['partnerId'],
        );
        for (const g of groups) out.set(g._id.partnerId, g.n);
      }
      return out;
    },

    async insertResource(r) {
      const existing = await insertOnce(kit, 'resources', 'resource', requestKey('resource', r.createdBy, r.clientRequestId), resourceDoc(r));
      return existing ? { resource: toResource(existing), created: false } : { resource: r, created: true };
    },
    getResource,
    async updateResource(next, version) {
      // Everything but the resource's identity: its id, partner, creator and request id, its creation.
      const { _id, partnerId, createdBy, clientRequestId, createdAt, ...patch } = resourceDoc(next);
      if ((await kit.update(resources().where({ _id: next.id, version }), patch)) !== 1) return null;
      return getResource(next.id);
    },
    async resources(partnerIds, status, limit, offset) {
      // A community's partners are tens: one `_.in` list, read in one order.
      const ids = [...new Set(partnerIds)];
      if (ids.length === 0) return { resources: [], total: 0 };
      const where: Where = { partnerId: _.in(ids) };
      if (status !== null) where.status = status;
      const total = await kit.count(resources().where(where));
      if (limit <= 0) return { resources: [], total };
      const q = resources().where(where).orderBy('createdAt', 'desc').orderBy('_id', 'desc');
      return { resources: (await kit.drainBySkip<ResourceDoc>(q, limit, offset)).map(toResource), total };
    },
  };
}
