/**
 * The WeChat notifier counts what became of each subscribe message it tried: sent, refused by the
 * person (43101), or failed (with the error), per China day, notice kind and template.
 */
import { inAppNotifier, parseTemplates, wechatNotifier, type SubscribeRequest } from '../../cloudfunctions/lib/ports/notifier';
import type { Person } from '../../src/core';
import { harness, type Harness } from '../support/harness';

describe('subscribe sends, counted', () => {
  let h: Harness;
  let lead: Person;
  beforeEach(async () => {
    h = await harness();
    const p = (await h.store.people.findByUsername('louzhang'))!;
    lead = { ...p, id: `${p.id}_wx`, username: null, openid: 'o-lead' };
    await h.store.people.insert(lead, null);
  });
  afterEach(() => h.close());

  const templates = parseTemplates(
    JSON.stringify({
      'report.assigned': { templateId: 'TPL-ASSIGNED', data: { thing1: 'report', time2: 'time' } },
      'report.resolved': { templateId: 'TPL-RESOLVED', data: { thing1: 'report', thing2: 'note' } },
    }),
  );
  const notifierAnswering = (answer: (r: SubscribeRequest) => Promise<void>, log = h.deps.log) =>
    wechatNotifier({ inApp: inAppNotifier(h.store, h.clock, h.deps.ids), store: h.store, clock: h.clock, log, templates, send: answer });

  it('counts sends, refusals and failures per template, keeping the last failure’s error', async () => {
    const answers = [
      async () => {},
      async () => {},
      async () => {
        throw new Error('subscribeMessage.send 43101 user refuse to accept the msg');
      },
      async () => {
        throw new Error('subscribeMessage.send 47003 argument invalid! data.thing1.value invalid');
      },
    ];
    let i = 0;
    const notifier = notifierAnswering(() => answers[i++]());
    for (let k = 0; k < 4; k++) await notifier.notify({ personId: lead.id, kind: 'report.assigned', title: 't', body: 'b' });
    await notifierAnswering(async () => {}).notify({ personId: lead.id, kind: 'report.resolved', title: 't', body: 'b' });
    expect(await h.store.subscribeSends.listSince('2026-11-23')).toEqual([
      {
        day: '2026-11-23',
        kind: 'report.assigned',
        templateId: 'TPL-ASSIGNED',
        sent: 2,
        refused: 1,
        failed: 1,
        lastError: 'subscribeMessage.send 47003 argument invalid! data.thing1.value invalid',
        lastErrorAt: h.clock.now(),
      },
      { day: '2026-11-23', kind: 'report.resolved', templateId: 'TPL-RESOLVED', sent: 1, refused: 0, failed: 0, lastError: null, lastErrorAt: null },
    ]);
  });

  it('counts nothing that was never tried: no template for the kind, or nobody’s WeChat', async () => {
    const notifier = notifierAnswering(async () => {});
    const noWx = (await h.store.people.findByUsername('jumin'))!;
    await notifier.notify({ personId: lead.id, kind: 'report.unknown', title: 't', body: 'b' });
    await notifier.notify({ personId: noWx.id, kind: 'report.assigned', title: 't', body: 'b' });
    expect(await h.store.subscribeSends.listSince('2026-01-01')).toEqual([]);
  });

  it('never fails the notice when counting fails: the in-app message is there, and the miss is logged', async () => {
    const logged: string[] = [];
    const notifier = notifierAnswering(async () => {}, { info: () => {}, error: (m) => logged.push(m) });
    jest.spyOn(h.store.subscribeSends, 'record').mockRejectedValue(new Error('disk full'));
    await expect(notifier.notify({ personId: lead.id, kind: 'report.assigned', title: 't', body: 'b' })).resolves.toBeUndefined();
    expect(await h.store.messages.countUnread(lead.id)).toBe(1);
    expect(logged).toEqual(['subscribe send not counted']);
  });
});
