/**
 * Property companies and the policy (物业测评): staff register a company with the compounds it
 * serves (one company a compound), edit and stop it, set the weights and thresholds with
 * compare-and-set; everyone else is refused with a code, and a refusal writes nothing.
 */
import { DEFAULT_ASSESSMENT_POLICY, type Outputs } from '../../src/core';
import { data, expectFailure } from '../support/harness';
import { assessmentsKit, type AssessmentsKit } from './support/assessments';

let k: AssessmentsKit;
beforeAll(async () => {
  k = await assessmentsKit();
});
afterAll(() => k.h.close());

describe('property companies', () => {
  it('registers a company serving compounds, with the property managers bound there as its people, and audits it', async () => {
    const c = await k.register('幸福里物业服务有限公司', [k.compound]);
    expect(c).toMatchObject({ name: '幸福里物业服务有限公司', compounds: [{ id: k.compound.id, name: '幸福里小区' }], archived: false, version: 1 });
    expect(c.managers).toEqual([{ id: k.property.id, name: '陈强', compoundId: k.compound.id }]);
    const list = data(await k.call<Outputs['assessments']['companies']>('companies', {}, k.staff));
    expect(list.community.id).toBe(k.community.id);
    expect(list.compounds.find((u) => u.id === k.compound.id)?.companyId).toBe(c.id);
    expect(list.compounds.find((u) => u.id === k.otherCompound.id)?.companyId).toBeNull();
    const audit = await k.h.store.audit.search({}, 100);
    expect(audit.find((e) => e.action === 'assessments.saveCompany' && e.targetId === c.id)).toMatchObject({ actorId: k.staff.id, targetKind: 'property_company' });
  });

  it('refuses a compound another company serves, another community\'s compound, a name taken, writing nothing', async () => {
    await k.writesNothing(async () => {
      const taken = await k.call('saveCompany', { communityId: k.community.id, name: '另一家物业', compoundIds: [k.compound.id] }, k.staff);
      expectFailure(taken, 'PROPERTY.COMPOUND_TAKEN', 'compoundIds');
      if (!taken.ok) expect(taken.message).toContain('幸福里物业服务有限公司');
      expectFailure(await k.call('saveCompany', { communityId: k.community.id, name: '另一家物业', compoundIds: [k.farCompound.id] }, k.staff), 'PROPERTY.BAD_COMPOUND', 'compoundIds');
      expectFailure(await k.call('saveCompany', { communityId: k.community.id, name: '另一家物业', compoundIds: [k.building.id] }, k.staff), 'PROPERTY.BAD_COMPOUND', 'compoundIds');
      expectFailure(await k.call('saveCompany', { communityId: k.community.id, name: '幸福里物业服务有限公司', compoundIds: [] }, k.staff), 'PROPERTY.NAME_TAKEN', 'name');
      expectFailure(await k.call('saveCompany', { communityId: k.community.id, name: '', compoundIds: [] }, k.staff), 'INPUT.INVALID', 'name');
      expectFailure(await k.call('saveCompany', { communityId: k.community.id, name: '物业', contactPhone: '12345', compoundIds: [] }, k.staff), 'INPUT.INVALID', 'contactPhone');
    });
  });

  it('lets only staff of the community manage companies: not the property manager, a resident, or another community\'s staff', async () => {
    await k.writesNothing(async () => {
      for (const who of [k.property, k.resident, k.lead]) {
        expectFailure(await k.call('saveCompany', { communityId: k.community.id, name: '物业乙', compoundIds: [k.otherCompound.id] }, who), 'AUTH.FORBIDDEN');
        expectFailure(await k.call('companies', {}, who), 'AUTH.FORBIDDEN');
      }
      expectFailure(await k.call('saveCompany', { communityId: k.community.id, name: '物业乙', compoundIds: [k.otherCompound.id] }, k.farStaff), 'AUTH.FORBIDDEN', 'communityId');
      expectFailure(await k.call('companies', { communityId: k.community.id }, k.farStaff), 'AUTH.FORBIDDEN', 'communityId');
      const mine = data(await k.call<Outputs['assessments']['companies']>('companies', { communityId: k.community.id }, k.staff));
      // Another community's staff cannot probe a company by id either.
      expectFailure(await k.call('archiveCompany', { id: mine.companies[0].id, version: mine.companies[0].version }, k.farStaff), 'PROPERTY.NOT_FOUND', 'id');
    });
  });

  it('edits at the version read, moves compounds, and stops a company (freeing its compounds)', async () => {
    const c = await k.register('阳光物业', [k.otherCompound]);
    const edited = data(await k.call<Outputs['assessments']['saveCompany']>('saveCompany', { id: c.id, version: 1, communityId: k.community.id, name: '阳光物业管理有限公司', contactPhone: '13900004002', compoundIds: [k.otherCompound.id] }, k.staff));
    expect(edited).toMatchObject({ name: '阳光物业管理有限公司', contactPhone: '13900004002', version: 2 });
    await k.writesNothing(async () => {
      expectFailure(await k.call('saveCompany', { id: c.id, version: 1, communityId: k.community.id, name: '旧名', compoundIds: [] }, k.staff), 'CONFLICT.VERSION');
    });
    const stopped = data(await k.call<Outputs['assessments']['archiveCompany']>('archiveCompany', { id: c.id, version: 2 }, k.staff));
    expect(stopped.archived).toBe(true);
    expect(await k.h.store.propertyCompanies.forCompound(k.otherCompound.id)).toBeNull();
    await k.writesNothing(async () => {
      expectFailure(await k.call('archiveCompany', { id: c.id, version: 3 }, k.staff), 'PROPERTY.ARCHIVED', 'id');
      expectFailure(await k.call('saveCompany', { id: c.id, version: 3, communityId: k.community.id, name: '复活', compoundIds: [] }, k.staff), 'PROPERTY.ARCHIVED', 'id');
    });
  });
});

describe('the policy', () => {
  it('reads the defaults (version 0) for anyone bound in the community, and saves with compare-and-set', async () => {
    const read = data(await k.call<Outputs['assessments']['policy']>('policy', {}, k.resident));
    expect(read).toMatchObject({ version: 0, policy: DEFAULT_ASSESSMENT_POLICY, labels: { survey: '居民测评' } });
    const next = { weights: { responseRate: 30, onTimeRate: 30, satisfactionRate: 10, survey: 30 }, redAt: 85, minReports: 2, minAnswers: 3 };
    const saved = data(await k.call<Outputs['assessments']['savePolicy']>('savePolicy', { communityId: k.community.id, version: 0, policy: next }, k.staff));
    expect(saved).toMatchObject({ version: 1, policy: next });
    await k.writesNothing(async () => {
      // A second editor who read version 0.
      expectFailure(await k.call('savePolicy', { communityId: k.community.id, version: 0, policy: DEFAULT_ASSESSMENT_POLICY }, k.staff), 'ASSESSMENT.POLICY_CHANGED', 'version');
      const nothing = { ...next, weights: { responseRate: 0, onTimeRate: 0, satisfactionRate: 0, survey: 0 } };
      expectFailure(await k.call('savePolicy', { communityId: k.community.id, version: 1, policy: nothing }, k.staff), 'ASSESSMENT.BAD_POLICY', 'policy.weights');
      expectFailure(await k.call('savePolicy', { communityId: k.community.id, version: 1, policy: { ...next, redAt: 101 } }, k.staff), 'INPUT.INVALID');
      expectFailure(await k.call('savePolicy', { communityId: k.community.id, version: 1, policy: next }, k.property), 'AUTH.FORBIDDEN');
      expectFailure(await k.call('savePolicy', { communityId: k.community.id, version: 1, policy: next }, k.farStaff), 'AUTH.FORBIDDEN', 'communityId');
      expectFailure(await k.call('policy', { communityId: k.community.id }, k.farResident), 'AUTH.FORBIDDEN', 'communityId');
    });
    // Put the defaults back for the other suites' arithmetic.
    data(await k.call('savePolicy', { communityId: k.community.id, version: 1, policy: DEFAULT_ASSESSMENT_POLICY }, k.staff));
  });
});
