/**
 * A report shared to its building's group as a card: opened inside the group bound to the report's
 * building, it reads as its public view (what a neighbour reads: never the resident's name, even of
 * a named report), with +1 for a resident of the building and the way in for a stranger; opened
 * anywhere else (another group, outside any group, with a cloudID that cannot be read) it says only
 * that a report exists. Opening a card writes nothing.
 */
import type { Outputs, ReportCard } from '../../src/core';
import { data, expectFailure } from '../support/harness';
import { expiredCloudID, forgedCloudID, freshGroup, groupsKit, inGroup, wechatPerson, type GroupsKit } from './support/groups';

type Created = Outputs['reports']['create'];
const NAME = '孙福贵';
const PHONE = '13800000007';

let k: GroupsKit;
const group = freshGroup();
let req = 0;

beforeAll(async () => {
  k = await groupsKit();
  data(await k.bind(k.building.id, inGroup(group)));
});
afterAll(() => k.h.close());

/** A report filed by the demo resident 孙福贵 of 1号楼. */
async function file(extra: Record<string, unknown> = {}) {
  const input = { clientRequestId: `card-request-${++req}`, unitId: k.building.id, category: 'noise', description: '楼上每天半夜装修，吵得睡不着', ...extra };
  return data(await k.h.call<Created>('reports', 'create', input, await k.h.as('jumin'))).report;
}

const outside = { inGroup: false, exists: true, categoryName: '噪音扰民' };

describe('a card opened in the group bound to the report’s building', () => {
  it('reads as the public view: category, place and status, and nothing of who filed a named report', async () => {
    const r = await file();
    const card = await k.writesNothing(async () => data(await k.card(r.id, inGroup(group), { openid: 'o-passer-by' })));
    expect(card).toMatchObject({
      inGroup: true,
      report: { id: r.id, categoryName: '噪音扰民', place: '幸福里小区 1号楼', status: 'submitted', statusLabel: expect.any(String), description: '楼上每天半夜装修，吵得睡不着' },
      building: { id: k.building.id, trail: '阳光社区 幸福里小区 1号楼' },
      // A WeChat user nobody knows: offered the way in, not +1.
      registered: false,
      mayFollow: false,
      following: false,
    });
    expect(JSON.stringify(card)).not.toContain(NAME);
    expect(JSON.stringify(card)).not.toContain(PHONE);
  });

  it('reads an anonymous report the same way', async () => {
    const r = await file({ anonymous: true });
    const card = data(await k.card(r.id, inGroup(group), k.neighbour));
    expect(card.inGroup).toBe(true);
    expect(JSON.stringify(card)).not.toContain(NAME);
  });

  it('offers +1 to a resident of the building, and says when they follow it already', async () => {
    const r = await file();
    expect(data(await k.card(r.id, inGroup(group), k.neighbour))).toMatchObject({ inGroup: true, registered: true, mayFollow: true, following: false });
    data(await k.h.call('reports', 'follow', { id: r.id }, k.neighbour));
    expect(data(await k.card(r.id, inGroup(group), k.neighbour))).toMatchObject({ inGroup: true, mayFollow: false, following: true });
  });

  it('offers +1 to nobody who cannot give it: the resident who filed it, the lead, a resident of another building', async () => {
    const r = await file();
    const elsewhere = await wechatPerson(k.h, '郑隔壁', 'resident', k.otherBuilding.id);
    for (const cred of [await k.h.as('jumin'), k.lead, elsewhere])
      expect(data(await k.card(r.id, inGroup(group), cred))).toMatchObject({ inGroup: true, registered: true, mayFollow: false, following: false });
  });

  it('offers no +1 on a report that is no longer open', async () => {
    const r = await file();
    const lead = k.lead;
    const version = (await k.h.store.reports.get(r.id))!.version;
    data(await k.h.call('reports', 'resolve', { id: r.id, version, note: '已和楼上沟通' }, lead));
    expect(data(await k.card(r.id, inGroup(group), k.neighbour))).toMatchObject({ inGroup: true, report: { status: 'resolved' }, mayFollow: false });
  });
});

describe('a card opened anywhere else says only that a report exists', () => {
  it.each([
    ['in another group', () => inGroup(freshGroup())],
    ['outside any group (no cloudID)', () => undefined],
    ['outside any group (a null cloudID)', () => null],
    ['with an expired cloudID', expiredCloudID],
    ['with a cloudID that cannot be read', forgedCloudID],
  ])('%s', async (_where, cloudID) => {
    const r = await file();
    const card = await k.writesNothing(async () => data(await k.card(r.id, cloudID(), k.neighbour)));
    expect(card).toEqual(outside);
  });

  it('when the report’s building has no group bound', async () => {
    const other = freshGroup();
    const elsewhere = await wechatPerson(k.h, '冯二号', 'resident', k.otherBuilding.id);
    const input = { clientRequestId: `card-request-${++req}`, unitId: k.otherBuilding.id, category: 'noise', description: '二号楼楼道里堆满杂物' };
    const r = data(await k.h.call<Created>('reports', 'create', input, elsewhere)).report;
    const asked = jest.spyOn(k.h.deps.openData, 'groupOf');
    expect(data(await k.card(r.id, inGroup(other), elsewhere))).toEqual(outside);
    // Nothing a group could show: WeChat is not asked.
    expect(asked).not.toHaveBeenCalled();
    asked.mockRestore();
  });

  it('for a report of the compound’s common area, which no building’s group shows', async () => {
    const r = await file({ unitId: k.building.parentId, category: 'lift', description: '3号电梯又停了，老人下不了楼' });
    expect(data(await k.card(r.id, inGroup(group), k.neighbour))).toEqual<ReportCard>({ inGroup: false, exists: true, categoryName: '电梯故障' });
  });
});

it('refuses a report that does not exist, in the group or not', async () => {
  await k.writesNothing(async () => expectFailure(await k.card('rep_nowhere', inGroup(group)), 'REPORT.NOT_FOUND', 'reportId'));
  expectFailure(await k.card('rep_nowhere', undefined), 'REPORT.NOT_FOUND', 'reportId');
});
