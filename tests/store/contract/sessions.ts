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
  });
}
