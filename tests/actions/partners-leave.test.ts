/**
 * A person and partner organisations in 我的信息 and on leaving (注销): they see the partner they are
 * the contact of, the partner they are linked to, the projects they own and the visits they recorded.
 * Leaving unlinks them, clears them as a partner's contact person (the contact's name and phone stay,
 * the organisation's) and as a project's owner; their visits stay, naming a person who left.
 */
import { LEFT_PERSON_NAME, type LeaveConfirmation, type Left, type Outputs, type OwnData } from '../../src/core';
import type { Credentials } from '../../cloudfunctions/lib/identity';
import { data } from '../support/harness';
import { TODAY, crid, partnersKit, type PartnersKit } from './support/partners';

type Out = Outputs['partners'];
let k: PartnersKit;
beforeAll(async () => {
  k = await partnersKit();
});
afterAll(() => k.h.close());

const ask = async (cred: Credentials) => data(await k.h.call<LeaveConfirmation>('people', 'askToLeave', {}, cred)).token;
const leave = async (cred: Credentials, token: string) => data(await k.h.call<Left>('people', 'leave', { token }, cred));

it('shows the contact their partner, projects and visits, and on leaving clears them as contact and owner', async () => {
  const me = await k.personAt('resident', k.building, '郑要走');
  const hospital = await k.register({ name: '市第一人民医院', contactName: '郑要走', contactPhone: '13900002222', contactPersonId: me.id });
  const need = await k.postNeed({ title: '义诊' });
  const project = data(await k.claim(need.id, hospital.id, me)).project;
  data(await k.call('recordVisit', { clientRequestId: crid(), partnerId: hospital.id, communityId: k.community.id, day: TODAY, met: '社区书记', raised: '想办健康讲座' }, me));

  const mine = data(await k.h.call<OwnData>('people', 'ownData', {}, me.cred)).partners;
  expect(mine).toMatchObject({ kind: 'partners', label: '共建单位', truncated: false });
  expect(mine.items.map((i) => [i.what, i.partnerName])).toEqual(
    expect.arrayContaining([
      ['contact', '市第一人民医院'],
      ['project', '市第一人民医院'],
      ['visit', '市第一人民医院'],
    ]),
  );
  expect(mine.items.find((i) => i.what === 'project')!.text).toBe('义诊（待对方确认）');

  const left = await leave(me.cred, await ask(me.cred));
  expect(left).toMatchObject({ partnerLinksEnded: 1, projectOwnersCleared: 1 });
  const after = (await k.h.store.partners.get(hospital.id))!;
  expect(after.contact).toEqual({ name: '郑要走', phone: '13900002222', personId: null });
  expect(await k.h.store.projects.get(project.id)).toMatchObject({ partnerOwnerId: null, status: 'proposed' });
  // The visit stays, naming a person who left.
  const visits = data(await k.call<Out['visits']>('visits', { partnerId: hospital.id }, k.staff)).visits;
  expect(visits).toMatchObject([{ raised: '想办健康讲座', by: { id: me.id, name: LEFT_PERSON_NAME } }]);
});

it('unlinks a linked member and clears them as the owner of the project they accepted', async () => {
  const company = await k.register({ name: '幸福里开发公司', kind: 'enterprise' });
  const me = await k.member('冯在职');
  data(await k.call('linkMember', { partnerId: company.id, personId: me.id }, k.staff));
  const asked = await k.call<Out['askResource']>('askResource', { clientRequestId: crid(), resourceId: (await k.offer(company.id)).id, communityId: k.community.id, title: '借活动室' }, k.staff);
  const accepted = data(await k.call<Out['accept']>('accept', k.ref(data(asked).project), me));
  expect(accepted.partnerOwner).toMatchObject({ id: me.id });
  expect(data(await k.h.call<OwnData>('people', 'ownData', {}, me.cred)).partners.items.map((i) => i.what).sort()).toEqual(['member', 'project']);

  const token = await ask(me.cred);
  expect(await leave(me.cred, token)).toMatchObject({ partnerLinksEnded: 1, projectOwnersCleared: 1 });
  expect(await k.h.store.partners.memberLink(me.id)).toBeNull();
  expect(await k.h.store.projects.get(accepted.id)).toMatchObject({ partnerOwnerId: null, status: 'active' });
  expect(data(await k.call<Out['detail']>('detail', { id: company.id }, k.staff)).members).toBe(0);
});
