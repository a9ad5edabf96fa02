import type { Outputs } from '../../src/core';
import { data, expectFailure, harness, type Harness } from '../support/harness';

type List = Outputs['messages']['list'];

describe('in-app messages', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
  });
  afterEach(() => h.close());

  async function notifyLead(n: number) {
    const lead = (await h.store.people.findByUsername('louzhang'))!;
    for (let i = 1; i <= n; i++) {
      await h.deps.notifier.notify({ personId: lead.id, kind: 'report.assigned', title: `新的民情反映 ${i}`, body: '1号楼 电梯坏了', page: 'pages/index/index' });
      h.clock.advance(1000);
    }
  }

  it('lists my notices newest first with the unread count, page by page', async () => {
    await notifyLead(3);
    const cred = await h.as('louzhang');
    const first = data(await h.call<List>('messages', 'list', { limit: 2 }, cred));
    expect(first.messages.map((m) => m.title)).toEqual(['新的民情反映 3', '新的民情反映 2']);
    expect(first).toMatchObject({ unread: 3, more: true });
    const next = data(await h.call<List>('messages', 'list', { limit: 2, before: first.messages[1].createdAt }, cred));
    expect(next.messages.map((m) => m.title)).toEqual(['新的民情反映 1']);
    expect(next.more).toBe(false);
  });

  it('marks my messages read, and cannot touch anyone else’s', async () => {
    await notifyLead(2);
    const lead = await h.as('louzhang');
    const [m] = data(await h.call<List>('messages', 'list', {}, lead)).messages;
    const other = await h.as('jumin');
    expect(data(await h.call<{ marked: number }>('messages', 'markRead', { ids: [m.id] }, other)).marked).toBe(0);
    expect(data(await h.call<List>('messages', 'list', {}, other)).messages).toEqual([]);
    expect(data(await h.call('messages', 'markRead', { ids: [m.id] }, lead))).toEqual({ marked: 1, unread: 1 });
    expect(data(await h.call('messages', 'markRead', { all: true }, lead))).toEqual({ marked: 1, unread: 0 });
  });

  it('refuses a bad request with a clear message', async () => {
    const cred = await h.as('louzhang');
    expectFailure(await h.call('messages', 'markRead', {}, cred), 'INPUT.INVALID');
    expectFailure(await h.call('messages', 'markRead', { ids: [] }, cred), 'INPUT.INVALID');
    expectFailure(await h.call('messages', 'list', { limit: 500 }, cred), 'INPUT.INVALID', 'limit');
    expectFailure(await h.call('messages', 'list', {}), 'AUTH.REQUIRED');
  });
});
