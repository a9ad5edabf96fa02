/**
 * The building's WeChat group: bound by a lead of that very building from a card opened in the
 * group, rebound, unbound, each audited without the openGId in clear; a page opened in a group
 * learns which building it is bound to. Every refusal writes nothing. Cards: groups-card.test.ts;
 * registering from a group: registration-group.test.ts.
 */
import { groupDigest } from '../../cloudfunctions/lib/actions/groups/read';
import { data, expectFailure } from '../support/harness';
import { expiredCloudID, forgedCloudID, freshGroup, groupsKit, inGroup, type GroupsKit } from './support/groups';

let k: GroupsKit;
beforeAll(async () => {
  k = await groupsKit();
});
afterAll(() => k.h.close());

/** The audit entries of `action` about a unit (the clock stands still: their order is not told by time). */
const auditOf = (unitId: string, action: string) => k.h.store.audit.search({ targetId: unitId, action }, 50);
/** The one entry of `action` about the unit naming `group`. */
async function entryFor(unitId: string, action: string, group: string) {
  const found = (await auditOf(unitId, action)).filter((e) => e.detail.group === groupDigest(group));
  expect(found).toHaveLength(1);
  return found[0];
}

describe('binding a group', () => {
  afterEach(async () => {
    for (const b of [k.building, k.otherBuilding]) await k.h.store.units.setGroup(b.id, null, 0);
  });

  it('stores the group on the building, answered with its trail, and audits it by a digest', async () => {
    const group = freshGroup();
    const bound = data(await k.bind(k.building.id, inGroup(group)));
    expect(bound.building).toEqual({ id: k.building.id, name: '1号楼', kind: 'building', path: k.building.path, trail: '阳光社区 幸福里小区 1号楼' });
    expect(await k.groupOn(k.building.id)).toBe(group);
    const entry = await entryFor(k.building.id, 'groups.bind', group);
    expect(entry).toMatchObject({ actorId: expect.any(String), targetKind: 'unit', unitPath: k.building.path, detail: { group: expect.stringMatching(/^\S{12}$/), replaced: null } });
    expect(JSON.stringify(entry)).not.toContain(group);
  });

  it('binds the group it has already without writing anything', async () => {
    const group = freshGroup();
    data(await k.bind(k.building.id, inGroup(group)));
    const again = await k.writesNothing(async () => data(await k.bind(k.building.id, inGroup(group))));
    expect(again.building.id).toBe(k.building.id);
  });

  it('replaces the old group when the lead binds another, and says which it replaced', async () => {
    const [first, second] = [freshGroup(), freshGroup()];
    data(await k.bind(k.building.id, inGroup(first)));
    data(await k.bind(k.building.id, inGroup(second)));
    expect(await k.groupOn(k.building.id)).toBe(second);
    expect(await k.h.store.units.findByGroupId(first)).toBeNull();
    expect((await entryFor(k.building.id, 'groups.bind', second)).detail).toMatchObject({ replaced: groupDigest(first) });
    expect(groupDigest(first)).not.toBe(groupDigest(second));
    // The old group is free for its own building again.
    expect(data(await k.bind(k.otherBuilding.id, inGroup(first), k.otherLead)).building.id).toBe(k.otherBuilding.id);
  });

  it('refuses a group another building holds, naming that building, and writes nothing', async () => {
    const group = freshGroup();
    data(await k.bind(k.otherBuilding.id, inGroup(group), k.otherLead));
    const r = await k.writesNothing(() => k.bind(k.building.id, inGroup(group)));
    expectFailure(r, 'GROUP.BOUND_ELSEWHERE', 'cloudID');
    expect(!r.ok && r.message).toContain('2号楼');
    expect(await k.groupOn(k.otherBuilding.id)).toBe(group);
  });

  it('takes a group still on an archived building, which nobody could unbind there', async () => {
    const group = freshGroup();
    const old = data(await k.h.call<{ id: string; version: number }>('units', 'create', { parentId: k.building.parentId, kind: 'building', name: '拆迁楼' }, await k.h.as('shequ')));
    await k.h.store.units.setGroup(old.id, group, 0);
    const archived = (await k.h.store.units.update(old.id, (await k.h.store.units.get(old.id))!.version, { archived: true }, 0))!;
    expect(archived.archived).toBe(true);
    data(await k.bind(k.building.id, inGroup(group)));
    expect(await k.groupOn(k.building.id)).toBe(group);
    expect(await k.groupOn(old.id)).toBeNull();
    expect((await entryFor(old.id, 'groups.unbind', group)).detail).toMatchObject({ archived: true });
  });

  describe('by anyone but a lead of that building', () => {
    it.each([
      ['a lead of another building', () => k.otherLead],
      ['a resident of the building', () => k.neighbour],
      ['community staff', () => k.h.as('shequ')],
      ['the compound’s secretary', () => k.h.as('zhibu')],
    ])('refuses %s with AUTH.FORBIDDEN, before WeChat is asked, and writes nothing', async (_who, cred) => {
      const asked = jest.spyOn(k.h.deps.openData, 'groupOf');
      const c = await cred();
      await k.writesNothing(async () => expectFailure(await k.bind(k.building.id, inGroup(freshGroup()), c), 'AUTH.FORBIDDEN'));
      await k.writesNothing(async () => expectFailure(await k.unbind(k.building.id, c), 'AUTH.FORBIDDEN'));
      expect(asked).not.toHaveBeenCalled();
      asked.mockRestore();
    });

    it('refuses a WeChat user nobody knows', async () => {
      await k.writesNothing(async () => expectFailure(await k.bind(k.building.id, inGroup(freshGroup()), { openid: 'o-nobody' }), 'AUTH.NOT_REGISTERED'));
    });
  });

  it('refuses an unknown building and a compound', async () => {
    await k.writesNothing(async () => expectFailure(await k.bind('unit_nowhere', inGroup(freshGroup())), 'UNIT.NOT_FOUND', 'buildingId'));
    await k.writesNothing(async () => expectFailure(await k.bind(k.building.parentId!, inGroup(freshGroup()), await k.h.as('zhibu')), 'AUTH.FORBIDDEN'));
  });

  it.each([
    ['an expired cloudID', expiredCloudID, 'GROUP.EXPIRED'],
    ['a cloudID WeChat does not know', forgedCloudID, 'GROUP.UNREADABLE'],
  ])('refuses %s, says to open the card in the group again, logs why, and writes nothing', async (_what, cloudID, code) => {
    const logged = jest.spyOn(k.h.deps.log, 'info');
    const r = await k.writesNothing(() => k.bind(k.building.id, cloudID()));
    expectFailure(r, code, 'cloudID');
    expect(!r.ok && r.message).toMatch(/群里|楼栋群/);
    expect(logged).toHaveBeenCalledWith('group not read', expect.objectContaining({ reason: code === 'GROUP.EXPIRED' ? 'expired' : 'invalid', for: 'groups.bind' }));
    logged.mockRestore();
  });

  it('refuses every cloudID on a host that does not simulate WeChat', async () => {
    const { localOpenData } = await import('../../cloudfunctions/lib/ports/open-data');
    const real = k.h.deps.openData;
    k.h.deps.openData = localOpenData({ devWechat: false });
    try {
      await k.writesNothing(async () => expectFailure(await k.bind(k.building.id, inGroup(freshGroup())), 'GROUP.UNREADABLE'));
    } finally {
      k.h.deps.openData = real;
    }
  });
});

describe('unbinding a group', () => {
  it('takes the group off the building, audited; the group may then be bound elsewhere', async () => {
    const group = freshGroup();
    data(await k.bind(k.building.id, inGroup(group)));
    expect(data(await k.unbind(k.building.id)).building.id).toBe(k.building.id);
    expect(await k.groupOn(k.building.id)).toBeNull();
    expect(await entryFor(k.building.id, 'groups.unbind', group)).toMatchObject({ targetKind: 'unit', unitPath: k.building.path });
    data(await k.bind(k.otherBuilding.id, inGroup(group), k.otherLead));
    await k.h.store.units.setGroup(k.otherBuilding.id, null, 0);
  });

  it('refuses a building with no group, and writes nothing', async () => {
    await k.writesNothing(async () => expectFailure(await k.unbind(k.building.id), 'GROUP.NOT_BOUND', 'buildingId'));
  });
});

describe('a page opened in a group', () => {
  const group = freshGroup();
  beforeAll(async () => {
    data(await k.bind(k.building.id, inGroup(group)));
  });
  afterAll(async () => {
    await k.h.store.units.setGroup(k.building.id, null, 0);
  });

  it('learns the building the group is bound to, whoever opened it, and writes nothing', async () => {
    const entered = await k.writesNothing(async () => data(await k.enter(inGroup(group), { openid: 'o-just-arrived' })));
    expect(entered).toEqual({ building: { id: k.building.id, name: '1号楼', kind: 'building', path: k.building.path, trail: '阳光社区 幸福里小区 1号楼' }, mayBindTo: [] });
  });

  it('offers a lead the buildings they lead whose group it is not', async () => {
    expect(data(await k.enter(inGroup(group), k.lead))).toMatchObject({ building: { id: k.building.id }, mayBindTo: [] });
    expect(data(await k.enter(inGroup(group), k.otherLead))).toMatchObject({
      building: { id: k.building.id },
      mayBindTo: [{ id: k.otherBuilding.id, name: '2号楼', trail: '阳光社区 幸福里小区 2号楼' }],
    });
  });

  it('learns that a group is bound to no building, and a lead may bind it', async () => {
    expect(data(await k.enter(inGroup(freshGroup()), k.neighbour))).toEqual({ building: null, mayBindTo: [] });
    expect(data(await k.enter(inGroup(freshGroup()), k.lead))).toMatchObject({ building: null, mayBindTo: [{ id: k.building.id }] });
  });

  it.each([
    ['an expired cloudID', expiredCloudID, 'GROUP.EXPIRED'],
    ['one that cannot be read', forgedCloudID, 'GROUP.UNREADABLE'],
  ])('is told of %s, and that the person can choose their building instead', async (_what, cloudID, code) => {
    const r = await k.writesNothing(() => k.enter(cloudID()));
    expectFailure(r, code, 'cloudID');
    expect(!r.ok && r.message).toContain('扫楼栋长给的楼栋码');
  });
});
