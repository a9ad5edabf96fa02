/**
 * Leaving (注销) on CloudBase, through dispatch and the unmodified node-sdk answered in-process:
 * afterwards nothing of the person's name, phone or openid is found through people search, report
 * views, the desk or the ledger export (the SQLite side and a member's 转出: leave.test.ts).
 */
import ExcelJS from 'exceljs';
import { LEFT_PERSON_NAME, type DeskPage, type FileDownload, type LeaveConfirmation, type Left, type Person, type PersonView, type ReportDetail } from '../../src/core';
import { cloudbase, cloudbaseDemo } from '../support/cloudbase-demo';
import { data, expectFailure } from '../support/harness';

const cloud = cloudbase();

it('leaves a resident on CloudBase: no search, report view, desk row or ledger names them afterwards', async () => {
  const { store, call, as } = await cloudbaseDemo(cloud, 'leave_');
  const [lead, staff] = [await as('louzhang'), await as('shequ')];

  const units = await store.units.listSubtree('/');
  const compound = units.find((u) => u.name === '幸福里小区')!;
  const home = units.find((u) => u.name === '1号楼' && u.parentId === compound.id)!;
  const me: Person = { id: 'per_leavecb', name: '郑云端', phone: '13712340099', username: null, openid: 'o-leave-cloud', demo: false, createdInUnitId: home.id, version: 1, createdAt: 0, updatedAt: 0 };
  await store.people.insert(me, null);
  await store.bindings.insert({ id: 'bnd_leavecb', personId: me.id, unitId: home.id, role: 'resident', createdAt: 0, createdBy: null });
  const cred = { openid: me.openid };
  const own = data(await call<{ report: ReportDetail }>('reports', 'create', { clientRequestId: 'leave-cb-own', unitId: home.id, category: 'noise', description: '楼上半夜装修' }, cred)).report;
  const forMe = data(
    await call<{ report: ReportDetail }>('reports', 'create', { clientRequestId: 'leave-cb-for', unitId: home.id, category: 'noise', description: '楼道堆放杂物', channel: 'group_chat', residentId: me.id, contactName: me.name, contactPhone: me.phone! }, lead),
  ).report;
  expect(data(await call<PersonView[]>('people', 'search', { q: me.name }, staff)).map((p) => p.id)).toEqual([me.id]);

  const { token } = data(await call<LeaveConfirmation>('people', 'askToLeave', {}, cred));
  expect(data(await call<Left>('people', 'leave', { token }, cred))).toMatchObject({ left: true, reportsKept: 2, bindingsRemoved: 1 });
  expectFailure(await call('people', 'ownData', {}, cred), 'AUTH.NOT_REGISTERED');
  expect(await store.people.findByOpenid(me.openid!)).toBeNull();

  const secrets = [me.name, me.phone!, me.openid!];
  const hidden = (x: unknown) => secrets.forEach((s) => expect(JSON.stringify(x)).not.toContain(s));
  for (const q of [me.name, me.phone!]) expect(data(await call<PersonView[]>('people', 'search', { q }, staff))).toEqual([]);
  for (const r of [own, forMe]) {
    const seen = data(await call<ReportDetail>('reports', 'detail', { id: r.id }, lead));
    expect(JSON.stringify(seen)).toContain(LEFT_PERSON_NAME);
    hidden(seen);
  }
  const desk = data(await call<DeskPage>('management', 'list', { filter: { unitId: compound.id } }, staff));
  expect(desk.rows.filter((r) => r.id === own.id || r.id === forMe.id).map((r) => r.residentName)).toEqual([LEFT_PERSON_NAME, LEFT_PERSON_NAME]);
  hidden(desk);
  const file = data(await call<FileDownload>('management', 'ledger', { unitId: compound.id, from: '2026-11-23', to: '2026-11-23' }, staff));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.base64, 'base64') as never);
  const cells: string[] = [];
  wb.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((c) => void cells.push(String(c.value ?? '')))));
  expect(cells.join('\n')).toContain('楼上半夜装修');
  secrets.forEach((s) => expect(cells.join('\n')).not.toContain(s));
  hidden(await store.audit.listForTarget(me.id, 20));
});
