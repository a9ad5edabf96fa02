/**
 * management.subscribeSends: what became of the subscribe messages sent in the last days, per
 * notice kind and template, for staff to see a template WeChat rejects.
 */
import type { Outputs } from '../../src/core';
import { data, expectFailure, harness, T0, type Harness } from '../support/harness';

type Stats = Outputs['management']['subscribeSends'];
const DAY = 24 * 3600_000;

describe('subscribe-message sends on the management page', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness({ residents: 5 });
    const record = (day: string, kind: string, outcome: 'sent' | 'refused' | 'failed', at: number, error: string | null = null) =>
      h.store.subscribeSends.record({ day, kind, templateId: `TPL-${kind}`, outcome, at, error });
    await record('2026-11-23', 'report.assigned', 'sent', T0);
    await record('2026-11-23', 'report.assigned', 'failed', T0, '47003 argument invalid');
    await record('2026-11-22', 'report.assigned', 'failed', T0 - DAY, '40037 invalid template_id');
    await record('2026-11-22', 'report.assigned', 'refused', T0 - DAY);
    await record('2026-11-21', 'report.resolved', 'sent', T0 - 2 * DAY);
    // Outside the last 7 days (23 Nov back to 17 Nov).
    await record('2026-11-16', 'report.resolved', 'failed', T0 - 7 * DAY, 'old');
  });
  afterEach(() => h.close());

  it('sums the last 7 days per kind and template, failures first, with the latest error', async () => {
    const stats = data(await h.call<Stats>('management', 'subscribeSends', {}, await h.as('shequ')));
    expect(stats).toEqual({
      from: '2026-11-17',
      to: '2026-11-23',
      templates: [
        { kind: 'report.assigned', kindLabel: '新反映交办', templateId: 'TPL-report.assigned', sent: 1, refused: 1, failed: 2, lastError: '47003 argument invalid', lastErrorAt: T0 },
        { kind: 'report.resolved', kindLabel: '反映已办结', templateId: 'TPL-report.resolved', sent: 1, refused: 0, failed: 0, lastError: null, lastErrorAt: null },
      ],
    });
  });

  it('reads as many days as asked, up to 90', async () => {
    const stats = data(await h.call<Stats>('management', 'subscribeSends', { days: 1 }, await h.as('shequ')));
    expect(stats.from).toBe('2026-11-23');
    expect(stats.templates.map((t) => [t.kind, t.sent, t.failed])).toEqual([['report.assigned', 1, 1]]);
    expectFailure(await h.call('management', 'subscribeSends', { days: 91 }, await h.as('shequ')), 'INPUT.INVALID', 'days');
    expectFailure(await h.call('management', 'subscribeSends', { days: 0 }, await h.as('shequ')), 'INPUT.INVALID', 'days');
  });

  it('is for staff only', async () => {
    for (const who of ['jumin', 'louzhang', 'wuye']) expectFailure(await h.call('management', 'subscribeSends', {}, await h.as(who)), 'AUTH.FORBIDDEN');
  });
});
