/**
 * Property companies (物业公司) on SQLite: one row per company, and one row per served compound in
 * property_compounds (its primary key the compound), written in the company's transaction: a
 * compound another company claimed refuses the write, and of two transactions claiming the same
 * compound the second (SQLite runs one writer at a time) finds the first's claim.
 */
import type { Database as Db } from 'better-sqlite3';
import type { PropertyCompany } from '../../../../src/core';
import type { CompanyWriteResult, PropertyCompanyRepo } from '../port';
import type { SqliteKit } from './kit';

interface CompanyRow {
  id: string;
  community_id: string;
  name: string;
  contact_phone: string | null;
  compound_ids: string;
  archived: number;
  created_at: number;
  created_by: string;
  updated_at: number;
  version: number;
}

const toCompany = (r: CompanyRow): PropertyCompany => ({
  id: r.id,
  communityId: r.community_id,
  name: r.name,
  contactPhone: r.contact_phone,
  compoundIds: JSON.parse(r.compound_ids) as string[],
  archived: r.archived === 1,
  createdAt: r.created_at,
  createdBy: r.created_by,
  updatedAt: r.updated_at,
  version: r.version,
});

const params = (c: PropertyCompany) => ({ ...c, compoundIds: JSON.stringify(c.compoundIds), archived: c.archived ? 1 : 0 });

/** The compounds a company holds claims on: none once archived. */
const served = (c: PropertyCompany) => (c.archived ? [] : c.compoundIds);

export function sqlitePropertyCompanies(db: Db, _kit: SqliteKit): PropertyCompanyRepo {
  const q = {
    get: db.prepare<[string], CompanyRow>('SELECT * FROM property_companies WHERE id = ?'),
    insert: db.prepare(
      `INSERT INTO property_companies (id, community_id, name, contact_phone, compound_ids, archived, created_at, created_by, updated_at, version)
       VALUES (@id, @communityId, @name, @contactPhone, @compoundIds, @archived, @createdAt, @createdBy, @updatedAt, @version)`,
    ),
    update: db.prepare(
      `UPDATE property_companies SET name = @name, contact_phone = @contactPhone, compound_ids = @compoundIds, archived = @archived, updated_at = @updatedAt, version = @version
       WHERE id = @id AND version = @expected`,
    ),
    claimOf: db.prepare<[string], { company_id: string }>('SELECT company_id FROM property_compounds WHERE compound_id = ?'),
    claim: db.prepare('INSERT OR IGNORE INTO property_compounds (compound_id, company_id) VALUES (?, ?)'),
    release: db.prepare('DELETE FROM property_compounds WHERE company_id = ?'),
    forCommunity: db.prepare<[string], CompanyRow>('SELECT * FROM property_companies WHERE community_id = ? ORDER BY name, id'),
    forCompound: db.prepare<[string], CompanyRow>(
      'SELECT c.* FROM property_compounds p JOIN property_companies c ON c.id = p.company_id WHERE p.compound_id = ? AND c.archived = 0',
    ),
  };

  /** Claims `compoundIds` for `companyId` (after its own claims were released): the first held by another, or null. */
  const claimAll = (companyId: string, compoundIds: readonly string[]): { compoundId: string; companyId: string } | null => {
    for (const compoundId of compoundIds) {
      const held = q.claimOf.get(compoundId);
      if (held && held.company_id !== companyId) return { compoundId, companyId: held.company_id };
      q.claim.run(compoundId, companyId);
    }
    return null;
  };

  /** Thrown inside a transaction to roll it back, carrying the refusal out. */
  class Refused {
    constructor(readonly result: CompanyWriteResult) {}
  }

  const insert = db.transaction((c: PropertyCompany): CompanyWriteResult => {
    q.insert.run(params(c));
    const taken = claimAll(c.id, served(c));
    if (taken) throw new Refused({ ok: false, reason: 'compound_taken', ...taken });
    return { ok: true, company: c };
  });

  const update = db.transaction((next: PropertyCompany, version: number): CompanyWriteResult => {
    if (q.update.run({ ...params(next), expected: version }).changes !== 1) return { ok: false, reason: 'conflict' };
    q.release.run(next.id);
    const taken = claimAll(next.id, served(next));
    if (taken) throw new Refused({ ok: false, reason: 'compound_taken', ...taken });
    return { ok: true, company: toCompany(q.get.get(next.id)!) };
  });

  const refusal = (e: unknown): CompanyWriteResult => {
    if (e instanceof Refused) return e.result;
    throw e;
  };

  return {
    async insert(c) {
      try {
        return insert(c);
      } catch (e) {
        return refusal(e);
      }
    },
    async get(id) {
      const r = q.get.get(id);
      return r ? toCompany(r) : null;
    },
    async update(next, version) {
      try {
        return update(next, version);
      } catch (e) {
        return refusal(e);
      }
    },
    async listForCommunity(communityId) {
      return q.forCommunity.all(communityId).map(toCompany);
    },
    async forCompound(compoundId) {
      const r = q.forCompound.get(compoundId);
      return r ? toCompany(r) : null;
    },
  };
}
