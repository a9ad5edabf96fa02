import type { ImportPreview, Unit } from '../../src/core';
import type { Credentials } from '../../cloudfunctions/lib/identity';
import { data, expectFailure, harness, type Harness } from '../support/harness';
import { csvBytes as csv, previewFile } from './support/imports';

const RESIDENTS = ['姓名', '手机号', '所在楼栋', '角色'];

describe('import: names that name something, roles a unit can have', () => {
  let h: Harness;
  let community: Unit;
  let staff: Credentials;
  beforeAll(async () => {
    h = await harness({ residents: 5 });
    community = await h.unitNamed('阳光社区');
    staff = await h.as('shequ');
  });
  afterAll(() => h.close());

  const preview = async (kind: 'units' | 'residents', rows: string[][]) => data((await previewFile(h, staff, { kind, unitId: community.id, fileName: `${kind}.csv`, bytes: csv(rows) })).preview);
  const errorsOf = (p: ImportPreview) => p.errors.map((e) => [e.row, e.column, e.message]);

  it('refuses a person named only with emoji or symbols, and takes names with any letter', async () => {
    const rows = [
      RESIDENTS,
      ['😀😀', '13700000001', '幸福里小区/1号楼', ''],
      ['★☆★', '13700000002', '幸福里小区/1号楼', ''],
      ['123', '13700000003', '幸福里小区/1号楼', ''],
      ['王秀兰', '13700000004', '幸福里小区/1号楼', ''],
      ['Anna', '13700000005', '幸福里小区/1号楼', ''],
      ['阿依古丽·买买提', '13700000006', '幸福里小区/1号楼', ''],
    ];
    const { preview: previewed, input } = await previewFile(h, staff, { kind: 'residents', unitId: community.id, fileName: 'residents.csv', bytes: csv(rows) });
    const p = data(previewed);
    expect(errorsOf(p)).toEqual([
      [2, '姓名', '姓名“😀😀”里没有汉字或字母，请填写本人的姓名'],
      [3, '姓名', '姓名“★☆★”里没有汉字或字母，请填写本人的姓名'],
      [4, '姓名', '姓名“123”里没有汉字或字母，请填写本人的姓名'],
    ]);
    expect(p.willCreate).toEqual({ units: 0, people: 0, bindings: 0 });
    const people = await h.store.people.count();
    const commit = await h.call('management', 'importCommit', { ...input, digest: p.digest }, staff);
    expectFailure(commit, 'IMPORT.HAS_ERRORS');
    expect(!commit.ok && commit.message).toContain('没有汉字或字母');
    expect(await h.store.people.count()).toBe(people);
  });

  it('refuses a unit named only with emoji or symbols, and takes one named with a number', async () => {
    const p = await preview('units', [
      ['上级单位', '单位名称', '类型'],
      ['幸福里小区', '🏠🏠', '楼栋'],
      ['幸福里小区', '——', '楼栋'],
      ['幸福里小区', '12', '楼栋'],
    ]);
    expect(errorsOf(p)).toEqual([
      [2, '单位名称', '单位名称“🏠🏠”里没有汉字、字母或数字，请填写单位的名称'],
      [3, '单位名称', '单位名称“——”里没有汉字、字母或数字，请填写单位的名称'],
    ]);
  });

  it('says which roles a unit can have when a row gives it one it cannot', async () => {
    const p = await preview('residents', [
      RESIDENTS,
      ['周一', '13700000011', '幸福里小区', '楼栋长'],
      ['周二', '13700000012', '幸福里小区/1号楼', '物业'],
      ['周三', '13700000013', '幸福里小区', '物业'],
      ['周四', '13700000014', '幸福里小区/1号楼', '组长'],
      ['周五', '13700000015', '幸福里小区/1号楼', '楼栋长'],
    ]);
    expect(errorsOf(p)).toEqual([
      [2, '所在楼栋', '“幸福里小区”是小区，不是楼栋：楼栋长只能设在楼栋。小区上可以设的角色是小区党支部书记、物业、党员、志愿者，请在“单位与人员”中选中这个单位，在“人员与角色”里添加'],
      [3, '角色', '物业只能设在小区，不能设在楼栋“1号楼”；楼栋上可以填：居民、楼栋长'],
      [4, '角色', '这张表只导入楼栋上的居民、楼栋长；小区“幸福里小区”的物业请在“单位与人员”中选中这个单位，在“人员与角色”里添加'],
      [5, '角色', '角色“组长”不对，楼栋上可以填：居民、楼栋长（留空为居民）'],
    ]);
  });
});
