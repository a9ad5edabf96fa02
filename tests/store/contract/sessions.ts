import type { Store } from '../../../cloudfunctions/lib/store/port';
import { person } from '../../support/factories';
import type { ContractContext } from './context';

export function sessionsContract(ctx: ContractContext) {
  describe('sessions', () => {
    let store: Store;
    beforeEach(() => {
      store = ctx.store();
    });

    it('finds a session by token hash, revokes it once, and purges expired ones', async () => {
      const p = person('甲');
      await store.people.insert(p, null);
      await store.sessions.insert({ id: 's1', tokenHash: 'h1', personId: p.id, createdAt: 1, expiresAt: 100, revokedAt: null });
      await store.sessions.insert({ id: 's2', tokenHash: 'h2', personId: p.id, createdAt: 1, expiresAt: 300, revokedAt: null });
      expect(await store.sessions.findByTokenHash('h1')).toMatchObject({ id: 's1', revokedAt: null });
      expect(await store.sessions.revoke('s1', 50)).toBe(true);
      expect(await store.sessions.revoke('s1', 60)).toBe(false);
      expect(await store.sessions.findByTokenHash('h1')).toMatchObject({ revokedAt: 50 });
      expect(await store.sessions.purgeExpired(200)).toBe(1);
      expect(await store.sessions.findByTokenHash('h1')).toBeNull();
      expect(await store.sessions.findByTokenHash('h2')).not.toBeNull();
    });

    it('revokes every live session of one person, but the one kept, and counts only those', async () => {
      const p = person('甲');
      const other = person('乙');
      for (const x of [p, other]) await store.people.insert(x, null);
      const s = (id: string, personId: string, expiresAt: number, revokedAt: number | null = null) =>
        store.sessions.insert({ id, tokenHash: `h-${id}`, personId, createdAt: 1, expiresAt, revokedAt });
      await s('live1', p.id, 1_000);
      await s('live2', p.id, 1_000);
      await s('kept', p.id, 1_000);
      await s('gone', p.id, 1_000, 20);
      await s('expired', p.id, 40);
      await s('theirs', other.id, 1_000);
      expect(await store.sessions.revokeAllFor(p.id, 50, 'kept')).toBe(2);
      const revokedAt = async (id: string) => (await store.sessions.findByTokenHash(`h-${id}`))?.revokedAt;
      expect(await revokedAt('live1')).toBe(50);
      expect(await revokedAt('live2')).toBe(50);
      expect(await revokedAt('kept')).toBeNull();
      // Already revoked keeps its time; expired is left to the purge; another person's is untouched.
      expect(await revokedAt('gone')).toBe(20);
      expect(await revokedAt('expired')).toBeNull();
      expect(await revokedAt('theirs')).toBeNull();
      // Without one kept: the rest go, and a second time there is nothing left to revoke.
      expect(await store.sessions.revokeAllFor(p.id, 60)).toBe(1);
      expect(await revokedAt('kept')).toBe(60);
      expect(await store.sessions.revokeAllFor(p.id, 70)).toBe(0);
    });

    it('revokes each session once when a revoke-all and single revokes race', async () => {
      const p = person('丙');
      await store.people.insert(p, null);
      for (let i = 0; i < 10; i++) await store.sessions.insert({ id: `r${i}`, tokenHash: `hr${i}`, personId: p.id, createdAt: 1, expiresAt: 1_000, revokedAt: null });
      const [all, ...singles] = await Promise.all([store.sessions.revokeAllFor(p.id, 5), ...Array.from({ length: 10 }, (_, i) => store.sessions.revoke(`r${i}`, 5))]);
      // Every session is revoked by exactly one of them.
      expect(all + singles.filter(Boolean).length).toBe(10);
      expect(await store.sessions.revokeAllFor(p.id, 6)).toBe(0);
    });
  });
}
