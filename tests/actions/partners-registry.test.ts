/**
 * Registering partner organisations (共建单位): staff of a community register one (kind, address, the
 * contact, the communities, the agreement), edit it, list their community's partners and read one; a
 * retried create is one partner. Refused, writing nothing: a community the caller does not run, a name
 * taken, dates backwards, a stale version, editing a stopped partner, and anyone who is not staff.
 * A partner shared by two communities keeps the other community when one edits it, and is stopped only
 * by staff of both.
 */
import type { Outputs } from '../../src/core';
import { data, expectFailure } from '../support/harness';
import { partnersKit, type PartnersKit } from './support/partners';

type Out = Outputs['partners'];
let k: PartnersKit;
beforeAll(async () => {
  k = await partnersKit();
});
afterAll(() => k.h.close());

describe('registering a partner', () => {
  it('registers a partner with its contact and agreement, once for a retried request', async () => {
    const input = k.partnerInput({ name: '市第一人民医院', until: '2027-02-28' });
    const first = data(await k.call<Out['savePartner']>('savePartner', input, k.staff));
    expect(first.created).toBe(true);
    expect(first.partner).toMatchObject({
      name: '市第一人民医院',
      kind: 'hospital',
      kindLabel: '医院',
      address: '幸福路 1 号',
      contact: { name: '钱联络', phone: '13900001111', person: { id: k.contact.id, name: '钱联络' } },
      communities: [{ id: k.community.id, name: '阳光社区' }],
      agreement: { signedOn: '2026-03-01', terms: '每月义诊一次，开放活动室', until: '2027-02-28' },
      archived: false,
      members: 0,
      resourcesOffered: 0,
      projectsOpen: 0,
      projectsDone: 0,
      lastVisitDay: null,
      visitedThisMonth: false,
      memberList: [],
      resources: [],
      visits: [],
      can: { edit: true, archive: true, link: true },
    });
    const again = data(await k.call<Out['savePartner']>('savePartner', input, k.staff));
    expect(again).toMatchObject({ created: false, partner: { id: first.partner.id } });
    expect((await k.h.store.audit.search({ targetId: first.partner.id }, 10)).map((e) => e.action)).toEqual(['partners.create']);
  });

  it('edits a partner at the version read, and lists the community’s partners by name', async () => {
    const p = await k.register({ name: '区税务局', kind: 'agency' });
    const edited = data(await k.call<Out['savePartner']>('savePartner', { ...k.partnerInput({ name: '区税务局', kind: 'agency', address: '建设路 8 号' }), id: p.id, version: p.version }, k.staff));
    expect(edited).toMatchObject({ created: false, partner: { id: p.id, address: '建设路 8 号', version: p.version + 1 } });
    const list = data(await k.call<Out['list']>('list', {}, k.staff));
    expect(list.community).toMatchObject({ id: k.community.id, name: '阳光社区' });
    expect(list.partners.map((x) => x.name)).toContain('区税务局');
    expect(data(await k.call<Out['detail']>('detail', { id: p.id }, k.secretary))).toMatchObject({ id: p.id, address: '建设路 8 号' });
    // The version read before the edit is stale now.
    expectFailure(await k.call('savePartner', { ...k.partnerInput({ name: '区税务局', kind: 'agency' }), id: p.id, version: p.version }, k.staff), 'CONFLICT.VERSION');
  });

  it('refuses a community the caller does not run, a name taken, backwards dates, and non-staff — writing nothing', async () => {
    const taken = await k.register({ name: '幸福里开发公司', kind: 'enterprise' });
    await k.writesNothing(async () => {
      expectFailure(await k.call('savePartner', k.partnerInput({ communityIds: [k.farCommunity.id] }), k.staff), 'PARTNER.BAD_COMMUNITY', 'communityIds');
      expectFailure(await k.call('savePartner', k.partnerInput({ communityIds: ['unt_nowhere'] }), k.staff), 'PARTNER.BAD_COMMUNITY', 'communityIds');
      expectFailure(await k.call('savePartner', k.partnerInput({ name: '幸福里开发公司' }), k.staff), 'PARTNER.NAME_TAKEN', 'name');
      // Names are unique across the street: another community's staff are told too.
      expectFailure(await k.call('savePartner', k.partnerInput({ name: '幸福里开发公司', communityIds: [k.farCommunity.id] }), k.farStaff), 'PARTNER.NAME_TAKEN', 'name');
      expectFailure(await k.call('savePartner', k.partnerInput({ until: '2026-02-01' }), k.staff), 'PARTNER.BAD_DATES', 'until');
      expectFailure(await k.call('savePartner', k.partnerInput({ contactPersonId: 'per_nobody' }), k.staff), 'PERSON.NOT_FOUND', 'contactPersonId');
      expectFailure(await k.call('savePartner', k.partnerInput({ kind: 'bank' }), k.staff), 'INPUT.INVALID', 'kind');
      expectFailure(await k.call('savePartner', k.partnerInput(), k.resident), 'AUTH.FORBIDDEN');
      expectFailure(await k.call('savePartner', k.partnerInput(), k.contact), 'AUTH.FORBIDDEN');
      // Another community's staff neither edit nor read it: as if it were not there.
      expectFailure(await k.call('savePartner', { ...k.partnerInput({ name: '幸福里开发公司', communityIds: [k.farCommunity.id] }), id: taken.id, version: taken.version }, k.farStaff), 'PARTNER.NOT_FOUND', 'id');
      expectFailure(await k.call('detail', { id: taken.id }, k.farStaff), 'PARTNER.NOT_FOUND', 'id');
      expectFailure(await k.call('list', { communityId: k.community.id }, k.farStaff), 'AUTH.FORBIDDEN', 'communityId');
      expectFailure(await k.call('list', {}, k.resident), 'AUTH.FORBIDDEN');
    });
  });
});

describe('a partner of two communities', () => {
  it('keeps the other community when one community’s staff edit it, and is stopped only by staff of both', async () => {
    const shared = await k.register({ name: '市实验小学', kind: 'school' });
    // 和平社区 joins: its staff cannot add it themselves (they do not see it) — 阳光社区's staff cannot add 和平社区 either.
    expectFailure(await k.call('savePartner', { ...k.partnerInput({ name: '市实验小学', kind: 'school', communityIds: [k.community.id, k.farCommunity.id] }), id: shared.id, version: shared.version }, k.staff), 'PARTNER.BAD_COMMUNITY');
    // Written as an agreement of both: the store has it partnering with both.
    const stored = (await k.h.store.partners.get(shared.id))!;
    const both = (await k.h.store.partners.update({ ...stored, communityIds: [k.community.id, k.farCommunity.id], version: stored.version + 1 }, stored.version))!;
    const edited = data(
      await k.call<Out['savePartner']>('savePartner', { ...k.partnerInput({ name: '市实验小学', kind: 'school', address: '学府路 2 号', communityIds: [k.community.id] }), id: shared.id, version: both.version }, k.staff),
    );
    expect(edited.partner.communities.map((c) => c.id).sort()).toEqual([k.community.id, k.farCommunity.id].sort());
    expect(edited.partner.can).toEqual({ edit: true, archive: false, link: true });
    const refused = await k.call('archivePartner', k.ref(edited.partner), k.staff);
    expectFailure(refused, 'AUTH.FORBIDDEN', 'id');
    if (!refused.ok) expect(refused.message).toContain('其他社区');
    expect(data(await k.call<Out['list']>('list', {}, k.farStaff)).partners.map((p) => p.name)).toEqual(['市实验小学']);
  });
});

describe('stopping a partnership', () => {
  it('archives a partner: off the list, and nothing more is changed on it', async () => {
    const p = await k.register({ name: '幸福社工服务中心', kind: 'social_org' });
    const archived = data(await k.call<Out['archivePartner']>('archivePartner', k.ref(p), k.staff));
    expect(archived).toMatchObject({ archived: true, can: { edit: false, archive: false, link: false } });
    // Archiving again is the partner as it is.
    expect(data(await k.call<Out['archivePartner']>('archivePartner', k.ref(p), k.staff))).toMatchObject({ archived: true, version: archived.version });
    expect(data(await k.call<Out['list']>('list', {}, k.staff)).partners.map((x) => x.id)).not.toContain(p.id);
    expect(data(await k.call<Out['list']>('list', { includeArchived: true }, k.staff)).partners.map((x) => x.id)).toContain(p.id);
    await k.writesNothing(async () => {
      expectFailure(await k.call('savePartner', { ...k.partnerInput({ name: '幸福社工服务中心' }), id: p.id, version: archived.version }, k.staff), 'PARTNER.ARCHIVED', 'id');
      // Its contact no longer acts for it.
      expectFailure(await k.call('offerResource', { clientRequestId: 'partner-archived-offer', partnerId: p.id, kind: 'room', title: '会议室', description: '可开会', amount: '1 间', availability: '周末' }, k.contact), 'PARTNER.ARCHIVED', 'partnerId');
    });
  });
});
