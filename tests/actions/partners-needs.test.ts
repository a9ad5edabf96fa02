/**
 * The community's needs (需求清单): staff post one for the community, a compound or a building — typed,
 * or from a report, a deliberation topic or a partner's visit of their community (posting from a visit
 * marks the visit) — once for a retried post; withdraw an open one. Refused, writing nothing: a unit
 * outside the community (or a grid, or a street), a source of another community or none, a visit that
 * became a need already, a claimed need withdrawn, and anyone who is not staff.
 */
import type { Outputs } from '../../src/core';
import { report, topic } from '../support/factories';
import { data, expectFailure } from '../support/harness';
import { crid, dayBefore, partnersKit, type PartnersKit } from './support/partners';

type Out = Outputs['partners'];
let k: PartnersKit;
beforeAll(async () => {
  k = await partnersKit();
});
afterAll(() => k.h.close());

describe('posting needs', () => {
  it('posts a typed need for a compound, once for a retried post, and lists it', async () => {
    const input = k.needInput({ title: '老年食堂志愿者', clientRequestId: 'partner-need-typed' });
    const posted = data(await k.call<Out['postNeed']>('postNeed', input, k.staff));
    expect(posted).toMatchObject({
      created: true,
      need: {
        community: { id: k.community.id },
        unit: { id: k.compound.id },
        trail: '幸福里小区',
        kind: 'volunteers',
        kindLabel: '志愿者',
        title: '老年食堂志愿者',
        source: 'typed',
        sourceLabel: '社区录入',
        sourceId: null,
        status: 'open',
        statusLabel: '待认领',
        partner: null,
        projectId: null,
        can: { claim: false, withdraw: true },
      },
    });
    expect(data(await k.call<Out['postNeed']>('postNeed', input, k.staff))).toMatchObject({ created: false, need: { id: posted.need.id } });
    const building = data(await k.call<Out['postNeed']>('postNeed', k.needInput({ unitId: k.building.id }), k.staff)).need;
    expect(building.trail).toBe('幸福里小区 / 1号楼');
    const listed = data(await k.call<Out['needs']>('needs', { status: 'open' }, k.staff));
    expect(listed.needs.map((n) => n.id)).toEqual(expect.arrayContaining([posted.need.id, building.id]));
  });

  it('posts a need from a report, a topic and a visit of the community; the visit is marked', async () => {
    const { report: r, entries } = report(k.building);
    await k.h.store.reports.insert(r, entries);
    const fromReport = data(await k.call<Out['postNeed']>('postNeed', k.needInput({ source: { kind: 'report', id: r.id } }), k.staff)).need;
    expect(fromReport).toMatchObject({ source: 'report', sourceLabel: '来自民情反映', sourceId: r.id });

    const t = topic(k.compound, { communityId: k.community.id });
    await k.h.store.topics.insert(t);
    expect(data(await k.call<Out['postNeed']>('postNeed', k.needInput({ source: { kind: 'topic', id: t.id } }), k.staff)).need).toMatchObject({ source: 'topic', sourceLabel: '来自议事' });

    const hospital = await k.register({ name: '社区卫生服务站' });
    const visit = data(
      await k.call<Out['recordVisit']>('recordVisit', { clientRequestId: crid(), partnerId: hospital.id, communityId: k.community.id, day: dayBefore(1), met: '社区书记', raised: '老人想要上门体检' }, k.contact),
    ).visit;
    const input = k.needInput({ kind: 'expert', title: '上门体检', source: { kind: 'visit', id: visit.id } });
    const fromVisit = data(await k.call<Out['postNeed']>('postNeed', input, k.staff)).need;
    expect(fromVisit).toMatchObject({ source: 'visit', sourceLabel: '来自走访', sourceId: visit.id });
    expect((await k.h.store.partnerVisits.get(visit.id))!.needId).toBe(fromVisit.id);
    // A retried post from the visit is the need it made; another post from it is refused.
    expect(data(await k.call<Out['postNeed']>('postNeed', input, k.staff))).toMatchObject({ created: false, need: { id: fromVisit.id } });
    expectFailure(await k.call('postNeed', k.needInput({ source: { kind: 'visit', id: visit.id } }), k.staff), 'NEED.BAD_SOURCE', 'source.id');
    const visits = data(await k.call<Out['visits']>('visits', {}, k.staff)).visits;
    expect(visits.find((v) => v.id === visit.id)).toMatchObject({ need: { id: fromVisit.id, title: '上门体检' } });
  });

  it('refuses a unit outside the community, a source of another community, and non-staff — writing nothing', async () => {
    const { report: far, entries } = report(k.farBuilding);
    await k.h.store.reports.insert(far, entries);
    const farTopic = topic(k.farCompound, { communityId: k.farCommunity.id });
    await k.h.store.topics.insert(farTopic);
    const street = await k.h.unitNamed('幸福街道');
    await k.writesNothing(async () => {
      expectFailure(await k.call('postNeed', k.needInput({ unitId: k.farCompound.id }), k.staff), 'NEED.BAD_UNIT', 'unitId');
      expectFailure(await k.call('postNeed', k.needInput({ unitId: street.id }), k.staff), 'NEED.BAD_UNIT', 'unitId');
      expectFailure(await k.call('postNeed', k.needInput({ unitId: 'unt_nowhere' }), k.staff), 'NEED.BAD_UNIT', 'unitId');
      expectFailure(await k.call('postNeed', k.needInput({ source: { kind: 'report', id: far.id } }), k.staff), 'NEED.BAD_SOURCE', 'source.id');
      expectFailure(await k.call('postNeed', k.needInput({ source: { kind: 'topic', id: farTopic.id } }), k.staff), 'NEED.BAD_SOURCE', 'source.id');
      expectFailure(await k.call('postNeed', k.needInput({ source: { kind: 'visit', id: 'pvs_nowhere' } }), k.staff), 'NEED.BAD_SOURCE', 'source.id');
      expectFailure(await k.call('postNeed', k.needInput({ source: { kind: 'lecture', id: 'lec_1' } }), k.staff), 'INPUT.INVALID');
      expectFailure(await k.call('postNeed', k.needInput({ kind: 'love' }), k.staff), 'INPUT.INVALID', 'kind');
      expectFailure(await k.call('postNeed', k.needInput(), k.resident), 'AUTH.FORBIDDEN');
      expectFailure(await k.call('postNeed', k.needInput(), k.contact), 'AUTH.FORBIDDEN');
      expectFailure(await k.call('postNeed', k.needInput(), k.farStaff), 'NEED.BAD_UNIT', 'unitId');
    });
  });
});

describe('withdrawing needs', () => {
  it('withdraws an open need; a claimed one is refused', async () => {
    const open = await k.postNeed({ title: '理发志愿者' });
    const withdrawn = data(await k.call<Out['withdrawNeed']>('withdrawNeed', k.ref(open), k.staff));
    expect(withdrawn).toMatchObject({ status: 'withdrawn', statusLabel: '已撤回', can: { withdraw: false, claim: false } });
    expectFailure(await k.call('withdrawNeed', k.ref(withdrawn), k.staff), 'NEED.NOT_ALLOWED', 'id');

    const partner = await k.register({ name: '美发协会', kind: 'social_org' });
    const claimedNeed = await k.postNeed({ title: '上门理发' });
    data(await k.claim(claimedNeed.id, partner.id));
    const now = (await k.h.store.needs.get(claimedNeed.id))!;
    await k.writesNothing(async () => {
      expectFailure(await k.call('withdrawNeed', k.ref(now), k.staff), 'NEED.NOT_ALLOWED', 'id');
      expectFailure(await k.call('withdrawNeed', k.ref(now), k.farStaff), 'NEED.NOT_FOUND', 'id');
      expectFailure(await k.call('withdrawNeed', k.ref(now), k.contact), 'NEED.NOT_FOUND', 'id');
    });
  });
});
