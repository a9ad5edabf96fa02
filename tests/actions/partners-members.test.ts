/**
 * In-service members linked to their workplace, and the resources a partner offers. Staff link a
 * member who checked in as 在职党员 with a compound of the partner's community: counted on the partner,
 * and acting for it. Refused, writing nothing: a member of another type, one not yet approved, one who
 * checked in elsewhere, one linked to another partner. The partner's side offers, edits and withdraws
 * its resources; staff see what is on offer.
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

describe('linking in-service members', () => {
  it('links an in-service member, counts them, and lets them act for the partner', async () => {
    const hospital = await k.register({ name: '市第一人民医院' });
    const doctor = await k.member('周医生', k.otherCompound);
    const linked = data(await k.call<Out['linkMember']>('linkMember', { partnerId: hospital.id, personId: doctor.id }, k.staff));
    expect(linked).toMatchObject({ members: 1, memberList: [{ person: { id: doctor.id, name: '周医生' }, compound: '阳光花园' }] });
    // Linking again is the link made.
    expect(data(await k.call<Out['linkMember']>('linkMember', { partnerId: hospital.id, personId: doctor.id }, k.staff)).members).toBe(1);
    const mine = data(await k.call<Out['mine']>('mine', {}, doctor));
    expect(mine.partners).toMatchObject([{ partner: { id: hospital.id }, side: 'member', sideLabel: '在职党员' }]);
    const row = data(await k.call<Out['list']>('list', {}, k.staff)).partners.find((p) => p.id === hospital.id)!;
    expect(row.members).toBe(1);

    const unlinked = data(await k.call<Out['unlinkMember']>('unlinkMember', { partnerId: hospital.id, personId: doctor.id }, k.staff));
    expect(unlinked).toMatchObject({ members: 0, memberList: [] });
    expect(data(await k.call<Out['mine']>('mine', {}, doctor)).partners).toEqual([]);
  });

  it('refuses a member who is not in service, not approved, checked in elsewhere, or linked to another partner — writing nothing', async () => {
    const school = await k.register({ name: '金水区实验小学', kind: 'school' });
    const bank = await k.register({ name: '工商银行幸福路支行', kind: 'enterprise' });
    const retired = await k.member('马退休', k.compound, 'retired');
    const waiting = await k.member('胡待审', k.compound, 'in_service', 'pending');
    const far = await k.member('冯远方', k.farCompound);
    const teacher = await k.member('杨老师');
    data(await k.call('linkMember', { partnerId: school.id, personId: teacher.id }, k.staff));
    await k.writesNothing(async () => {
      expectFailure(await k.call('linkMember', { partnerId: bank.id, personId: retired.id }, k.staff), 'PARTNER.NOT_IN_SERVICE', 'personId');
      expectFailure(await k.call('linkMember', { partnerId: bank.id, personId: waiting.id }, k.staff), 'PARTNER.NOT_IN_SERVICE', 'personId');
      expectFailure(await k.call('linkMember', { partnerId: bank.id, personId: far.id }, k.staff), 'PARTNER.NOT_IN_SERVICE', 'personId');
      expectFailure(await k.call('linkMember', { partnerId: bank.id, personId: k.resident.id }, k.staff), 'PARTNER.NOT_IN_SERVICE', 'personId');
      expectFailure(await k.call('linkMember', { partnerId: bank.id, personId: 'per_nobody' }, k.staff), 'PERSON.NOT_FOUND', 'personId');
      expectFailure(await k.call('linkMember', { partnerId: bank.id, personId: teacher.id }, k.staff), 'PARTNER.MEMBER_ELSEWHERE', 'personId');
      // Only staff of the partner's community link.
      expectFailure(await k.call('linkMember', { partnerId: bank.id, personId: teacher.id }, k.farStaff), 'PARTNER.NOT_FOUND', 'partnerId');
      expectFailure(await k.call('linkMember', { partnerId: bank.id, personId: teacher.id }, k.contact), 'PARTNER.NOT_FOUND', 'partnerId');
    });
  });
});

describe('resources a partner offers', () => {
  it('is offered, edited and withdrawn by the partner’s side, once for a retried offer, and listed for staff', async () => {
    const company = await k.register({ name: '幸福里开发公司', kind: 'enterprise' });
    const input = { clientRequestId: 'partner-offer-room', partnerId: company.id, kind: 'room', title: '活动室', description: '可办讲座、培训', amount: '251 平方米', availability: '工作日 9:00–17:00' };
    const offered = data(await k.call<Out['offerResource']>('offerResource', input, k.contact));
    expect(offered).toMatchObject({ created: true, resource: { kind: 'room', kindLabel: '场地', amount: '251 平方米', status: 'offered', partner: { id: company.id, name: '幸福里开发公司' }, can: { edit: true, withdraw: true, ask: false } } });
    expect(data(await k.call<Out['offerResource']>('offerResource', input, k.contact))).toMatchObject({ created: false, resource: { id: offered.resource.id } });

    // Staff see it on offer, and may ask for it.
    const listed = data(await k.call<Out['resources']>('resources', {}, k.staff));
    expect(listed.resources.find((r) => r.id === offered.resource.id)).toMatchObject({ can: { edit: false, withdraw: false, ask: true } });

    const edited = data(await k.call<Out['editResource']>('editResource', { ...k.ref(offered.resource), kind: 'room', title: '一楼活动室', description: '可办讲座、培训', amount: '251 平方米', availability: '周一至周五' }, k.contact));
    expect(edited).toMatchObject({ title: '一楼活动室', availability: '周一至周五', version: offered.resource.version + 1 });
    // Neither staff nor another partner's contact edit it.
    await k.writesNothing(async () => {
      expectFailure(await k.call('editResource', { ...k.ref(edited), kind: 'room', title: '会议室', description: '可开会', amount: '1 间', availability: '周末' }, k.staff), 'PARTNER.NOT_YOURS', 'id');
      expectFailure(await k.call('withdrawResource', k.ref(edited), k.otherContact), 'PARTNER.NOT_YOURS', 'id');
      expectFailure(await k.call('offerResource', { ...input, clientRequestId: 'partner-offer-other' }, k.otherContact), 'PARTNER.NOT_YOURS', 'partnerId');
      expectFailure(await k.call('offerResource', { ...input, clientRequestId: 'partner-offer-res' }, k.resident), 'PARTNER.NOT_YOURS', 'partnerId');
      expectFailure(await k.call('offerResource', { ...input, clientRequestId: 'partner-offer-bad', kind: 'land' }, k.contact), 'INPUT.INVALID', 'kind');
    });

    const withdrawn = data(await k.call<Out['withdrawResource']>('withdrawResource', k.ref(edited), k.contact));
    expect(withdrawn).toMatchObject({ status: 'withdrawn', can: { edit: false, withdraw: false, ask: false } });
    expectFailure(await k.call('editResource', { ...k.ref(withdrawn), kind: 'room', title: '会议室', description: '可开会', amount: '1 间', availability: '周末' }, k.contact), 'RESOURCE.WITHDRAWN', 'id');
    // Off the community's list; still on the partner's own.
    expect(data(await k.call<Out['resources']>('resources', {}, k.staff)).resources.map((r) => r.id)).not.toContain(withdrawn.id);
    expect(data(await k.call<Out['resources']>('resources', { partnerId: company.id }, k.contact)).resources.map((r) => r.status)).toEqual(['withdrawn']);
  });
});
