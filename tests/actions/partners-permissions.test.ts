/**
 * Who sees what (the permissions): a partner's contact (and its linked members) see only their
 * own partner's projects and resources, and the needs of the communities it partners with — never
 * another community's (PARTNER.NOT_PARTNERING) nor another partner's projects (PARTNER.NOT_YOURS, and
 * not listed). A resident acts for no partner. Another community's staff reach none of it. 我的共建单位
 * (mine) holds the caller's partners only.
 */
import type { Outputs, ProjectView } from '../../src/core';
import { data, expectFailure } from '../support/harness';
import { crid, partnersKit, type PartnersKit } from './support/partners';

type Out = Outputs['partners'];
let k: PartnersKit;
let ours: { partnerId: string; projectId: string; needId: string };
let theirs: { partnerId: string; projectId: string };
let farNeedId: string;
let openNeedId: string;

beforeAll(async () => {
  k = await partnersKit();
  // 市第一人民医院 (contact 钱联络) and 区税务局 (contact 孙联络) partner with 阳光社区; 和平医院 with 和平社区 only.
  const a = await k.register({ name: '市第一人民医院' });
  const b = await k.register({ name: '区税务局', kind: 'agency', contactPersonId: k.otherContact.id });
  data(await k.call<Out['savePartner']>('savePartner', k.partnerInput({ name: '和平医院', communityIds: [k.farCommunity.id], contactPersonId: k.farContact.id }), k.farStaff));
  const needA = await k.postNeed({ title: '义诊' });
  const needB = await k.postNeed({ title: '税务讲座' });
  openNeedId = (await k.postNeed({ title: '还没人认领' })).id;
  ours = { partnerId: a.id, projectId: data(await k.claim(needA.id, a.id)).project.id, needId: needA.id };
  theirs = { partnerId: b.id, projectId: data(await k.claim(needB.id, b.id, k.otherContact)).project.id };
  farNeedId = data(await k.call<Out['postNeed']>('postNeed', k.needInput({ unitId: k.farCompound.id, title: '和平社区的需求' }), k.farStaff)).need.id;
  await k.offer(a.id, k.contact, { title: '医院会议室' });
  await k.offer(b.id, k.otherContact, { title: '税务局会议室' });
});
afterAll(() => k.h.close());

describe('a partner’s contact', () => {
  it('sees its own partner’s projects and resources, and the open needs of its communities, in mine', async () => {
    const mine = data(await k.call<Out['mine']>('mine', {}, k.contact));
    expect(mine.partners).toHaveLength(1);
    const [m] = mine.partners;
    expect(m).toMatchObject({ partner: { id: ours.partnerId, name: '市第一人民医院' }, side: 'contact', sideLabel: '联络人', communities: [{ id: k.community.id }] });
    expect(m.projects.map((p) => p.id)).toEqual([ours.projectId]);
    expect(m.resources.map((r) => r.title)).toEqual(['医院会议室']);
    expect(m.openNeeds.map((n) => n.id)).toEqual([openNeedId]);
    expect(m.openNeeds[0].can).toEqual({ claim: true, withdraw: false });
    const json = JSON.stringify(mine);
    for (const other of ['区税务局', '税务局会议室', '和平社区的需求', theirs.projectId]) expect(json).not.toContain(other);
  });

  it('lists only its own projects, and is told another partner’s project is not its own', async () => {
    expect(data(await k.call<Out['projects']>('projects', {}, k.contact)).projects.map((p) => p.id)).toEqual([ours.projectId]);
    expect(data(await k.call<ProjectView>('project', { id: ours.projectId }, k.contact))).toMatchObject({ id: ours.projectId, can: { cancel: true, accept: false } });
    expectFailure(await k.call('project', { id: theirs.projectId }, k.contact), 'PARTNER.NOT_YOURS', 'id');
    expectFailure(await k.call('projects', { partnerId: theirs.partnerId }, k.contact), 'PARTNER.NOT_YOURS', 'partnerId');
    expectFailure(await k.call('resources', { partnerId: theirs.partnerId }, k.contact), 'PARTNER.NOT_YOURS', 'partnerId');
  });

  it('reads and claims the needs of communities it partners with only', async () => {
    const needs = data(await k.call<Out['needs']>('needs', {}, k.contact));
    expect(needs.needs.map((n) => n.id)).toEqual([openNeedId]);
    await k.writesNothing(async () => {
      expectFailure(await k.call('needs', { communityId: k.farCommunity.id }, k.contact), 'PARTNER.NOT_PARTNERING', 'communityId');
      expectFailure(await k.claim(farNeedId, ours.partnerId), 'PARTNER.NOT_PARTNERING', 'needId');
      // Nor does it act for a partner it is not the contact of.
      expectFailure(await k.claim(openNeedId, theirs.partnerId), 'PARTNER.NOT_YOURS', 'partnerId');
      expectFailure(await k.call('cancel', { id: theirs.projectId, version: 1, reason: '不要了' }, k.contact), 'PARTNER.NOT_YOURS', 'id');
      expectFailure(await k.call('addMilestone', { id: theirs.projectId, version: 1, title: '开始', dueOn: '2026-12-01' }, k.contact), 'PARTNER.NOT_YOURS', 'id');
      // Staff's lists are staff's.
      expectFailure(await k.call('list', {}, k.contact), 'AUTH.FORBIDDEN');
      expectFailure(await k.call('detail', { id: ours.partnerId }, k.contact), 'PARTNER.NOT_FOUND', 'id');
    });
  });
});

describe('a linked member', () => {
  it('acts for the partner while linked, and for none once unlinked', async () => {
    const doctor = await k.member('周医生');
    data(await k.call('linkMember', { partnerId: ours.partnerId, personId: doctor.id }, k.staff));
    expect(data(await k.call<Out['projects']>('projects', {}, doctor)).projects.map((p) => p.id)).toEqual([ours.projectId]);
    expectFailure(await k.call('project', { id: theirs.projectId }, doctor), 'PARTNER.NOT_YOURS', 'id');
    data(await k.call('unlinkMember', { partnerId: ours.partnerId, personId: doctor.id }, k.staff));
    expectFailure(await k.call('project', { id: ours.projectId }, doctor), 'PROJECT.NOT_FOUND', 'id');
    expect(data(await k.call<Out['mine']>('mine', {}, doctor)).partners).toEqual([]);
  });
});

describe('a resident', () => {
  it('acts for no partner and reads none of it', async () => {
    expect(data(await k.call<Out['mine']>('mine', {}, k.resident)).partners).toEqual([]);
    await k.writesNothing(async () => {
      expectFailure(await k.claim(openNeedId, ours.partnerId, k.resident), 'PARTNER.NOT_YOURS', 'partnerId');
      expectFailure(await k.call('recordVisit', { clientRequestId: crid(), partnerId: ours.partnerId, communityId: k.community.id, day: '2026-11-23', met: '书记', raised: '无' }, k.resident), 'PARTNER.NOT_YOURS', 'partnerId');
      expectFailure(await k.call('project', { id: ours.projectId }, k.resident), 'PROJECT.NOT_FOUND', 'id');
      expectFailure(await k.call('accept', { id: ours.projectId, version: 1 }, k.resident), 'PROJECT.NOT_FOUND', 'id');
      expectFailure(await k.call('projects', {}, k.resident), 'AUTH.FORBIDDEN');
      expectFailure(await k.call('needs', {}, k.resident), 'AUTH.FORBIDDEN');
      expectFailure(await k.call('resources', {}, k.resident), 'AUTH.FORBIDDEN');
    });
  });
});

describe('another community’s staff', () => {
  it('reach none of this community’s partners, needs or projects', async () => {
    expectFailure(await k.call('project', { id: ours.projectId }, k.farStaff), 'PROJECT.NOT_FOUND', 'id');
    expectFailure(await k.call('accept', { id: ours.projectId, version: 1 }, k.farStaff), 'PROJECT.NOT_FOUND', 'id');
    expectFailure(await k.call('projects', { communityId: k.community.id }, k.farStaff), 'AUTH.FORBIDDEN', 'communityId');
    expectFailure(await k.call('needs', { communityId: k.community.id }, k.farStaff), 'AUTH.FORBIDDEN', 'communityId');
    expect(data(await k.call<Out['projects']>('projects', {}, k.farStaff)).projects).toEqual([]);
    expect(data(await k.call<Out['needs']>('needs', {}, k.farStaff)).needs.map((n) => n.id)).toEqual([farNeedId]);
  });
});
