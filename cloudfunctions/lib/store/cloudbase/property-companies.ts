/**
 * Property companies (物业公司) on CloudBase: one document per company, `_id` its id, and one guard
 * document per served compound in `uniques` (`_id` propertyCompoundKey(compoundId), naming the
 * company: guards.ts's way of making a value unique).
 *
 * A company's write is one transaction: it reads the company (an update checks the version read)
 * and the guards of every compound it serves before and after, removes the guards it no longer
 * needs, adds the ones it lacks and writes the company. Of two transactions claiming one compound
 * both write its guard's `_id`: the database commits one and the SDK re-runs the other, which finds
 * the guard naming another company and refuses. The callback has no side effects and writes the
 * same `_id`s each time it runs.
 */
import type { PropertyCompany } from '../../../../src/core';
import type { CompanyWriteResult, PropertyCompanyRepo } from '../port';
import type { CloudbaseKit, Stored } from './kit';
import type { Tx } from './transaction';

interface CompanyDoc extends Stored, Omit<PropertyCompany, 'id'> {}

/** A compound's hold by the company serving it. */
interface CompoundGuard extends Stored {
  kind: 'property_compound';
  companyId: string;
}

export const propertyCompoundKey = (compoundId: string) => `property_compound_${compoundId}`;

const toCompany = ({ _id, ...fields }: CompanyDoc): PropertyCompany => ({ id: _id, ...fields, contactPhone: fields.contactPhone ?? null });
const companyFields = ({ id: _id, ...fields }: PropertyCompany): Omit<CompanyDoc, '_id'> => fields;
const served = (c: Pick<PropertyCompany, 'archived' | 'compoundIds'>) => (c.archived ? [] : c.compoundIds);

/** Moves the company's guards from `before` to `after` within `t`: the first compound another company holds, or null. */
async function claim(t: Tx, companyId: string, before: readonly string[], after: readonly string[]): Promise<{ compoundId: string; companyId: string } | null> {
  for (const compoundId of after) {
    const held = await t.get<CompoundGuard>('uniques', propertyCompoundKey(compoundId));
    if (held && held.companyId !== companyId) return { compoundId, companyId: held.companyId };
  }
  for (const compoundId of before) if (!after.includes(compoundId)) await t.remove('uniques', propertyCompoundKey(compoundId));
  for (const compoundId of after) {
    if (before.includes(compoundId)) continue;
    const guard: CompoundGuard = { _id: propertyCompoundKey(compoundId), kind: 'property_compound', companyId };
    await t.set('uniques', guard._id, { kind: guard.kind, companyId });
  }
  return null;
}

export function cloudbasePropertyCompanies(kit: CloudbaseKit): PropertyCompanyRepo {
  const companies = () => kit.coll('property_companies');

  return {
    async insert(c) {
      return kit.transaction(async (t): Promise<CompanyWriteResult> => {
        if (await t.get<CompanyDoc>('property_companies', c.id)) throw new Error(`property company ${c.id} exists`);
        const taken = await claim(t, c.id, [], served(c));
        if (taken) return { ok: false, reason: 'compound_taken', ...taken };
        await t.add('property_companies', { _id: c.id, ...companyFields(c) });
        return { ok: true, company: c };
      });
    },
    async get(id) {
      const d = await kit.docById<CompanyDoc>('property_companies', id);
      return d ? toCompany(d) : null;
    },
    async update(next, version) {
      return kit.transaction(async (t): Promise<CompanyWriteResult> => {
        const stored = await t.get<CompanyDoc>('property_companies', next.id);
        if (!stored || stored.version !== version) return { ok: false, reason: 'conflict' };
        const taken = await claim(t, next.id, served(stored), served(next));
        if (taken) return { ok: false, reason: 'compound_taken', ...taken };
        // set: compoundIds is replaced whole (a shorter list must not keep the old tail).
        await t.set('property_companies', next.id, companyFields(next));
        return { ok: true, company: next };
      });
    },
    async listForCommunity(communityId) {
      const q = companies().where({ communityId }).orderBy('name', 'asc').orderBy('_id', 'asc');
      return (await kit.drainBySkip<CompanyDoc>(q)).map(toCompany);
    },
    async forCompound(compoundId) {
      const guard = await kit.docById<CompoundGuard>('uniques', propertyCompoundKey(compoundId));
      if (!guard) return null;
      const d = await kit.docById<CompanyDoc>('property_companies', guard.companyId);
      return d && !d.archived ? toCompany(d) : null;
    },
  };
}
