import type { Store } from '../../../cloudfunctions/lib/store/port';
import { person } from '../../support/factories';
import type { ContractContext } from './context';

export function messagesContract(ctx: ContractContext) {
  describe('messages', () => {
    let store: Store;
    beforeEach(() => {
      store = ctx.store();
    });

    const msg = (id: string, personId: string, createdAt: number) => ({
      id,
      personId,
      kind: 'report.assigned',
      title: `消息${id}`,
      body: '正文',
      page: null,
      createdAt,
      readAt: null,
    });
    beforeEach(async () => {
      await store.people.insert(person('甲', { id: 'p1' }), null);
      await store.people.insert(person('乙', { id: 'p2' }), null);
    });

    it('lists a person’s messages newest first, a page at a time, and only theirs', async () => {
      for (const [id, at] of [['m1', 10], ['m2', 30], ['m3', 20], ['m4', 40]] as const) await store.messages.insert(msg(id, 'p1', at));
      await store.messages.insert(msg('x1', 'p2', 50));
      expect((await store.messages.listForPerson('p1', 2)).map((m) => m.id)).toEqual(['m4', 'm2']);
      expect((await store.messages.listForPerson('p1', 10, 30)).map((m) => m.id)).toEqual(['m3', 'm1']);
      expect(await store.messages.listForPerson('p1', 0)).toEqual([]);
      expect((await store.messages.listForPerson('p2', 10))[0]).toMatchObject({ id: 'x1', title: '消息x1', page: null, readAt: null });
    });

    it('counts and marks unread messages, never another person’s', async () => {
      for (const id of ['a', 'b', 'c']) await store.messages.insert(msg(id, 'p1', 1));
      await store.messages.insert(msg('z', 'p2', 1));
      expect(await store.messages.countUnread('p1')).toBe(3);
      expect(await store.messages.markRead('p1', ['a', 'z', 'nope'], 99)).toBe(1);
      expect(await store.messages.markRead('p1', ['a'], 100)).toBe(0);
      expect(await store.messages.countUnread('p1')).toBe(2);
      expect(await store.messages.countUnread('p2')).toBe(1);
      expect(await store.messages.markRead('p1', null, 101)).toBe(2);
      expect(await store.messages.countUnread('p1')).toBe(0);
      expect((await store.messages.listForPerson('p1', 10)).find((m) => m.id === 'a')?.readAt).toBe(99);
    });
  });
}
