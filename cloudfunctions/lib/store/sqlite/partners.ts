/**
 * Partners (共建单位), their linked members and their resources on SQLite. A partner is one row, its
 * content a JSON document read whole, with the columns the lists query beside it; its communities
 * are rows of partner_communities, rewritten in the partner's transaction. Partners and resources
 * are written once per (creator, client request id), a unique key: INSERT OR IGNORE writes one of
 * any number of racing creates and the others read the first back. A member link's primary key is
 * the person: of any number of links of one person at once, one is written (INSERT OR IGNORE) and
 * the others read it back. Updates are conditional on the version and keep the identity as inserted.
 */
import type { Database as Db } from 'better-sqlite3';
import type { Partner, PartnerMember, Resource, ResourceKind, ResourceStatus } from '../../../../src/core';
import type { LinkMemberResult, PartnerRepo } from '../port';
import type { SqliteKit } from './kit';
import { CHUNK } from './rows';

interface MemberRow {
  person_id: string;
  partner_id: string;
  checkin_id: string;
  linked_by: string;
  linked_at: number;
}

interface ResourceRow {
  id: string;
  partner_id: string;
  kind: string;
  title: string;
  description: string;
  amount: string;
  availability: string;
  status: string;
  created_by: string;
  client_request_id: string;
  created_at: number;
  updated_at: number;
  version: number;
}

const toPartner = (r: { doc: string }): Partner => JSON.parse(r.doc) as Partner;
const partnerParams = (p: Partner) => ({
  id: p.id,
  name: p.name,
  contactPersonId: p.contact.personId,
  archived: p.archived ? 1 : 0,
  createdBy: p.createdBy,
  clientRequestId: p.clientRequestId,
  createdAt: p.createdAt,
  version: p.version,
  doc: JSON.stringify(p),
});

const toMember = (r: MemberRow): PartnerMember => ({
  partnerId: r.partner_id,
  personId: r.person_id,
  checkinId: r.checkin_id,
  linkedBy: r.linked_by,
  linkedAt: r.linked_at,
});

const toResource = (r: ResourceRow): Resource => ({
  id: r.id,
  partnerId: r.partner_id,
  kind: r.kind as ResourceKind,
  title: r.title,
  description: r.description,
  amount: r.amount,
  availability: r.availability,
  status: r.status as ResourceStatus,
  createdBy: r.created_by,
  clientRequestId: r.client_request_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
});

export function sqlitePartners(db: Db, { stmt }: SqliteKit): PartnerRepo {
  const q = {
    get: db.prepare<[string], { doc: string }>('SELECT doc FROM partners WHERE id = ?'),
    byRequest: db.prepare<[string, string], { doc: string }>('SELECT doc FROM partners WHERE created_by = ? AND client_request_id = ?'),
    insert: db.prepare(
      `INSERT OR IGNORE INTO partners (id, name, contact_person_id, archived, created_by, client_request_id, created_at, version, doc)
       VALUES (@id, @name, @contactPersonId, @archived, @createdBy, @clientRequestId, @createdAt, @version, @doc)`,
    ),
    update: db.prepare(
      `UPDATE partners SET name = @name, contact_person_id = @contactPersonId, archived = @archived, version = @version, doc = @doc
       WHERE id = @id AND version = @expected`,
    ),
    addCommunity: db.prepare<[string, string]>('INSERT OR IGNORE INTO partner_communities (community_id, partner_id) VALUES (?, ?)'),
    dropCommunities: db.prepare<[string]>('DELETE FROM partner_communities WHERE partner_id = ?'),
    forCommunity: db.prepare<[string], { doc: string }>(
      `SELECT p.doc FROM partner_communities c JOIN partners p ON p.id = c.partner_id WHERE c.community_id = ? ORDER BY p.name, p.id`,
    ),
    forCommunityLive: db.prepare<[string], { doc: string }>(
      `SELECT p.doc FROM partner_communities c JOIN partners p ON p.id = c.partner_id WHERE c.community_id = ? AND p.archived = 0 ORDER BY p.name, p.id`,
    ),
    contactOf: db.prepare<[string], { doc: string }>('SELECT doc FROM partners WHERE contact_person_id = ? AND archived = 0 ORDER BY name, id'),
    byName: db.prepare<[string], { doc: string }>('SELECT doc FROM partners WHERE name = ? ORDER BY archived, created_at, id LIMIT 1'),

    link: db.prepare(
      `INSERT OR IGNORE INTO partner_members (person_id, partner_id, checkin_id, linked_by, linked_at)
       VALUES (@personId, @partnerId, @checkinId, @linkedBy, @linkedAt)`,
    ),
    unlink: db.prepare<[string, string]>('DELETE FROM partner_members WHERE partner_id = ? AND person_id = ?'),
    memberLink: db.prepare<[string], MemberRow>('SELECT * FROM partner_members WHERE person_id = ?'),
    members: db.prepare<[string], MemberRow>('SELECT * FROM partner_members WHERE partner_id = ? ORDER BY linked_at, person_id'),

    resource: db.prepare<[string], ResourceRow>('SELECT * FROM resources WHERE id = ?'),
    resourceByRequest: db.prepare<[string, string], ResourceRow>('SELECT * FROM resources WHERE created_by = ? AND client_request_id = ?'),
    insertResource: db.prepare(
      `INSERT OR IGNORE INTO resources (id, partner_id, kind, title, description, amount, availability, status, created_by, client_request_id,
         created_at, updated_at, version)
       VALUES (@id, @partnerId, @kind, @title, @description, @amount, @availability, @status, @createdBy, @clientRequestId,
         @createdAt, @updatedAt, @version)`,
    ),
    // Everything but the resource's identity: its id, partner, creator and request id, its creation.
    updateResource: db.prepare(
      `UPDATE resources SET kind = @kind, title = @title, description = @description, amount = @amount, availability = @availability,
         status = @status, updated_at = @updatedAt, version = @version
       WHERE id = @id AND version = @expected`,
    ),
  };

  const setCommunities = (p: Partner) => {
    q.dropCommunities.run(p.id);
    for (const c of p.communityIds) q.addCommunity.run(c, p.id);
  };

  const insert = db.transaction((p: Partner): { partner: Partner; created: boolean } => {
    if (q.insert.run(partnerParams(p)).changes === 1) {
      setCommunities(p);
      return { partner: p, created: true };
    }
    const before = q.byRequest.get(p.createdBy, p.clientRequestId);
    if (!before) throw new Error(`partner ${p.id} was refused but no partner of ${p.createdBy} has request ${p.clientRequestId}`);
    return { partner: toPartner(before), created: false };
  });

  // The identity (id, creator, request id, creation) stays as inserted, whatever `next` says.
  const update = db.transaction((next: Partner, version: number): Partner | null => {
    const row = q.get.get(next.id);
    if (!row) return null;
    const stored = toPartner(row);
    if (stored.version !== version) return null;
    const p: Partner = { ...next, id: stored.id, createdBy: stored.createdBy, clientRequestId: stored.clientRequestId, createdAt: stored.createdAt };
    if (q.update.run({ ...partnerParams(p), expected: version }).changes !== 1) return null;
    setCommunities(p);
    return p;
  });

  const linkMember = db.transaction((link: PartnerMember): LinkMemberResult => {
    if (q.link.run(link).changes === 1) return { ok: true, link };
    // The person's link was there first: read back in the same transaction (no unlink in between).
    const held = q.memberLink.get(link.personId);
    if (!held) throw new Error(`link of ${link.personId} was refused but none is stored`);
    const existing = toMember(held);
    return existing.partnerId === link.partnerId ? { ok: true, link: existing } : { ok: false, reason: 'elsewhere', existing };
  });

  const resourceOf = (id: string) => {
    const r = q.resource.get(id);
    return r ? toResource(r) : null;
  };

  return {
    async insert(p) {
      return insert.immediate(p);
    },
    async get(id) {
      const r = q.get.get(id);
      return r ? toPartner(r) : null;
    },
    async update(next, version) {
      return update.immediate(next, version);
    },
    async forCommunity(communityId, includeArchived) {
      return (includeArchived ? q.forCommunity : q.forCommunityLive).all(communityId).map(toPartner);
    },
    async contactOf(personId) {
      return q.contactOf.all(personId).map(toPartner);
    },
    async byName(name) {
      const r = q.byName.get(name);
      return r ? toPartner(r) : null;
    },

    async linkMember(link) {
      return linkMember.immediate(link);
    },
    async unlinkMember(partnerId, personId) {
      return q.unlink.run(partnerId, personId).changes === 1;
    },
    async memberLink(personId) {
      const r = q.memberLink.get(personId);
      return r ? toMember(r) : null;
    },
    async members(partnerId) {
      return q.members.all(partnerId).map(toMember);
    },
    async memberCounts(partnerIds) {
      const out = new Map<string, number>();
      const ids = [...new Set(partnerIds)];
      for (let i = 0; i < ids.length; i += CHUNK) {
        const part = ids.slice(i, i + CHUNK);
        const rows = stmt(`SELECT partner_id, COUNT(*) AS n FROM partner_members WHERE partner_id IN (${part.map(() => '?').join(',')}) GROUP BY partner_id`).all(
          ...part,
        ) as { partner_id: string; n: number }[];
        for (const r of rows) out.set(r.partner_id, r.n);
      }
      return out;
    },

    async insertResource(r) {
      if (q.insertResource.run(r).changes === 1) return { resource: r, created: true };
      const before = q.resourceByRequest.get(r.createdBy, r.clientRequestId);
      if (!before) throw new Error(`resource ${r.id} was refused but no resource of ${r.createdBy} has request ${r.clientRequestId}`);
      return { resource: toResource(before), created: false };
    },
    async getResource(id) {
      return resourceOf(id);
    },
    async updateResource(next, version) {
      if (q.updateResource.run({ ...next, expected: version }).changes !== 1) return null;
      return resourceOf(next.id);
    },
    async resources(partnerIds, status, limit, offset) {
      const ids = [...new Set(partnerIds)];
      if (ids.length === 0) return { resources: [], total: 0 };
      const parts = [`partner_id IN (${ids.map(() => '?').join(',')})`];
      const args: unknown[] = [...ids];
      if (status !== null) {
        parts.push('status = ?');
        args.push(status);
      }
      const where = parts.join(' AND ');
      const total = (stmt(`SELECT COUNT(*) AS n FROM resources WHERE ${where}`).get(...args) as { n: number }).n;
      if (limit <= 0) return { resources: [], total };
      const rows = stmt(`SELECT * FROM resources WHERE ${where} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`).all(...args, limit, offset) as ResourceRow[];
      return { resources: rows.map(toResource), total };
    },
  };
}
