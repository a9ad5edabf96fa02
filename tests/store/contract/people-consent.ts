import type { Store } from '../../../cloudfunctions/lib/store/port';
import { person } from '../../support/factories';
import type { ContractContext } from './context';

/** A person's consent (我的信息): absent until they choose, each switch kept apart from the other. */
export function peopleConsentContract(ctx: ContractContext) {
  describe('people: consent', () => {
    let store: Store;
    beforeEach(() => {
      store = ctx.store();
    });

    it('keeps no consent for a person who never chose: they read with the defaults', async () => {
      const p = person('周大妈');
      await store.people.insert(p, null);
      expect((await store.people.get(p.id))!.consent).toBeUndefined();
    });

    it('sets one switch and keeps the other, moving the version on each time', async () => {
      const p = person('吴大爷', { phone: '13900000011' });
      await store.people.insert(p, 'scrypt$keep');
      const first = await store.people.setConsent(p.id, { photos: false }, 7_000);
      expect(first).toMatchObject({ id: p.id, name: '吴大爷', phone: '13900000011', consent: { photos: false }, version: p.version + 1, updatedAt: 7_000 });
      expect(first!.consent!.board).toBeUndefined();
      const second = await store.people.setConsent(p.id, { board: true }, 8_000);
      expect(second).toMatchObject({ consent: { board: true, photos: false }, version: p.version + 2 });
      expect(await store.people.get(p.id)).toEqual(second);
      expect((await store.people.getMany([p.id]))[0].consent).toEqual({ board: true, photos: false });
      const back = await store.people.setConsent(p.id, { photos: true }, 9_000);
      expect(back!.consent).toEqual({ board: true, photos: true });
      expect(await store.people.passwordHash(p.id)).toBe('scrypt$keep');
    });

    it('stores a consent given when the person is inserted', async () => {
      const p = person('郑阿姨', { consent: { board: true } });
      await store.people.insert(p, null);
      expect((await store.people.get(p.id))!.consent).toEqual({ board: true });
    });

    it('writes nothing for no one', async () => {
      expect(await store.people.setConsent('per_nobody', { board: true }, 7_000)).toBeNull();
    });

    it('keeps both of two switches flipped at once', async () => {
      const p = person('冯奶奶');
      await store.people.insert(p, null);
      await Promise.all([store.people.setConsent(p.id, { board: true }, 7_000), store.people.setConsent(p.id, { photos: false }, 7_000)]);
      const after = (await store.people.get(p.id))!;
      expect(after.consent).toEqual({ board: true, photos: false });
      expect(after.version).toBe(p.version + 2);
    });
  });
}
