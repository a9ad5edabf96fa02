import type { BindingView, PersonView, Unit } from '../../src/core';
import { data, expectFailure, harness, type Harness } from '../support/harness';

describe('managing the unit tree', () => {
  let h: Harness;
  let audits: () => Promise<number>;
  beforeEach(async () => {
    h = await harness();
    audits = async () => {
      const units = await h.allUnits();
      let n = 0;
      for (const u of units) n += (await h.store.audit.listForTarget(u.id, 1000)).length;
      return n;
    };
  });
  afterEach(() => h.close());

  /** Asserts that a failing call changed neither the units nor the audit log. */
  async function writesNothing(run: () => Promise<unknown>) {
    const before = JSON.stringify(await h.allUnits());
    const auditBefore = await audits();
    await run();
    expect(JSON.stringify(await h.allUnits())).toBe(before);
    expect(await audits()).toBe(auditBefore);
  }

  it('shows community staff the whole community and a resident only their building', async () => {
    const staff = data(await h.call<{ units: Unit[] }>('units', 'tree', {}, await h.as('shuji')));
    expect(staff.units[0].name).toBe('阳光社区');
    expect(staff.units.filter((u) => u.kind === 'compound')).toHaveLength(4);
    expect(staff.units.filter((u) => u.kind === 'building')).toHaveLength(35);
    const resident = data(await h.call<{ units: Unit[] }>('units', 'tree', {}, await h.as('jumin')));
    expect(resident.units.map((u) => u.name)).toEqual(['1号楼']);
  });

  it('adds a building under a compound and records who did it', async () => {
    const compound = await h.unitNamed('幸福里小区');
    const cred = await h.as('shuji');
    const b = data(await h.call<Unit>('units', 'create', { parentId: compound.id, kind: 'building', name: ' 9号楼 ' }, cred));
    expect(b).toMatchObject({ name: '9号楼', kind: 'building', parentId: compound.id, path: `${compound.path}${b.id}/`, version: 1 });
    const [entry] = await h.store.audit.listForTarget(b.id, 5);
    expect(entry).toMatchObject({ action: 'units.create', targetKind: 'unit' });
    const me = (await h.store.people.findByUsername('shuji'))!;
    expect(entry.actorId).toBe(me.id);
  });

  it('refuses a kind that cannot sit under the parent, and a name already taken', async () => {
    const compound = await h.unitNamed('幸福里小区');
    const cred = await h.as('shuji');
    await writesNothing(async () => {
      expectFailure(await h.call('units', 'create', { parentId: compound.id, kind: 'community', name: '新社区' }, cred), 'UNIT.BAD_PARENT', 'kind');
      expectFailure(await h.call('units', 'create', { parentId: compound.id, kind: 'building', name: '1号楼' }, cred), 'UNIT.NAME_TAKEN', 'name');
      expectFailure(await h.call('units', 'create', { parentId: 'nope', kind: 'building', name: 'x' }, cred), 'UNIT.NOT_FOUND', 'parentId');
    });
  });

  it('renames with the version read, and refuses a stale version without writing', async () => {
    const b = await h.unitNamed('2号楼', '幸福里小区');
    const cred = await h.as('shequ');
    const renamed = data(await h.call<Unit>('units', 'rename', { id: b.id, name: '二号楼', version: b.version }, cred));
    expect(renamed).toMatchObject({ name: '二号楼', version: b.version + 1 });
    await writesNothing(async () => {
      expectFailure(await h.call('units', 'rename', { id: b.id, name: '贰号楼', version: b.version }, cred), 'CONFLICT.VERSION');
    });
  });

  it('lets one of two staff renaming at once win; the other gets a conflict', async () => {
    const b = await h.unitNamed('3号楼', '幸福里小区');
    const [r1, r2] = await Promise.all([
      h.call('units', 'rename', { id: b.id, name: '三号楼', version: b.version }, await h.as('shuji')),
      h.call('units', 'rename', { id: b.id, name: '叁号楼', version: b.version }, await h.as('shequ')),
    ]);
    expect([r1.ok, r2.ok].sort()).toEqual([false, true]);
    expectFailure(r1.ok ? r2 : r1, 'CONFLICT.VERSION');
  });

  it('moves a building to another compound, carrying its residents along', async () => {
    const b = await h.unitNamed('8号楼', '幸福里小区');
    const target = await h.unitNamed('锦绣家园');
    const cred = await h.as('shuji');
    const moved = data(await h.call<Unit>('units', 'move', { id: b.id, parentId: target.id, version: b.version }, cred));
    expect(moved.path).toBe(`${target.path}${b.id}/`);
    expect(moved.name).toBe('8号楼');
    const residents = data(await h.call<BindingView[]>('units', 'bindings', { unitId: b.id }, cred));
    expect(residents.length).toBeGreaterThan(0);
    const inTarget = data(await h.call<{ units: Unit[] }>('units', 'tree', { rootId: target.id }, cred));
    expect(inTarget.units.map((u) => u.name)).toContain('8号楼');
  });

  it('refuses to move a unit under its own descendant, and a building whose name is taken there', async () => {
    const compound = await h.unitNamed('和平新村');
    const grid = await h.unitNamed('第1网格', '和平新村');
    const b1 = await h.unitNamed('1号楼', '幸福里小区');
    const cred = await h.as('jiedao');
    await writesNothing(async () => {
      expectFailure(await h.call('units', 'move', { id: compound.id, parentId: grid.id, version: compound.version }, cred), 'UNIT.CYCLE', 'parentId');
      expectFailure(await h.call('units', 'move', { id: compound.id, parentId: compound.id, version: compound.version }, cred), 'UNIT.CYCLE', 'parentId');
      const other = await h.unitNamed('阳光花园');
      expectFailure(await h.call('units', 'move', { id: b1.id, parentId: other.id, version: b1.version }, cred), 'UNIT.NAME_TAKEN', 'parentId');
      expectFailure(await h.call('units', 'move', { id: b1.id, parentId: b1.parentId, version: b1.version + 5 }, cred), 'CONFLICT.VERSION');
    });
  });

  it('archives an empty unit, but not one with live children nor the street', async () => {
    const compound = await h.unitNamed('锦绣家园');
    const b6 = await h.unitNamed('6号楼', '锦绣家园');
    const street = await h.unitNamed('幸福街道');
    const cred = await h.as('jiedao');
    await writesNothing(async () => {
      expectFailure(await h.call('units', 'archive', { id: compound.id, version: compound.version }, cred), 'UNIT.HAS_CHILDREN');
      expectFailure(await h.call('units', 'archive', { id: street.id, version: street.version }, cred), 'UNIT.ROOT_LOCKED');
    });
    const archived = data(await h.call<Unit>('units', 'archive', { id: b6.id, version: b6.version }, cred));
    expect(archived.archived).toBe(true);
    expectFailure(await h.call('units', 'rename', { id: b6.id, name: '六号楼', version: archived.version }, cred), 'UNIT.ARCHIVED');
    const tree = data(await h.call<{ units: Unit[] }>('units', 'tree', {}, cred));
    expect(tree.units.find((u) => u.id === b6.id)).toBeUndefined();
  });

  it('does not let community staff archive or move their own community', async () => {
    const community = await h.unitNamed('阳光社区');
    const street = await h.unitNamed('幸福街道');
    const cred = await h.as('shuji');
    expectFailure(await h.call('units', 'archive', { id: community.id, version: community.version }, cred), 'AUTH.FORBIDDEN');
    expectFailure(await h.call('units', 'move', { id: community.id, parentId: street.id, version: community.version }, cred), 'AUTH.FORBIDDEN');
  });

  describe('permission matrix: role × action × own / foreign unit', () => {
    // [username, action, on own unit allowed?, on a foreign unit allowed?]
    const matrix: [string, string, boolean, boolean][] = [
      ['jumin', 'create', false, false],
      ['louzhang', 'create', false, false],
      ['zhibu', 'create', false, false],
      ['shequ', 'create', true, false],
      ['shuji', 'create', true, false],
      ['jiedao', 'create', true, false],
      ['jumin', 'rename', false, false],
      ['louzhang', 'rename', false, false],
      ['shequ', 'rename', true, false],
      ['jumin', 'bindings', false, false],
      ['louzhang', 'bindings', true, false],
      ['zhibu', 'bindings', true, false],
      ['shuji', 'bindings', true, false],
    ];
    it.each(matrix)('%s may %s on own unit: %s, on a foreign one: %s', async (username, action, own, foreign) => {
      // A second street with its own community stands for "foreign" to everyone.
      const other = await h.store.units.get((await h.unitNamed('幸福街道')).id);
      const now = h.clock.now();
      const s2 = { ...other!, id: 'str_other', name: '明月街道', path: '/str_other/', parentId: null };
      await h.store.units.insert(s2);
      const c2 = { ...s2, id: 'com_other', kind: 'community' as const, name: '明月社区', path: '/str_other/com_other/', parentId: 'str_other' };
      await h.store.units.insert(c2);
      const p2 = { ...c2, id: 'cmp_other', kind: 'compound' as const, name: '明月小区', path: '/str_other/com_other/cmp_other/', parentId: 'com_other' };
      await h.store.units.insert(p2);
      const b2 = { ...p2, id: 'bui_other', kind: 'building' as const, name: '1号楼', path: `${p2.path}bui_other/`, parentId: 'cmp_other', createdAt: now };
      await h.store.units.insert(b2);

      const ownBuilding = await h.unitNamed('1号楼', '幸福里小区');
      const ownCompound = await h.unitNamed('幸福里小区');
      const cred = await h.as(username);
      const attempt = async (building: Unit, compound: Unit) => {
        if (action === 'create') return h.call('units', 'create', { parentId: compound.id, kind: 'building', name: `新楼${Math.random()}`.slice(0, 10) }, cred);
        if (action === 'rename') return h.call('units', 'rename', { id: building.id, name: '改名楼', version: building.version }, cred);
        return h.call('units', 'bindings', { unitId: building.id }, cred);
      };
      const mine = await attempt(ownBuilding, ownCompound);
      const theirs = await attempt(b2, p2);
      if (own) expect(mine.ok).toBe(true);
      else expectFailure(mine, 'AUTH.FORBIDDEN');
      if (foreign) expect(theirs.ok).toBe(true);
      else expectFailure(theirs, 'AUTH.FORBIDDEN');
    });
  });

  describe('role bindings', () => {
    it('binds a new person as building lead and lists them on the unit', async () => {
      const b = await h.unitNamed('5号楼', '幸福里小区');
      const cred = await h.as('zhibu');
      const staff = await h.as('shuji');
      const p = data(await h.call<PersonView>('people', 'create', { name: '钱大妈', phone: '13911112222' }, staff));
      const bound = data(await h.call<BindingView>('units', 'bind', { unitId: b.id, personId: p.id, role: 'building_lead' }, cred));
      expect(bound).toMatchObject({ role: 'building_lead', roleLabel: '楼栋长', person: { name: '钱大妈' } });
      const list = data(await h.call<BindingView[]>('units', 'bindings', { unitId: b.id }, cred));
      expect(list.map((x) => x.person.name)).toContain('钱大妈');
      expectFailure(await h.call('units', 'bind', { unitId: b.id, personId: p.id, role: 'building_lead' }, cred), 'ROLE.ALREADY_BOUND');
      data(await h.call('units', 'unbind', { bindingId: bound.id }, cred));
      expectFailure(await h.call('units', 'unbind', { bindingId: bound.id }, cred), 'BINDING.NOT_FOUND', 'bindingId');
    });

    it('refuses a role on the wrong kind of unit, on a unit the caller does not administer, and for an unknown person', async () => {
      const b = await h.unitNamed('5号楼', '幸福里小区');
      const foreign = await h.unitNamed('1号楼', '阳光花园');
      const sun = (await h.store.people.findByUsername('jumin'))!;
      const zhibu = await h.as('zhibu');
      const before = (await h.store.bindings.listForPerson(sun.id)).length;
      expectFailure(await h.call('units', 'bind', { unitId: b.id, personId: sun.id, role: 'compound_secretary' }, await h.as('shuji')), 'ROLE.BAD_UNIT', 'role');
      expectFailure(await h.call('units', 'bind', { unitId: foreign.id, personId: sun.id, role: 'building_lead' }, zhibu), 'AUTH.FORBIDDEN');
      expectFailure(await h.call('units', 'bind', { unitId: b.id, personId: sun.id, role: 'property_manager' }, zhibu), 'AUTH.FORBIDDEN');
      expectFailure(await h.call('units', 'bind', { unitId: b.id, personId: 'per_nobody', role: 'resident' }, zhibu), 'PERSON.NOT_FOUND', 'personId');
      expectFailure(await h.call('units', 'bind', { unitId: b.id, personId: sun.id, role: 'resident' }, await h.as('louzhang')), 'AUTH.FORBIDDEN');
      expect((await h.store.bindings.listForPerson(sun.id)).length).toBe(before);
    });
  });

  describe('people', () => {
    it('finds people in the caller’s subtree and nobody outside it', async () => {
      const found = data(await h.call<PersonView[]>('people', 'search', { q: '孙福' }, await h.as('zhibu')));
      expect(found.map((p) => p.name)).toContain('孙福贵');
      expectFailure(await h.call('people', 'search', { q: '孙' }, await h.as('jumin')), 'AUTH.FORBIDDEN');
      expectFailure(await h.call('people', 'create', { name: '甲' }, await h.as('louzhang')), 'AUTH.FORBIDDEN');
    });

    it('refuses a taken username and a bad phone, writing nothing', async () => {
      const cred = await h.as('shuji');
      const before = await h.store.people.count();
      expectFailure(await h.call('people', 'create', { name: '甲', username: 'shuji', password: 'long enough' }, cred), 'INPUT.INVALID', 'username');
      expectFailure(await h.call('people', 'create', { name: '甲', phone: '12345' }, cred), 'INPUT.INVALID', 'phone');
      expect(await h.store.people.count()).toBe(before);
    });
  });
});
