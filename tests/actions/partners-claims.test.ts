/**
 * Projects claimed both ways (双向认领): a partner's side claims an open need (the poster is asked to
 * accept) and staff accept it naming the community's owner; staff ask a partner for a resource (the
 * contact is asked) and the partner's side accepts naming its owner. The side that started never
 * accepts (PROJECT.NOT_YOUR_SIDE). Declining releases the need for another partner. Of two partners
 * claiming one need at once, one wins; the other is told NEED.TAKEN.
 */
import type { Outputs, ProjectView } from '../../src/core';
import { data, expectFailure } from '../support/harness';
import { crid, partnersKit, type PartnersKit } from './support/partners';

type Out = Outputs['partners'];
let k: PartnersKit;
beforeAll(async () => {
  k = await partnersKit();
});
afterAll(() => k.h.close());

const kinds = async (who: Parameters<PartnersKit['messagesOf']>[0]) => (await k.messagesOf(who)).map((m) => m.kind);

describe('a partner claims a need', () => {
  it('is proposed by the partner, accepted by staff only, and the need is claimed by that partner', async () => {
    const hospital = await k.register({ name: '市第一人民医院' });
    const need = await k.postNeed({ kind: 'expert', title: '每月一次义诊' });
    expect(need.can).toMatchObject({ withdraw: true });
    // The partner's contact sees it claimable.
    expect(data(await k.call<Out['needs']>('needs', {}, k.contact)).needs.find((n) => n.id === need.id)).toMatchObject({ can: { claim: true, withdraw: false } });

    const input = { clientRequestId: 'partner-claim-clinic', needId: need.id, partnerId: hospital.id, note: '每月第一个周六上午' };
    const claimed = data(await k.call<Out['claimNeed']>('claimNeed', input, k.contact));
    expect(claimed).toMatchObject({
      created: true,
      project: {
        title: '每月一次义诊',
        startedBy: 'partner',
        startedByLabel: '共建单位认领',
        note: '每月第一个周六上午',
        status: 'proposed',
        statusLabel: '待对方确认',
        need: { id: need.id, title: '每月一次义诊' },
        partner: { id: hospital.id },
        partnerOwner: { id: k.contact.id, name: '钱联络' },
        communityOwner: null,
        can: { accept: false, decline: false, cancel: true, milestone: true, close: false },
      },
    });
    // A retried claim is the claim made.
    expect(data(await k.call<Out['claimNeed']>('claimNeed', input, k.contact))).toMatchObject({ created: false, project: { id: claimed.project.id } });
    expect(await k.h.store.needs.get(need.id)).toMatchObject({ status: 'claimed', partnerId: hospital.id, projectId: claimed.project.id });
    const told = (await k.messagesOf(k.staff)).find((m) => m.kind === 'project.claimed')!;
    expect(told.body).toContain('每月第一个周六上午');

    // The partner cannot accept its own claim; staff see it to accept.
    await k.writesNothing(async () => expectFailure(await k.call('accept', k.ref(claimed.project), k.contact), 'PROJECT.NOT_YOUR_SIDE'));
    expect(data(await k.call<ProjectView>('project', { id: claimed.project.id }, k.staff)).can).toMatchObject({ accept: true, decline: true, cancel: false, close: false });
    expectFailure(await k.call('accept', { ...k.ref(claimed.project), ownerId: k.contact.id }, k.staff), 'PROJECT.BAD_OWNER', 'ownerId');
    const accepted = data(await k.call<ProjectView>('accept', { ...k.ref(claimed.project), ownerId: k.secretary.id }, k.staff));
    expect(accepted).toMatchObject({ status: 'active', statusLabel: '进行中', communityOwner: { id: k.secretary.id }, can: { accept: false, close: true, cancel: true, milestone: true } });
    expect(await kinds(k.contact)).toContain('project.accepted');
  });

  it('refuses another claim of a claimed need, a withdrawn need, and one of a community it does not partner with', async () => {
    const a = await k.register({ name: '红十字会', kind: 'social_org' });
    const b = await k.register({ name: '区图书馆', kind: 'agency', contactPersonId: k.otherContact.id });
    const need = await k.postNeed({ title: '应急救护培训' });
    data(await k.claim(need.id, a.id));
    const farNeed = data(await k.call<Out['postNeed']>('postNeed', k.needInput({ unitId: k.farCompound.id }), k.farStaff)).need;
    const gone = await k.postNeed({ title: '已撤回的需求' });
    data(await k.call('withdrawNeed', k.ref(gone), k.staff));
    await k.writesNothing(async () => {
      expectFailure(await k.claim(need.id, b.id, k.otherContact), 'NEED.TAKEN', 'needId');
      expectFailure(await k.claim(gone.id, b.id, k.otherContact), 'NEED.NOT_ALLOWED', 'needId');
      expectFailure(await k.claim(farNeed.id, b.id, k.otherContact), 'PARTNER.NOT_PARTNERING', 'needId');
      expectFailure(await k.claim('ned_nowhere', b.id, k.otherContact), 'NEED.NOT_FOUND', 'needId');
    });
  });

  it('lets one of two partners claiming a need at once win', async () => {
    const a = await k.register({ name: '爱心企业甲', kind: 'enterprise' });
    const b = await k.register({ name: '爱心企业乙', kind: 'enterprise', contactPersonId: k.otherContact.id });
    const need = await k.postNeed({ title: '助学金' });
    const [ra, rb] = await Promise.all([k.claim(need.id, a.id), k.claim(need.id, b.id, k.otherContact)]);
    const won = [ra, rb].filter((r) => r.ok);
    expect(won).toHaveLength(1);
    expectFailure([ra, rb].find((r) => !r.ok)!, 'NEED.TAKEN', 'needId');
    const projects = await k.h.store.projects.list({ communityIds: [k.community.id] }, 1000, 0);
    expect(projects.projects.filter((p) => p.needId === need.id)).toHaveLength(1);
  });

  it('releases the need when staff decline the claim, for another partner to claim', async () => {
    const a = await k.register({ name: '家政公司', kind: 'enterprise' });
    const b = await k.register({ name: '物业协会', kind: 'social_org', contactPersonId: k.otherContact.id });
    const need = await k.postNeed({ title: '楼道保洁' });
    const claimed = data(await k.claim(need.id, a.id)).project;
    await k.writesNothing(async () => expectFailure(await k.call('decline', { ...k.ref(claimed), reason: '不合适' }, k.contact), 'PROJECT.NOT_YOUR_SIDE'));
    const declined = data(await k.call<ProjectView>('decline', { ...k.ref(claimed), reason: '已有物业负责，不需要了' }, k.staff));
    expect(declined).toMatchObject({ status: 'declined', statusLabel: '对方未接受', reason: '已有物业负责，不需要了', can: { accept: false, cancel: false, milestone: false } });
    expect(await k.h.store.needs.get(need.id)).toMatchObject({ status: 'open', partnerId: null, projectId: null });
    expect((await k.messagesOf(k.contact)).find((m) => m.kind === 'project.declined')!.body).toContain('已有物业负责');
    expect(data(await k.claim(need.id, b.id, k.otherContact)).project).toMatchObject({ partner: { id: b.id }, status: 'proposed' });
  });
});

describe('the community asks for a resource', () => {
  it('is proposed by staff and accepted by the partner’s side only, naming its owner', async () => {
    const company = await k.register({ name: '幸福里开发公司', kind: 'enterprise' });
    const worker = await k.member('郭工程师');
    data(await k.call('linkMember', { partnerId: company.id, personId: worker.id }, k.staff));
    const room = await k.offer(company.id, k.contact, { title: '251 平方米活动室' });
    const need = await k.postNeed({ kind: 'room', title: '老年大学教室' });
    const input = { clientRequestId: 'partner-ask-room', resourceId: room.id, communityId: k.community.id, title: '借用活动室办老年大学', needId: need.id };
    const asked = data(await k.call<Out['askResource']>('askResource', input, k.staff));
    expect(asked).toMatchObject({
      created: true,
      project: { startedBy: 'community', startedByLabel: '社区发起', status: 'proposed', resource: { id: room.id, title: '251 平方米活动室' }, need: { id: need.id }, communityOwner: { id: k.staff.id }, partnerOwner: null },
    });
    expect(data(await k.call<Out['askResource']>('askResource', input, k.staff))).toMatchObject({ created: false, project: { id: asked.project.id } });
    expect(await k.h.store.needs.get(need.id)).toMatchObject({ status: 'claimed', partnerId: company.id });
    expect(await kinds(k.contact)).toContain('project.asked');

    await k.writesNothing(async () => {
      expectFailure(await k.call('accept', k.ref(asked.project), k.staff), 'PROJECT.NOT_YOUR_SIDE');
      expectFailure(await k.call('accept', { ...k.ref(asked.project), ownerId: k.staff.id }, k.contact), 'PROJECT.BAD_OWNER', 'ownerId');
    });
    // The linked member answers for the partner, naming the contact as owner.
    const accepted = data(await k.call<ProjectView>('accept', { ...k.ref(asked.project), ownerId: k.contact.id }, worker));
    expect(accepted).toMatchObject({ status: 'active', partnerOwner: { id: k.contact.id }, communityOwner: { id: k.staff.id } });
    expect(await kinds(k.staff)).toContain('project.accepted');
  });

  it('asks without a need; refuses a withdrawn resource, a partner not of the community, and non-staff', async () => {
    const company = await k.register({ name: '电信营业厅', kind: 'enterprise' });
    const kit = await k.offer(company.id, k.contact, { kind: 'equipment', title: '宽带维修工具' });
    expect(data(await k.call<Out['askResource']>('askResource', { clientRequestId: crid(), resourceId: kit.id, communityId: k.community.id, title: '帮老人修宽带' }, k.staff)).project).toMatchObject({ need: null, status: 'proposed' });
    const gone = await k.offer(company.id, k.contact, { title: '旧会议室' });
    data(await k.call('withdrawResource', k.ref(gone), k.contact));
    await k.writesNothing(async () => {
      expectFailure(await k.call('askResource', { clientRequestId: crid(), resourceId: gone.id, communityId: k.community.id, title: '借会议室' }, k.staff), 'RESOURCE.WITHDRAWN', 'resourceId');
      expectFailure(await k.call('askResource', { clientRequestId: crid(), resourceId: kit.id, communityId: k.farCommunity.id, title: '修宽带' }, k.farStaff), 'PARTNER.NOT_PARTNERING', 'resourceId');
      expectFailure(await k.call('askResource', { clientRequestId: crid(), resourceId: kit.id, communityId: k.community.id, title: '修宽带' }, k.farStaff), 'AUTH.FORBIDDEN', 'communityId');
      expectFailure(await k.call('askResource', { clientRequestId: crid(), resourceId: kit.id, communityId: k.community.id, title: '修宽带' }, k.contact), 'AUTH.FORBIDDEN', 'communityId');
      expectFailure(await k.call('askResource', { clientRequestId: crid(), resourceId: 'res_nowhere', communityId: k.community.id, title: '修宽带' }, k.staff), 'RESOURCE.NOT_FOUND', 'resourceId');
    });
  });
});
