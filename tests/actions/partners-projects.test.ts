/**
 * Carrying out a project: either side adds milestones (at most 12) and marks them done; the community
 * closes an active project with its result and photos (shown as addresses), which meets the need and
 * tells both owners; the partner's side cannot close. Cancelling: a proposed project by the side that
 * started it (the other side declines instead), an active one by either side; the need is released.
 */
import { MILESTONES_MAX, type Outputs, type ProjectView } from '../../src/core';
import { png } from '../support/images';
import { data, expectFailure } from '../support/harness';
import { dayBefore, partnersKit, type PartnersKit } from './support/partners';

type Out = Outputs['partners'];
let k: PartnersKit;
beforeAll(async () => {
  k = await partnersKit();
});
afterAll(() => k.h.close());

/** A need claimed by a partner of the contact's and accepted by staff: active. */
async function activeProject(title: string): Promise<{ project: ProjectView; needId: string; partnerId: string }> {
  const partner = await k.register({ name: `${title}单位` });
  const need = await k.postNeed({ title });
  const claimed = data(await k.claim(need.id, partner.id)).project;
  return { project: data(await k.call<ProjectView>('accept', k.ref(claimed), k.staff)), needId: need.id, partnerId: partner.id };
}

describe('milestones', () => {
  it('are added and marked done by either side, late ones flagged', async () => {
    const { project } = await activeProject('助老食堂');
    const one = data(await k.call<ProjectView>('addMilestone', { ...k.ref(project), title: '场地布置', dueOn: dayBefore(2) }, k.contact));
    const two = data(await k.call<ProjectView>('addMilestone', { ...k.ref(one), title: '开餐', dueOn: '2026-12-01' }, k.staff));
    expect(two.milestones).toMatchObject([
      { title: '场地布置', dueOn: dayBefore(2), doneAt: null, late: true },
      { title: '开餐', dueOn: '2026-12-01', doneAt: null, late: false },
    ]);
    const done = data(await k.call<ProjectView>('doneMilestone', { ...k.ref(two), milestoneId: two.milestones[0].id }, k.staff));
    expect(done.milestones[0]).toMatchObject({ doneBy: { id: k.staff.id }, late: false });
    // Marking it again is the project as it is.
    expect(data(await k.call<ProjectView>('doneMilestone', { ...k.ref(done), milestoneId: two.milestones[0].id }, k.contact)).version).toBe(done.version);
    await k.writesNothing(async () => {
      expectFailure(await k.call('doneMilestone', { ...k.ref(done), milestoneId: 'mst_nowhere' }, k.staff), 'PROJECT.MILESTONE_NOT_FOUND', 'milestoneId');
      expectFailure(await k.call('addMilestone', { ...k.ref(done), title: '收尾', dueOn: '2026-02-30' }, k.staff), 'INPUT.INVALID', 'dueOn');
      expectFailure(await k.call('addMilestone', { ...k.ref(project), title: '收尾', dueOn: '2026-12-10' }, k.staff), 'CONFLICT.VERSION');
      expectFailure(await k.call('addMilestone', { ...k.ref(done), title: '收尾', dueOn: '2026-12-10' }, k.resident), 'PROJECT.NOT_FOUND', 'id');
    });
  });

  it('stops at 12', async () => {
    let { project } = await activeProject('十二个节点');
    for (let i = 0; i < MILESTONES_MAX; i++) project = data(await k.call<ProjectView>('addMilestone', { ...k.ref(project), title: `节点${i + 1}`, dueOn: '2026-12-20' }, k.staff));
    await k.writesNothing(async () => expectFailure(await k.call('addMilestone', { ...k.ref(project), title: '第十三', dueOn: '2026-12-20' }, k.staff), 'PROJECT.TOO_MANY_MILESTONES'));
  });
});

describe('closing', () => {
  it('is the community’s: with the result and photos, the need met, both owners told', async () => {
    const { project, needId } = await activeProject('义诊');
    await k.writesNothing(async () => expectFailure(await k.call('close', { ...k.ref(project), result: '服务 120 人次' }, k.contact), 'PROJECT.NOT_YOUR_SIDE'));
    const photo = await k.h.deps.photos.put(await png(), k.staff.id);
    const closed = data(await k.call<ProjectView>('close', { ...k.ref(project), result: '义诊 3 次，服务 120 人次', photos: [photo.id] }, k.staff));
    expect(closed).toMatchObject({ status: 'done', statusLabel: '已完成', result: { text: '义诊 3 次，服务 120 人次', photos: [photo.url] }, can: { close: false, cancel: false, milestone: false } });
    expect(closed.closedAt).toBe(k.h.clock.now());
    expect(await k.h.store.needs.get(needId)).toMatchObject({ status: 'met' });
    expect((await k.messagesOf(k.contact)).map((m) => m.kind)).toContain('project.closed');
    // Done: closed once.
    expectFailure(await k.call('close', { ...k.ref(closed), result: '再关一次' }, k.staff), 'PROJECT.NOT_ALLOWED');
  });

  it('refuses a proposed project, and a photo that is not the caller’s (as if it were not there)', async () => {
    const partner = await k.register({ name: '未确认单位' });
    const need = await k.postNeed({ title: '未确认的需求' });
    const proposed = data(await k.claim(need.id, partner.id)).project;
    const { project } = await activeProject('照片');
    const theirs = await k.h.deps.photos.put(await png(), k.contact.id);
    await k.writesNothing(async () => {
      expectFailure(await k.call('close', { ...k.ref(proposed), result: '还没开始' }, k.staff), 'PROJECT.NOT_ALLOWED');
      expectFailure(await k.call('close', { ...k.ref(project), result: '好了', photos: [theirs.id] }, k.staff), 'PHOTO.NOT_FOUND', 'photos');
    });
  });
});

describe('cancelling', () => {
  it('takes back a proposed claim by its side only, and cancels an active project from either side; the need is released', async () => {
    const partner = await k.register({ name: '取消测试单位' });
    const need = await k.postNeed({ title: '可取消的需求' });
    const proposed = data(await k.claim(need.id, partner.id)).project;
    await k.writesNothing(async () => expectFailure(await k.call('cancel', { ...k.ref(proposed), reason: '不要了' }, k.staff), 'PROJECT.NOT_YOUR_SIDE'));
    const takenBack = data(await k.call<ProjectView>('cancel', { ...k.ref(proposed), reason: '人手不够' }, k.contact));
    expect(takenBack).toMatchObject({ status: 'cancelled', statusLabel: '已取消', reason: '人手不够' });
    expect(await k.h.store.needs.get(need.id)).toMatchObject({ status: 'open', projectId: null });

    const { project, needId } = await activeProject('半途取消');
    const cancelled = data(await k.call<ProjectView>('cancel', { ...k.ref(project), reason: '场地拆迁' }, k.staff));
    expect(cancelled.status).toBe('cancelled');
    expect(await k.h.store.needs.get(needId)).toMatchObject({ status: 'open', partnerId: null });
    expect((await k.messagesOf(k.contact)).map((m) => m.kind)).toContain('project.cancelled');
  });
});

it('lists the community’s projects by status for staff', async () => {
  const open = data(await k.call<Out['projects']>('projects', { status: 'active' }, k.staff));
  expect(open.projects.length).toBeGreaterThan(0);
  expect(open.projects.every((p) => p.status === 'active')).toBe(true);
  expect(open.total).toBe(open.projects.length);
});
