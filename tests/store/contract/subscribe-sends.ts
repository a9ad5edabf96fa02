import type { Store, SubscribeSend } from '../../../cloudfunctions/lib/store/port';
import type { ContractContext } from './context';

export function subscribeSendsContract(ctx: ContractContext) {
  describe('subscribe sends', () => {
    let store: Store;
    beforeEach(() => {
      store = ctx.store();
    });
    const send = (extra: Partial<SubscribeSend> = {}): SubscribeSend => ({ day: '2026-11-23', kind: 'report.assigned', templateId: 'TPL-A', outcome: 'sent', at: 1_000, ...extra });

    it('counts each outcome per day, kind and template, newest day first', async () => {
      await store.subscribeSends.record(send());
      await store.subscribeSends.record(send());
      await store.subscribeSends.record(send({ outcome: 'refused' }));
      await store.subscribeSends.record(send({ outcome: 'failed', error: '40037 invalid template_id' }));
      await store.subscribeSends.record(send({ kind: 'report.resolved', templateId: 'TPL-B' }));
      await store.subscribeSends.record(send({ day: '2026-11-24', at: 90_000_000 }));
      await store.subscribeSends.record(send({ day: '2026-11-20' }));
      const days = await store.subscribeSends.listSince('2026-11-23');
      expect(days).toEqual([
        { day: '2026-11-24', kind: 'report.assigned', templateId: 'TPL-A', sent: 1, refused: 0, failed: 0, lastError: null, lastErrorAt: null },
        { day: '2026-11-23', kind: 'report.assigned', templateId: 'TPL-A', sent: 2, refused: 1, failed: 1, lastError: '40037 invalid template_id', lastErrorAt: 1_000 },
        { day: '2026-11-23', kind: 'report.resolved', templateId: 'TPL-B', sent: 1, refused: 0, failed: 0, lastError: null, lastErrorAt: null },
      ]);
      expect(await store.subscribeSends.listSince('2026-11-25')).toEqual([]);
    });

    it('keeps the latest failure as the last error, whatever order the records land in, and no refusal as one', async () => {
      await store.subscribeSends.record(send({ outcome: 'failed', error: 'later', at: 5_000 }));
      await store.subscribeSends.record(send({ outcome: 'failed', error: 'earlier', at: 2_000 }));
      await store.subscribeSends.record(send({ outcome: 'refused', error: '43101 user refuse to accept the msg', at: 9_000 }));
      const [day] = await store.subscribeSends.listSince('2026-11-23');
      expect(day).toMatchObject({ failed: 2, refused: 1, lastError: 'later', lastErrorAt: 5_000 });
    });

    it('counts every one of 40 concurrent records, the first of the day included', async () => {
      const outcomes = ['sent', 'refused', 'failed'] as const;
      await Promise.all(Array.from({ length: 40 }, (_, i) => store.subscribeSends.record(send({ outcome: outcomes[i % 3], error: `e${i}`, at: 1_000 + i }))));
      const [day] = await store.subscribeSends.listSince('2026-11-23');
      expect(day).toMatchObject({ sent: 14, refused: 13, failed: 13, lastError: 'e38', lastErrorAt: 1_038 });
    }, 60_000);
  });
}
