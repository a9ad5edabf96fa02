/**
 * Who sees what of the members: the branch secretary and community staff see the roster with phones
 * and the branch of origin (and export it as .xlsx), the street sees only the counts, a member sees
 * their own record, and nobody else anything — each refused with what they can do instead. The
 * check-in points' codes show their scans and check-ins.
 */
import ExcelJS from 'exceljs';
import type { Outputs } from '../../src/core';
import type { Credentials } from '../../cloudfunctions/lib/identity';
import { data, expectFailure } from '../support/harness';
import { membersKit, stranger, type MembersKit } from './support/members';

let k: MembersKit;
/** The members this file checks in: names by what the tests look for. */
let ours: { retired: string; veteran: string; direct: string; other: string; pending: string; member: Credentials };
beforeAll(async () => {
  k = await membersKit();
  const retired = await k.member({ name: '孔退休', memberType: 'retired', skills: ['法律咨询'], services: ['矛盾调解'], freeTime: '工作日白天', workUnit: '市法院（已退休）' });
  const veteran = await k.member({ name: '曹老兵', memberType: 'in_service', veteran: true, skills: ['驾驶', '水电维修'], branch: { name: '市交通局机关第二党支部', place: '本市' } });
  const direct = await k.member({ name: '严直管', memberType: 'direct' }, k.community);
  const other = await k.member({ name: '华别处', memberType: 'mobile' }, k.otherCompound);
  const pending = data(await k.submit({ codeId: (await k.code()).id, name: '金待审', memberType: 'retired' }, stranger()));
  ours = { retired: retired.checkin.id, veteran: veteran.checkin.id, direct: direct.checkin.id, other: other.checkin.id, pending: pending.checkin.id, member: retired.wx };
});
afterAll(() => k.h.close());

const roster = (cred: Credentials, filter: Record<string, unknown> = {}) => k.h.call<Outputs['members']['roster']>('members', 'roster', filter, cred);
const ids = async (cred: Credentials, filter: Record<string, unknown> = {}) => data(await roster(cred, filter)).rows.map((r) => r.id);

describe('the roster', () => {
  it('shows the branch secretary their compound’s members, with phones and the branch of origin', async () => {
    const rows = data(await roster(k.secretary)).rows;
    expect(rows.map((r) => r.id).sort()).toEqual([ours.retired, ours.veteran].sort());
    expect(rows.find((r) => r.id === ours.veteran)).toMatchObject({
      name: '曹老兵',
      phone: expect.stringMatching(/^1\d{10}$/),
      branch: { name: '市交通局机关第二党支部', place: '本市' },
      veteran: true,
      skills: ['驾驶', '水电维修'],
    });
  });

  it('shows the community secretary and community staff every member of the community, filtered by type, skills, status and the veteran tag', async () => {
    for (const cred of [k.communitySecretary, await k.h.as('shequ')]) {
      expect((await ids(cred)).sort()).toEqual([ours.retired, ours.veteran, ours.direct, ours.other].sort());
    }
    const shuji = k.communitySecretary;
    expect((await ids(shuji, { types: ['retired', 'direct'] })).sort()).toEqual([ours.retired, ours.direct].sort());
    expect(await ids(shuji, { skills: ['水电维修', '外语'] })).toEqual([ours.veteran]);
    expect(await ids(shuji, { veteran: true })).toEqual([ours.veteran]);
    expect(await ids(shuji, { statuses: ['pending'] })).toEqual([ours.pending]);
    expect(await ids(shuji, { unitId: k.otherCompound.id })).toEqual([ours.other]);
    const page = data(await roster(shuji, { limit: 2, offset: 1 }));
    expect(page).toMatchObject({ total: 4, rows: [expect.anything(), expect.anything()] });
  });

  it('shows a secretary of another compound only theirs, and refuses them this one', async () => {
    expect(await ids(k.otherSecretary.cred)).toEqual([ours.other]);
    await k.writesNothing(async () => expectFailure(await roster(k.otherSecretary.cred, { unitId: k.compound.id }), 'AUTH.FORBIDDEN', 'unitId'));
  });

  it('shows a member only their own record, in 我的报到; a resident, a volunteer, a lead and the street nothing of it — each told what to do', async () => {
    const member = await roster(ours.member);
    expectFailure(member, 'AUTH.FORBIDDEN');
    if (!member.ok) expect(member.message).toMatch(/我的报到/);
    const own = data(await k.mine(ours.member)).checkins;
    expect(own.map((c) => c.id)).toEqual([ours.retired]);
    expect(own[0].phone).toMatch(/\*{4}/);

    for (const username of ['jumin', 'zhiyuan', 'louzhang', 'jiedao']) {
      const cred = await k.h.as(username);
      await k.writesNothing(async () => {
        const r = await roster(cred);
        expectFailure(r, 'AUTH.FORBIDDEN');
        if (!r.ok) expect(r.message).toMatch(/党员报到码/);
        expectFailure(await k.h.call('members', 'export', {}, cred), 'AUTH.FORBIDDEN');
      });
    }
    // A resident has no check-in of their own: none, and how to check in.
    expect(data(await k.mine(await k.h.as('jumin')))).toEqual({ checkins: [], howToCheckIn: expect.stringContaining('报到码') });
    expectFailure(await k.h.call('members', 'mine', {}), 'AUTH.REQUIRED');
  });
});

describe('the counts', () => {
  it('counts members by type per unit, with veterans and the total; the street sees them too, a resident does not', async () => {
    const counts = data(await k.h.call<Outputs['members']['counts']>('members', 'counts', {}, k.communitySecretary));
    const row = (id: string) => counts.rows.find((r) => r.unit.id === id)!;
    expect(row(k.compound.id)).toMatchObject({ byType: { in_service: 1, retired: 1, mobile: 0, direct: 0 }, veterans: 1, total: 2, trail: '阳光社区 幸福里小区' });
    expect(row(k.community.id)).toMatchObject({ byType: { direct: 1 }, total: 1 });
    expect(row(k.otherCompound.id)).toMatchObject({ byType: { mobile: 1 }, total: 1 });
    expect(counts.total).toEqual({ byType: { in_service: 1, retired: 1, mobile: 1, direct: 1 }, veterans: 1, total: 4 });

    const street = data(await k.h.call<Outputs['members']['counts']>('members', 'counts', { unitId: k.community.id }, await k.h.as('jiedao')));
    expect(street.total.total).toBe(4);
    const mine = data(await k.h.call<Outputs['members']['counts']>('members', 'counts', {}, k.secretary));
    expect(mine.rows.map((r) => r.unit.id)).toEqual([k.compound.id]);
    expectFailure(await k.h.call('members', 'counts', {}, await k.h.as('jumin')), 'AUTH.FORBIDDEN');
    expectFailure(await k.h.call('members', 'counts', { unitId: k.compound.id }, k.otherSecretary.cred), 'AUTH.FORBIDDEN', 'unitId');
  });
});

describe('the export', () => {
  it('opens as an .xlsx with a row per member (phones whole, as text) and the counts by type', async () => {
    const file = data(await k.h.call<Outputs['members']['export']>('members', 'export', {}, k.communitySecretary));
    expect(file).toMatchObject({ fileName: expect.stringMatching(/^阳光社区党员花名册_2026-11-23\.xlsx$/), mimeType: expect.stringContaining('spreadsheetml') });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as never);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['党员花名册', '按类型统计']);
    const sheet = wb.getWorksheet('党员花名册')!;
    expect(String(sheet.getCell(1, 1).value)).toMatch(/阳光社区党员花名册/);
    const header = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(['姓名', '手机号', '党员类型', '退役军人', '组织关系所在党支部', '特长']));
    const rows: Record<string, unknown>[] = [];
    sheet.eachRow((r, n) => {
      if (n > 2) rows.push(Object.fromEntries(header.map((h, i) => [h, r.getCell(i + 1).value])));
    });
    expect(rows.map((r) => r['姓名']).sort()).toEqual(['华别处', '严直管', '孔退休', '曹老兵'].sort());
    const veteran = rows.find((r) => r['姓名'] === '曹老兵')!;
    expect(veteran).toMatchObject({ 党员类型: '在职', 退役军人: '是', 组织关系所在党支部: '市交通局机关第二党支部', 特长: '驾驶、水电维修', 状态: '已报到' });
    expect(veteran['手机号']).toMatch(/^1\d{10}$/);
    const counts = wb.getWorksheet('按类型统计')!;
    const last = (counts.getRow(counts.rowCount).values as unknown[]).slice(1);
    expect(last).toEqual(['合计', 1, 1, 1, 1, 1, 4]);

    const retiredOnly = data(await k.h.call<Outputs['members']['export']>('members', 'export', { types: ['retired'], unitId: k.compound.id }, k.secretary));
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(Buffer.from(retiredOnly.base64, 'base64') as never);
    expect(wb2.getWorksheet('党员花名册')!.rowCount).toBe(3);
    expect(wb2.getWorksheet('党员花名册')!.getCell(3, 2).value).toBe('孔退休');
  });
});

describe('the check-in points’ codes', () => {
  it('lists each member code under the unit with its scans and check-ins by status, for those who make member codes', async () => {
    const gate = await k.code(k.compound, { label: '北门报到点' });
    data(await k.h.call('codes', 'resolve', { id: gate.id }, stranger()));
    const sent = data(await k.submit({ codeId: gate.id, name: '窦北门' }, stranger()));
    data(await k.giveBack(sent.checkin, '信息不全'));
    data(await k.submit({ codeId: gate.id, name: '章北门' }, stranger()));

    const listed = data(await k.h.call<Outputs['members']['codes']>('members', 'codes', { unitId: k.community.id }, k.communitySecretary));
    expect(listed.unit.id).toBe(k.community.id);
    expect(listed.codes.every((c) => c.purpose === 'member')).toBe(true);
    expect(new Set(listed.codes.map((c) => c.unit.id))).toEqual(new Set([k.compound.id, k.community.id, k.otherCompound.id]));
    expect(listed.codes.find((c) => c.id === gate.id)).toMatchObject({
      label: '北门报到点',
      scans: 1,
      uses: 1,
      checkins: { pending: 1, approved: 0, returned: 1, transferred_out: 0, withdrawn: 0 },
    });
    const compoundOnly = data(await k.h.call<Outputs['members']['codes']>('members', 'codes', { unitId: k.compound.id }, k.secretary));
    expect(compoundOnly.codes.every((c) => c.unit.id === k.compound.id)).toBe(true);
    for (const cred of [await k.h.as('louzhang'), await k.h.as('jumin'), ours.member, k.otherSecretary.cred]) {
      expectFailure(await k.h.call('members', 'codes', { unitId: k.compound.id }, cred), 'AUTH.FORBIDDEN');
    }
  });
});
