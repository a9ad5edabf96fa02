import type { AuditView, CommunityPolicy, DeskSettings, Unit } from '../../src/core';
import type { Credentials } from '../../cloudfunctions/lib/identity';
import { data, expectFailure, harness, type Harness } from '../support/harness';

/** The policy with one level's deadline changed. */
const withBuilding = (p: CommunityPolicy, change: Partial<CommunityPolicy['levels']['building']>): CommunityPolicy => ({
  ...p,
  levels: { ...p.levels, building: { ...p.levels.building, ...change } },
});

describe('deadline settings (management.saveSettings)', () => {
  let h: Harness;
  let community: Unit;
  let staff: Credentials;
  beforeEach(async () => {
    h = await harness({ residents: 5 });
    community = await h.unitNamed('阳光社区');
    staff = await h.as('shequ');
  });
  afterEach(() => h.close());

  const read = async () => data(await h.call<DeskSettings>('management', 'settings', { communityId: community.id }, staff));
  const save = (version: number, policy: unknown) => h.call<DeskSettings>('management', 'saveSettings', { communityId: community.id, version, policy }, staff);
  const auditCount = async () => data(await h.call<{ entries: AuditView[] }>('management', 'audit', { targetId: community.id }, staff)).entries.length;
  const stored = () => h.store.meta.get(`policy:${community.id}`);

  describe('refusing bad values beside the field', () => {
    it.each([
      ['a negative resolve time', -3],
      ['a resolve time of zero', 0],
      ['half a working day', 1.5],
    ])('refuses %s at its level and field, writing nothing', async (_, resolveDays) => {
      const s = await read();
      const r = await save(s.version, withBuilding(s.policy, { resolveDays }));
      expectFailure(r, 'INPUT.INVALID', 'policy.levels.building.resolveDays');
      expect(!r.ok && r.message).toMatch(/办结时限/);
      expect(await stored()).toBeNull();
      expect(await auditCount()).toBe(0);
    });

    it('refuses a bad category override at its category, level and field', async () => {
      const s = await read();
      const r = await save(s.version, { ...s.policy, overrides: { noise: { compound: { resolveDays: -3 } } } });
      expectFailure(r, 'INPUT.INVALID', 'policy.overrides.noise.compound.resolveDays');
      const zero = await save(s.version, { ...s.policy, overrides: { lift: { street: { urgentResolveHours: 0 } } } });
      expectFailure(zero, 'INPUT.INVALID', 'policy.overrides.lift.street.urgentResolveHours');
      expect(await stored()).toBeNull();
    });

    it('refuses a response time of zero hours', async () => {
      const s = await read();
      expectFailure(await save(s.version, withBuilding(s.policy, { respondHours: 0 })), 'INPUT.INVALID', 'policy.levels.building.respondHours');
    });
  });

  describe('saving without a change', () => {
    it('makes no version of the defaults: no write, no audit, the settings as they are', async () => {
      const s = await read();
      const r = data(await save(s.version, s.policy));
      expect(r).toEqual(s);
      expect(await stored()).toBeNull();
      expect(await auditCount()).toBe(0);
    });

    it('makes no new version of a saved policy, whatever the order of its keys or an empty override', async () => {
      const s0 = await read();
      const s1 = data(await save(s0.version, withBuilding(s0.policy, { resolveDays: 2 })));
      expect(s1.version).toBe(1);
      const before = await stored();
      const audits = await auditCount();
      // The same policy as the page sends it back: keys in another order, a category whose overrides are all empty.
      const reordered = Object.fromEntries(Object.entries(s1.policy).reverse()) as unknown as CommunityPolicy;
      const again = data(await save(s1.version, { ...reordered, overrides: { noise: { building: {}, compound: {}, community: {}, street: {} } } }));
      expect(again).toEqual(s1);
      expect(await stored()).toBe(before);
      expect(await auditCount()).toBe(audits);
      // A real change still makes the next version.
      expect(data(await save(s1.version, withBuilding(s1.policy, { resolveDays: 3 }))).version).toBe(2);
    });

    it('still refuses a stale version, changed or not', async () => {
      const s0 = await read();
      const s1 = data(await save(s0.version, withBuilding(s0.policy, { resolveDays: 2 })));
      expectFailure(await save(s0.version, s1.policy), 'CONFLICT.VERSION');
    });

    it('resets defaults that are already the defaults without a new version', async () => {
      const s0 = await read();
      const s1 = data(await save(s0.version, withBuilding(s0.policy, { resolveDays: 2 })));
      const reset = data(await h.call<DeskSettings>('management', 'resetSettings', { communityId: community.id, version: s1.version }, staff));
      expect(reset).toMatchObject({ isDefault: true, version: 2 });
      const audits = await auditCount();
      const again = data(await h.call<DeskSettings>('management', 'resetSettings', { communityId: community.id, version: reset.version }, staff));
      expect(again).toEqual(reset);
      expect(await auditCount()).toBe(audits);
    });
  });
});
