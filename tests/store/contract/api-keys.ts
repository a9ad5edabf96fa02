import type { Person, Unit } from '../../../src/core';
import type { ApiKey, Store } from '../../../cloudfunctions/lib/store/port';
import { person, unit } from '../../support/factories';
import type { ContractContext } from './context';

let n = 0;
/** A live key of `community` filed as `actor`. */
function apiKey(community: Unit, actor: Person, extra: Partial<ApiKey> = {}): ApiKey {
  const i = String(++n).padStart(6, '0');
  return {
    id: `key_${i}`,
    communityId: community.id,
    communityPath: community.path,
    partner: '幸福街道 12345 热线',
    keyHash: `hash-${i}`,
    shown: `jl311_ab${i}`,
    actorId: actor.id,
    createdAt: 10_000 + n,
    createdBy: 'per_staff',
    revokedAt: null,
    revokedBy: null,
    revokeReason: null,
    ...extra,
  };
}

export function apiKeysContract(ctx: ContractContext) {
  describe('apiKeys', () => {
    let store: Store;
    let community: Unit;
    let other: Unit;
    let actor: Person;
    beforeEach(async () => {
      store = ctx.store();
      const street = unit(null, 'street', '街道');
      community = unit(street, 'community', '社区');
      other = unit(street, 'community', '另一个社区');
      for (const u of [street, community, other]) await store.units.insert(u);
      actor = person('12345 热线（Open311）');
      await store.people.insert(actor, null);
    });

    it('keeps a key as issued, found by its id and by its hash only', async () => {
      const k = apiKey(community, actor);
      await store.apiKeys.insert(k);
      expect(await store.apiKeys.get(k.id)).toEqual(k);
      expect(await store.apiKeys.findByHash(k.keyHash)).toEqual(k);
      expect(await store.apiKeys.findByHash('hash-nobody')).toBeNull();
      expect(await store.apiKeys.get('key_missing')).toBeNull();
    });

    it('refuses a second key with a taken id and keeps the first', async () => {
      const k = apiKey(community, actor);
      await store.apiKeys.insert(k);
      await expect(store.apiKeys.insert({ ...k, keyHash: 'hash-another', partner: '别人' })).rejects.toBeDefined();
      expect(await store.apiKeys.get(k.id)).toEqual(k);
    });

    it('lists a community’s keys newest first, revoked ones too, and no other community’s', async () => {
      const older = apiKey(community, actor, { createdAt: 1_000 });
      const newer = apiKey(community, actor, { createdAt: 2_000 });
      const elsewhere = apiKey(other, actor, { createdAt: 3_000 });
      for (const k of [older, newer, elsewhere]) await store.apiKeys.insert(k);
      await store.apiKeys.revoke(older.id, 2_500, 'per_staff', '合作结束');
      expect((await store.apiKeys.listForCommunity(community.id)).map((k) => [k.id, k.revokedAt])).toEqual([
        [newer.id, null],
        [older.id, 2_500],
      ]);
      expect(await store.apiKeys.listForCommunity('com_none')).toEqual([]);
    });

    it('revokes a live key once, with who, when and why; a missing key is not revoked', async () => {
      const k = apiKey(community, actor);
      await store.apiKeys.insert(k);
      expect(await store.apiKeys.revoke(k.id, 50_000, 'per_staff', '密钥外泄')).toEqual({ ...k, revokedAt: 50_000, revokedBy: 'per_staff', revokeReason: '密钥外泄' });
      expect(await store.apiKeys.revoke(k.id, 60_000, 'per_other', '再撤一次')).toBeNull();
      expect(await store.apiKeys.findByHash(k.keyHash)).toMatchObject({ revokedAt: 50_000, revokedBy: 'per_staff', revokeReason: '密钥外泄' });
      expect(await store.apiKeys.revoke('key_missing', 1, 'per_staff', '无')).toBeNull();
    });

    it('lets one of several racing revokes win, and keeps that one’s reason', async () => {
      const k = apiKey(community, actor);
      await store.apiKeys.insert(k);
      const results = await Promise.all(Array.from({ length: 6 }, (_, i) => store.apiKeys.revoke(k.id, 70_000 + i, `per_${i}`, `原因${i}`)));
      const won = results.filter((r): r is ApiKey => r !== null);
      expect(won).toHaveLength(1);
      expect(await store.apiKeys.get(k.id)).toEqual(won[0]);
    });
  });
}
