/**
 * clearExpiredContacts beyond what jobs.test.ts checks of every job: run twice it removes once, each
 * community's retentionYears decides, settings saved before the setting read as 3 years, and a run
 * out of time leaves the rest to the next.
 */
import { DEFAULT_POLICY, fixedClock, type CommunityPolicy } from '../../../src/core';
import { clearExpiredContacts, RETENTION_DONE_KEY } from '../../../cloudfunctions/lib/jobs/contact-retention';
import { policyKey, storedPolicyValue } from '../../../cloudfunctions/lib/actions/policy';
import { makeDeps, silentLogger } from '../../../cloudfunctions/lib/deps';
import { dispatch } from '../../../cloudfunctions/lib/functions';
import { openSqliteStore } from '../../../cloudfunctions/lib/store/sqlite';
import { buildFixture, copyOf, LONG_CLOSED_AT, RUN_AT } from './fixture';

let base: string;
beforeAll(async () => {
  base = await buildFixture();
}, 60_000);

const DAY = 24 * 3600_000;
const LONG = 'rep_fixture_long_closed';
const RECENT = 'rep_fixture_closed';

function open(at = RUN_AT) {
  const store = openSqliteStore(copyOf(base));
  const clock = fixedClock(at);
  return { store, clock, deps: makeDeps(store, { clock, log: silentLogger }) };
}

async function communityOf(deps: ReturnType<typeof open>['deps']) {
  return (await deps.store.reports.get(LONG))!.communityId!;
}

const expiredAudit = async (deps: ReturnType<typeof open>['deps'], id: string) => (await deps.store.audit.listForTarget(id, 10)).filter((e) => e.action === 'reports.contactExpired');

describe('clearExpiredContacts', () => {
  it('run twice at once removes the contact of a report closed over 3 years ago once, and keeps a recent one', async () => {
    const { store, deps } = open();
    const before = (await store.reports.get(LONG))!;
    const results = await Promise.all([clearExpiredContacts(deps), clearExpiredContacts(deps)]);
    expect(results.reduce((n, r) => n + r.cleared, 0)).toBe(1);
    const after = (await store.reports.get(LONG))!;
    expect(after).toMatchObject({ contactName: null, contactPhone: null, status: 'closed', closedAt: LONG_CLOSED_AT, version: before.version + 1, description: before.description });
    expect(await store.reports.get(RECENT)).toMatchObject({ contactName: '王阿姨', contactPhone: '13900001111' });
    // The desk's text search no longer finds the report by the name.
    const found = await store.reportQueries.list({ path: after.unitPath, now: RUN_AT, q: '王阿姨' }, 'dueAt', 10, 0);
    expect(found.map((r) => r.id)).toEqual([RECENT]);
    const audit = await expiredAudit(deps, LONG);
    expect(audit).toHaveLength(1);
    // Audited without the personal data it removed.
    expect(JSON.stringify(audit[0])).not.toMatch(/王阿姨|13900001111/);
    expect(audit[0].detail).toEqual({ removed: ['contactName', 'contactPhone'], retentionYears: 3 });
    // The next day's run finds nothing more to remove.
    const next = makeDeps(store, { clock: fixedClock(RUN_AT + DAY), log: silentLogger });
    expect(await clearExpiredContacts(next)).toEqual({ cleared: 0, more: false });
    expect((await store.reports.get(LONG))!.version).toBe(after.version);
    expect(await expiredAudit(deps, LONG)).toHaveLength(1);
    await store.close();
  });

  it('follows the community’s retentionYears, and reads settings saved before it as 3 years', async () => {
    const { store, deps } = open();
    const communityId = await communityOf(deps);
    await store.meta.compareAndSet(policyKey(communityId), null, storedPolicyValue(1, { ...DEFAULT_POLICY, retentionYears: 10 }));
    expect(await clearExpiredContacts(deps)).toEqual({ cleared: 0, more: false });
    expect(await store.reports.get(LONG)).toMatchObject({ contactName: '王阿姨' });
    // Settings saved before the setting existed: no retentionYears in them.
    const { retentionYears: _r, ...older } = DEFAULT_POLICY;
    const raw = await store.meta.get(policyKey(communityId));
    await store.meta.compareAndSet(policyKey(communityId), raw, storedPolicyValue(2, older as CommunityPolicy));
    const tomorrow = makeDeps(store, { clock: fixedClock(RUN_AT + DAY), log: silentLogger });
    expect(await clearExpiredContacts(tomorrow)).toEqual({ cleared: 1, more: false });
    expect(await store.reports.get(LONG)).toMatchObject({ contactName: null, contactPhone: null });
    await store.close();
  });

  it('out of time, clears nothing, marks nothing done, and the next run does the rest', async () => {
    const { store, deps } = open();
    expect(await clearExpiredContacts(deps, { now: () => 10, deadline: 5 })).toEqual({ cleared: 0, more: true });
    expect(await store.meta.get(RETENTION_DONE_KEY)).toBeNull();
    expect(await store.reports.get(LONG)).toMatchObject({ contactName: '王阿姨' });
    expect(await clearExpiredContacts(deps, { now: () => 0, deadline: 5 })).toEqual({ cleared: 1, more: false });
    await store.close();
  });

  it('the community settings take retentionYears from 1 to 10 years, and show 3 when never set', async () => {
    const { store, deps } = open();
    const communityId = await communityOf(deps);
    const signIn = await dispatch(deps, 'auth', { action: 'signIn', data: { username: 'shequ', password: 'demo1234' } }, {});
    const token = (signIn as { data: { token: string } }).data.token;
    const read = await dispatch(deps, 'management', { action: 'settings', data: { communityId } }, { token });
    const view = (read as { data: { policy: CommunityPolicy; version: number } }).data;
    expect(view.policy.retentionYears).toBe(3);
    for (const retentionYears of [0, 11, 2.5]) {
      const r = await dispatch(deps, 'management', { action: 'saveSettings', data: { communityId, version: view.version, policy: { ...view.policy, retentionYears } } }, { token });
      expect(r).toMatchObject({ ok: false, code: 'INPUT.INVALID' });
    }
    expect(await store.meta.get(policyKey(communityId))).toBeNull();
    const saved = await dispatch(deps, 'management', { action: 'saveSettings', data: { communityId, version: view.version, policy: { ...view.policy, retentionYears: 5 } } }, { token });
    expect(saved).toMatchObject({ ok: true, data: { policy: { retentionYears: 5 } } });
    await store.close();
  });
});
