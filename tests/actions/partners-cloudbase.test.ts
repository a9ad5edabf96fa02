/**
 * A need from posting to met on CloudBase, through dispatch and the unmodified node-sdk answered
 * in-process: staff register two partners, post a need, both partners claim it at once (one wins, the
 * other is told NEED.TAKEN), staff accept, a milestone is kept, staff close it and the year's figures
 * count it; the loser's contact sees none of the winner's project (the SQLite side: partners-claims,
 * partners-projects and partners-permissions).
 */
import type { Outputs, ProjectView } from '../../src/core';
import { cloudbase, cloudbaseDemo } from '../support/cloudbase-demo';
import { data, expectFailure } from '../support/harness';

type Out = Outputs['partners'];
const cloud = cloudbase();

it('claims a need (one of two partners at once), accepts, keeps a milestone, closes and counts it on CloudBase', async () => {
  const { store, callOf, as, personId: id } = await cloudbaseDemo(cloud, 'partners_');
  const call = callOf('partners');
  const [staff, wu, sun] = [await as('shequ'), await as('zhiyuan'), await as('jumin')];
  const units = await store.units.listSubtree('/');
  const community = units.find((u) => u.kind === 'community')!;
  const compound = units.find((u) => u.name === '幸福里小区')!;

  const register = async (name: string, contact: string) =>
    data(
      await call<Out['savePartner']>(
        'savePartner',
        { clientRequestId: `cb-${name}`, name, kind: 'enterprise', address: '幸福路 88 号', contactName: '联络人', contactPhone: '13900003333', contactPersonId: await id(contact), communityIds: [community.id], signedOn: '2026-01-15', terms: '开放活动室' },
        staff,
      ),
    ).partner;
  const a = await register('幸福里开发公司', 'zhiyuan');
  const b = await register('幸福里超市', 'jumin');
  const need = data(await call<Out['postNeed']>('postNeed', { clientRequestId: 'cb-need-room', unitId: compound.id, kind: 'room', title: '老年大学教室', description: '每周两个上午' }, staff)).need;

  const claims = await Promise.all([
    call<Out['claimNeed']>('claimNeed', { clientRequestId: 'cb-claim-a', needId: need.id, partnerId: a.id }, wu),
    call<Out['claimNeed']>('claimNeed', { clientRequestId: 'cb-claim-b', needId: need.id, partnerId: b.id }, sun),
  ]);
  expect(claims.filter((r) => r.ok)).toHaveLength(1);
  expectFailure(claims.find((r) => !r.ok)!, 'NEED.TAKEN', 'needId');
  const won = (claims.find((r) => r.ok) as { ok: true; data: Out['claimNeed'] }).data.project;
  const [winner, loser] = won.partner.id === a.id ? [wu, sun] : [sun, wu];
  expectFailure(await call('project', { id: won.id }, loser), 'PARTNER.NOT_YOURS', 'id');
  expect(data(await call<Out['projects']>('projects', {}, loser)).projects).toEqual([]);

  expectFailure(await call('accept', { id: won.id, version: won.version }, winner), 'PROJECT.NOT_YOUR_SIDE');
  const active = data(await call<ProjectView>('accept', { id: won.id, version: won.version }, staff));
  const kept = data(await call<ProjectView>('addMilestone', { id: active.id, version: active.version, title: '布置教室', dueOn: '2026-11-30' }, winner));
  const closed = data(await call<ProjectView>('close', { id: kept.id, version: kept.version, result: '开课 8 次' }, staff));
  expect(closed).toMatchObject({ status: 'done', result: { text: '开课 8 次', photos: [] }, milestones: [{ title: '布置教室' }] });
  expect(await store.needs.get(need.id)).toMatchObject({ status: 'met', partnerId: won.partner.id });
  const figures = data(await call<Out['figures']>('figures', { year: 2026 }, staff));
  expect(figures.total).toMatchObject({ partners: 2, needsPosted: 1, needsMet: 1, projectsDone: 1, projectsOpen: 0 });
});
