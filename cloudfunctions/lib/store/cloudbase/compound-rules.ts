/**
 * Compound rules (小区管理公约) on CloudBase: a document per version, `_id` `<compoundId>:<version>`.
 *
 * How one version is adopted once when requests race: versions run 1, 2, … without gaps, so the
 * newest is `expectedVersion` exactly when that version's document exists (or it is 0) and the next
 * one's does not. adopt checks both by `_id` and adds the next in one transaction; racing adopts on
 * one version all add the same `_id`: the database commits one and the SDK re-runs the others, which
 * then find it and write nothing.
 */
import { compoundRulesId, type CompoundRules } from '../../../../src/core';
import type { CompoundRulesRepo } from '../port';
import type { CloudbaseKit, Stored } from './kit';

interface RulesDoc extends Stored, Omit<CompoundRules, 'id'> {}

const toRules = ({ _id, ...fields }: RulesDoc): CompoundRules => ({ id: _id, ...fields, topicId: fields.topicId ?? null });

export function cloudbaseCompoundRules(kit: CloudbaseKit): CompoundRulesRepo {
  const rules = () => kit.coll('compound_rules');

  return {
    async adopt(r, expectedVersion) {
      if (r.version !== expectedVersion + 1 || r.id !== compoundRulesId(r.compoundId, r.version)) {
        throw new Error(`rules ${r.id} (version ${r.version}) do not follow version ${expectedVersion}`);
      }
      const { id, ...fields } = r;
      return kit.transaction(async (t) => {
        if (expectedVersion > 0 && !(await t.get('compound_rules', compoundRulesId(r.compoundId, expectedVersion)))) return null;
        if (await t.get('compound_rules', id)) return null;
        await t.add('compound_rules', { _id: id, ...fields });
        return r;
      });
    },
    async current(compoundId) {
      const [d] = await kit.rows<RulesDoc>(rules().where({ compoundId }).orderBy('version', 'desc').limit(1));
      return d ? toRules(d) : null;
    },
    async history(compoundId) {
      const q = rules().where({ compoundId }).orderBy('version', 'desc');
      return (await kit.drainBySkip<RulesDoc>(q)).map(toRules);
    },
  };
}
