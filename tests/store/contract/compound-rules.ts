import { compoundRulesId, type CompoundRules } from '../../../src/core';
import type { Store } from '../../../cloudfunctions/lib/store/port';
import type { ContractContext } from './context';
import { tree } from './tree';

function rules(compoundId: string, version: number, extra: Partial<CompoundRules> = {}): CompoundRules {
  return {
    id: compoundRulesId(compoundId, version),
    compoundId,
    communityId: 'unit_community',
    version,
    text: `第一条 爱护公共设施。（第 ${version} 版）`,
    topicId: version === 1 ? null : `top_${version}`,
    note: version === 1 ? '首次录入' : '增加电动车充电条款',
    adoptedBy: 'per_secretary',
    adoptedAt: 10_000 * version,
    ...extra,
  };
}

export function compoundRulesContract(ctx: ContractContext) {
  describe('compound rules', () => {
    let store: Store;
    let t: Awaited<ReturnType<typeof tree>>;
    beforeEach(async () => {
      store = ctx.store();
      t = await tree(store);
    });

    it('adopts version after version on the one read; a stale version writes nothing', async () => {
      expect(await store.compoundRules.current(t.a.id)).toBeNull();
      expect(await store.compoundRules.history(t.a.id)).toEqual([]);
      const v1 = rules(t.a.id, 1);
      const v2 = rules(t.a.id, 2);
      const v3 = rules(t.a.id, 3);
      const steps: [CompoundRules, number, CompoundRules | null][] = [
        [v1, 0, v1],
        [{ ...v1, text: '又录了一遍' }, 0, null],
        [v2, 1, v2],
        [{ ...v2, text: '晚到的修改' }, 1, null],
        [v3, 2, v3],
      ];
      for (const [r, expected, want] of steps) expect(await store.compoundRules.adopt(r, expected)).toEqual(want);
      expect(await store.compoundRules.current(t.a.id)).toEqual(v3);
      expect(await store.compoundRules.history(t.a.id)).toEqual([v3, v2, v1]);
      // Another compound's rules are its own.
      const b1 = rules(t.b.id, 1);
      expect(await store.compoundRules.adopt(b1, 0)).toEqual(b1);
      expect(await store.compoundRules.current(t.b.id)).toEqual(b1);
      expect(await store.compoundRules.history(t.a.id)).toHaveLength(3);
    });

    it('refuses a version that skips the newest: version 3 on 1, or a first version where one exists', async () => {
      const v1 = rules(t.a.id, 1);
      await store.compoundRules.adopt(v1, 0);
      expect(await store.compoundRules.adopt(rules(t.a.id, 4), 3)).toBeNull();
      expect(await store.compoundRules.adopt(rules(t.a.id, 1, { text: '覆盖' }), 0)).toBeNull();
      expect(await store.compoundRules.history(t.a.id)).toEqual([v1]);
    });

    it('RACE: of two adopts on one version, one writes', async () => {
      await store.compoundRules.adopt(rules(t.a.id, 1), 0);
      const results = await Promise.all([store.compoundRules.adopt(rules(t.a.id, 2, { text: '甲的版本' }), 1), store.compoundRules.adopt(rules(t.a.id, 2, { text: '乙的版本' }), 1)]);
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      expect(await store.compoundRules.current(t.a.id)).toEqual(results.find((r) => r !== null));
    });

    it('RACE: of 10 first versions adopted at once, one writes', async () => {
      const results = await Promise.all(Array.from({ length: 10 }, (_, i) => store.compoundRules.adopt(rules(t.a.id, 1, { adoptedBy: `per_${i}` }), 0)));
      expect(results.filter((r) => r !== null)).toHaveLength(1);
      expect(await store.compoundRules.history(t.a.id)).toEqual([results.find((r) => r !== null)]);
    }, 60_000);
  });
}
