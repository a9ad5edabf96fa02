/** The speaker pool, on every adapter. */
import type { Store } from '../../../cloudfunctions/lib/store/port';
import { unit } from '../../support/factories';
import type { ContractContext } from './context';
import { speaker } from './lecture-fixture';

export function speakersContract(ctx: ContractContext) {
  describe('speakers', () => {
    let store: Store;
    beforeEach(() => {
      store = ctx.store();
    });

    it('keeps a community’s pool by name, archived speakers only when asked, and edits at the version read', async () => {
      const street = unit(null, 'street', '街道');
      const community = unit(street, 'community', '社区');
      const other = unit(street, 'community', '别的社区');
      for (const u of [street, community, other]) await store.units.insert(u);
      const wang = speaker(community.id, { name: '王教授' });
      const li = speaker(community.id, { name: '李医生', title: null, field: null, affiliation: null, contact: null });
      const elsewhere = speaker(other.id, { name: '赵律师' });
      for (const s of [wang, li, elsewhere]) await store.speakers.insert(s);
      expect(await store.speakers.get(li.id)).toEqual(li);
      expect(await store.speakers.get('spk_missing')).toBeNull();
      expect((await store.speakers.getMany([wang.id, elsewhere.id, 'spk_missing'])).map((s) => s.id).sort()).toEqual([wang.id, elsewhere.id].sort());
      expect((await store.speakers.listForCommunity(community.id)).map((s) => s.name).sort()).toEqual(['李医生', '王教授'].sort());

      const fields = { name: '王建国教授', title: '主任医师', field: '心血管', affiliation: '市第一医院', contact: null, archived: false };
      expect(await store.speakers.update(wang.id, 2, fields, 5_000)).toBeNull();
      expect(await store.speakers.update(wang.id, 1, fields, 5_000)).toEqual({ ...wang, ...fields, updatedAt: 5_000, version: 2 });
      expect(await store.speakers.update(wang.id, 2, { ...fields, archived: true }, 6_000)).toMatchObject({ archived: true, version: 3 });
      expect((await store.speakers.listForCommunity(community.id)).map((s) => s.id)).toEqual([li.id]);
      expect((await store.speakers.listForCommunity(community.id, { includeArchived: true })).map((s) => s.id).sort()).toEqual([wang.id, li.id].sort());
    });
  });
}
