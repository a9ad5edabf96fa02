/**
 * The echo wall on CloudBase, through dispatch and the unmodified node-sdk answered in-process: the
 * same store reads as SQLite (reportQueries.list and count with statuses, resolvedAt bounds and
 * counted; timelines), so a resolved report shows, anonymised, to a caller who never registered, and
 * an open one does not (the SQLite side: report-echo-wall.test.ts).
 */
import type { EchoWall, Outputs, ReportDetail } from '../../src/core';
import { cloudbase, cloudbaseDemo } from '../support/cloudbase-demo';
import { data } from '../support/harness';

const cloud = cloudbase();

it('shows a resolved report, anonymised, to someone who never registered, on CloudBase', async () => {
  const { store, call, as } = await cloudbaseDemo(cloud, 'echo_');
  const [jumin, lead] = [await as('jumin'), await as('louzhang')];
  const units = await store.units.listSubtree('/');
  const compound = units.find((u) => u.name === '幸福里小区')!;
  const building = units.find((u) => u.parentId === compound.id && u.name === '1号楼')!;
  const name = (await store.people.findByUsername('jumin'))!.name;

  const file = async (n: number, description: string) => data(await call<Outputs['reports']['create']>('reports', 'create', { clientRequestId: `cb-echo-${n}`, unitId: building.id, category: 'noise', description }, jumin)).report;
  const r = await file(1, `我是${name}，1单元502，楼上半夜装修`);
  await file(2, '这一条还没有办完，不该上墙');
  const resolved = data(await call<ReportDetail>('reports', 'resolve', { id: r.id, version: r.version, note: `已联系楼上，${name}家已安静` }, lead));
  data(await call('reports', 'rate', { id: r.id, version: resolved.version, rating: 'basically_satisfied' }, jumin));

  const wall = data(await call<EchoWall>('reports', 'echoWall', { compoundId: compound.id }, { openid: 'o_stranger' }));
  expect(wall.entries).toHaveLength(1);
  expect(wall.entries[0]).toMatchObject({ place: '1号楼', reported: '我是居民，＊＊，楼上半夜装修', done: '已联系楼上，居民家已安静', ratingLabel: '基本满意' });
  expect(wall.months[0]).toMatchObject({ count: 1 });
  expect(JSON.stringify(wall)).not.toMatch(new RegExp(`${name}|502`));
});
