/**
 * The year-end figures (年终考评) per community and per partner — resources offered, needs met,
 * projects open and done, visits, members linked, needs posted — with who has not visited this month;
 * and the same as .xlsx (汇总, 共建单位, 项目, 走访), read back with exceljs. Staff only; another
 * community's staff reach none of it.
 */
import ExcelJS from 'exceljs';
import type { Outputs, ProjectView } from '../../src/core';
import { data, expectFailure } from '../support/harness';
import { TODAY, crid, dayBefore, partnersKit, type PartnersKit } from './support/partners';

type Out = Outputs['partners'];
let k: PartnersKit;
let hospitalId: string;
let idleId: string;

beforeAll(async () => {
  k = await partnersKit();
  // 市第一人民医院: two resources (one withdrawn), a member, a visit, one project done (its need met), one active.
  const hospital = await k.register({ name: '市第一人民医院' });
  const idle = await k.register({ name: '区税务局', kind: 'agency', contactPersonId: k.otherContact.id });
  hospitalId = hospital.id;
  idleId = idle.id;
  await k.offer(hospital.id, k.contact, { kind: 'expert', title: '全科医生' });
  const gone = await k.offer(hospital.id, k.contact, { title: '会议室' });
  data(await k.call('withdrawResource', k.ref(gone), k.contact));
  await k.offer(idle.id, k.otherContact, { kind: 'expert', title: '税务咨询' });
  const doctor = await k.member('周医生');
  data(await k.call('linkMember', { partnerId: hospital.id, personId: doctor.id }, k.staff));
  data(await k.call('recordVisit', { clientRequestId: crid(), partnerId: hospital.id, communityId: k.community.id, day: TODAY, met: '社区书记', raised: '想办健康讲座' }, k.contact));
  data(await k.call('recordVisit', { clientRequestId: crid(), partnerId: idle.id, communityId: k.community.id, day: dayBefore(30), met: '社区主任', raised: '个税申报' }, k.otherContact));

  const met = await k.postNeed({ kind: 'expert', title: '义诊' });
  const p1 = data(await k.claim(met.id, hospital.id)).project;
  const a1 = data(await k.call<ProjectView>('accept', k.ref(p1), k.staff));
  data(await k.call('close', { ...k.ref(a1), result: '服务 120 人次' }, k.staff));
  const ongoing = await k.postNeed({ kind: 'expert', title: '健康讲座' });
  const p2 = data(await k.claim(ongoing.id, hospital.id)).project;
  data(await k.call('accept', k.ref(p2), k.staff));
  await k.postNeed({ title: '还没人认领的需求' });
});
afterAll(() => k.h.close());

it('counts per partner and for the community, and names who has not visited this month', async () => {
  const f = data(await k.call<Out['figures']>('figures', { year: 2026 }, k.staff));
  expect(f.community).toMatchObject({ id: k.community.id, name: '阳光社区' });
  expect(f.rows.find((r) => r.partner.id === hospitalId)).toEqual({
    partner: { id: hospitalId, name: '市第一人民医院', kind: 'hospital', kindLabel: '医院' },
    resourcesOffered: 1,
    needsMet: 1,
    projectsOpen: 1,
    projectsDone: 1,
    visits: 1,
    membersLinked: 1,
  });
  expect(f.rows.find((r) => r.partner.id === idleId)).toMatchObject({ resourcesOffered: 1, needsMet: 0, projectsOpen: 0, projectsDone: 0, visits: 1, membersLinked: 0 });
  expect(f.total).toEqual({ resourcesOffered: 2, needsMet: 1, projectsOpen: 1, projectsDone: 1, visits: 2, membersLinked: 1, needsPosted: 3, partners: 2 });
  expect(f.notVisitedThisMonth.map((p) => p.id)).toEqual([idleId]);
  // Another year: nothing done then, and no "this month".
  const before = data(await k.call<Out['figures']>('figures', { year: 2025 }, k.staff));
  expect(before.total).toMatchObject({ needsMet: 0, projectsDone: 0, visits: 0, needsPosted: 0 });
  expect(before.notVisitedThisMonth).toEqual([]);
});

it('exports the year as .xlsx with four sheets', async () => {
  const file = data(await k.call<Out['export']>('export', { year: 2026 }, k.staff));
  expect(file).toMatchObject({ fileName: '阳光社区共建台账_2026年_2026-11-23.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.base64, 'base64') as never);
  const rows = (name: string) => {
    const out: unknown[][] = [];
    wb.getWorksheet(name)!.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
    return out;
  };
  expect(wb.worksheets.map((s) => s.name)).toEqual(['汇总', '共建单位', '项目', '走访']);
  const summary = rows('汇总');
  expect(summary[0][0]).toBe('阳光社区2026年共建单位台账（导出于 2026-11-23 09:00）');
  expect(summary.slice(1)).toEqual([
    ['项目', '数量'],
    ['共建单位', 2],
    ['发布需求', 3],
    ['提供资源', 2],
    ['满足需求', 1],
    ['进行中项目', 1],
    ['完成项目', 1],
    ['走访次数', 2],
    ['在职党员', 1],
    ['本月未走访的单位', '区税务局'],
  ]);
  const partners = rows('共建单位');
  expect(partners[1].slice(0, 3)).toEqual(['单位名称', '类型', '地址']);
  expect(partners.find((r) => r[0] === '市第一人民医院')).toEqual(['市第一人民医院', '医院', '幸福路 1 号', '钱联络', '13900001111', '2026-03-01', '长期', '每月义诊一次，开放活动室', 1, 1, 1, 1, 1, 1, '共建中']);
  const projects = rows('项目').slice(2);
  expect(projects.map((r) => [r[0], r[3], r[4]])).toEqual(
    expect.arrayContaining([
      ['义诊', '已完成', '义诊（已满足）'],
      ['健康讲座', '进行中', '健康讲座（已认领）'],
    ]),
  );
  expect(projects.find((r) => r[0] === '义诊')![10]).toBe('服务 120 人次');
  expect(rows('走访').slice(2).map((r) => [r[0], r[1], r[3]])).toEqual([
    [dayBefore(30), '区税务局', '个税申报'],
    [TODAY, '市第一人民医院', '想办健康讲座'],
  ]);
});

it('is staff’s only, and of their own community', async () => {
  expectFailure(await k.call('figures', { year: 2026, communityId: k.community.id }, k.farStaff), 'AUTH.FORBIDDEN', 'communityId');
  expectFailure(await k.call('export', { year: 2026 }, k.contact), 'AUTH.FORBIDDEN');
  expectFailure(await k.call('figures', { year: 2026 }, k.resident), 'AUTH.FORBIDDEN');
  expectFailure(await k.call('figures', { year: 1999 }, k.staff), 'INPUT.INVALID', 'year');
  const theirs = data(await k.call<Out['figures']>('figures', { year: 2026 }, k.farStaff));
  expect(theirs).toMatchObject({ community: { id: k.farCommunity.id }, rows: [], total: { partners: 0 } });
});
