/**
 * Retention: the reports whose contact name and phone are due to be removed (closed or rejected
 * before a time, in one community, still holding either), and clearing them run twice at once
 * clears and audits each once.
 */
import type { Report } from '../../../src/core';
import type { Store } from '../../../cloudfunctions/lib/store/port';
import { report } from '../../support/factories';
import type { ContractContext } from './context';
import { tree } from './tree';

const YEAR = 365 * 24 * 3600_000;
const NOW = Date.parse('2030-06-01T10:00:00+08:00');
const CUTOFF = NOW - 3 * YEAR;

export function reportRetentionContract(ctx: ContractContext) {
  describe('report retention (contacts of long-closed reports)', () => {
    let store: Store;
    beforeEach(() => {
      store = ctx.store();
    });

    async function seed() {
      const t = await tree(store);
      const add = async (id: string, extra: Partial<Report>) => {
        const r = report(t.a1, { id, communityId: t.community.id, contactName: '王阿姨', contactPhone: '13900001111', ...extra });
        await store.reports.insert(r.report, r.entries);
        return r.report;
      };
      const closed = { status: 'closed' as const, nextCheckAt: null };
      const due = [
        await add('rep_old_closed', { ...closed, closedAt: CUTOFF - 2 * YEAR }),
        await add('rep_old_rejected', { status: 'rejected', nextCheckAt: null, closedAt: CUTOFF - YEAR, contactName: null }),
        await add('rep_just_before', { ...closed, closedAt: CUTOFF - 1 }),
      ];
      await add('rep_at_cutoff', { ...closed, closedAt: CUTOFF });
      await add('rep_recent', { ...closed, closedAt: NOW - YEAR });
      await add('rep_no_contact', { ...closed, closedAt: CUTOFF - YEAR, contactName: null, contactPhone: null });
      await add('rep_still_open', { status: 'responded', closedAt: null });
      await add('rep_resolved', { status: 'resolved', resolvedAt: CUTOFF - YEAR, closedAt: null });
      await add('rep_other_community', { ...closed, closedAt: CUTOFF - YEAR, communityId: 'unt_elsewhere' });
      return { t, due };
    }

    const clear = (r: Report) => ({
      report: { ...r, contactName: null, contactPhone: null },
      expectedVersion: r.version,
      entries: [],
      also: { audit: [{ id: `aud_${r.id}_${Math.random().toString(36).slice(2)}`, at: NOW, actorId: null, action: 'reports.contactExpired', targetKind: 'report' as const, targetId: r.id, unitPath: r.unitPath, detail: {} }] },
      before: r,
    });

    it('lists the community’s reports closed or rejected before the time that still hold a contact, oldest first, at most the limit', async () => {
      const { t, due } = await seed();
      expect((await store.reports.listContactKept(t.community.id, CUTOFF, 10)).map((r) => r.id)).toEqual(due.map((r) => r.id));
      expect((await store.reports.listContactKept(t.community.id, CUTOFF, 2)).map((r) => r.id)).toEqual(due.slice(0, 2).map((r) => r.id));
      expect(await store.reports.listContactKept(t.community.id, CUTOFF, 0)).toEqual([]);
      expect(await store.reports.listContactKept('unt_nowhere', CUTOFF, 10)).toEqual([]);
    });

    it('clears each contact once when two runs clear the same list at once, and lists nothing after', async () => {
      const { t } = await seed();
      const listed = await store.reports.listContactKept(t.community.id, CUTOFF, 10);
      const [a, b] = await Promise.all([store.reports.saveAll(listed.map(clear)), store.reports.saveAll(listed.map(clear))]);
      // Per report exactly one of the two saves landed.
      listed.forEach((_, i) => expect([a[i], b[i]].filter((x) => x !== null)).toHaveLength(1));
      expect(await store.reports.listContactKept(t.community.id, CUTOFF, 10)).toEqual([]);
      for (const r of listed) {
        expect(await store.reports.get(r.id)).toMatchObject({ contactName: null, contactPhone: null, status: r.status, version: r.version + 1 });
        expect((await store.audit.listForTarget(r.id, 10)).filter((e) => e.action === 'reports.contactExpired')).toHaveLength(1);
      }
      // The others keep theirs.
      expect(await store.reports.get('rep_recent')).toMatchObject({ contactName: '王阿姨', contactPhone: '13900001111' });
      expect(await store.reports.get('rep_other_community')).toMatchObject({ contactName: '王阿姨' });
      expect(await store.reports.get('rep_still_open')).toMatchObject({ contactPhone: '13900001111' });
    });
  });
}
