/**
 * Finding people: only inside the searcher's subtree. A person bound nowhere is found by staff of
 * the unit that created them and by the street above it; one of unknown origin by the street only.
 */
import type { PersonView } from '../../src/core';
import type { Credentials } from '../../cloudfunctions/lib/identity';
import { data, expectFailure, harness, type Harness } from '../support/harness';
import { elsewhere, type Elsewhere } from './support/elsewhere';

describe('people.search', () => {
  let h: Harness;
  let e: Elsewhere;
  beforeAll(async () => {
    h = await harness();
    e = await elsewhere(h);
  });
  afterAll(() => h.close());

  const finds = async (cred: Credentials, q: string) => data(await h.call<PersonView[]>('people', 'search', { q }, cred)).map((p) => p.name);
  const demo = (username: string) => h.as(username);

  it('records the unit a person was created in: the caller’s staff unit', async () => {
    const created = data(await h.call<PersonView>('people', 'create', { name: '冯新人', phone: '13911110001' }, e.otherStaff.cred));
    expect(await h.store.people.get(created.id)).toMatchObject({ createdInUnitId: e.places.community.community.id });
    const ours = data(await h.call<PersonView>('people', 'create', { name: '秦新人' }, await demo('shuji')));
    expect(await h.store.people.get(ours.id)).toMatchObject({ createdInUnitId: (await h.unitNamed('阳光社区')).id });
  });

  it('refuses a name of emoji or symbols alone, and writes nobody', async () => {
    const before = await h.store.people.count();
    for (const name of ['😀😀', '★ ★', '123'])
      expectFailure(await h.call('people', 'create', { name }, await demo('shuji')), 'INPUT.INVALID', 'name');
    expect(await h.store.people.count()).toBe(before);
    expect(data(await h.call<PersonView>('people', 'create', { name: '李😀' }, await demo('shuji'))).name).toBe('李😀');
  });

  it('finds a person another community’s staff created only from that community and the street', async () => {
    await h.call('people', 'create', { name: '冯外社区' }, e.otherStaff.cred);
    for (const who of ['louzhang', 'zhibu', 'wuye', 'shequ', 'shuji']) expect([who, await finds(await demo(who), '冯外社区')]).toEqual([who, []]);
    expect(await finds(e.otherStaff.cred, '冯外社区')).toEqual(['冯外社区']);
    expect(await finds(await demo('jiedao'), '冯外社区')).toEqual(['冯外社区']);
    expect(await finds(e.otherOfficer.cred, '冯外社区')).toEqual([]);
  });

  it('finds a person our community’s staff created from its staff and the street, not from its compounds or buildings', async () => {
    await h.call('people', 'create', { name: '秦本社区' }, await demo('shequ'));
    for (const who of ['shequ', 'shuji', 'jiedao']) expect([who, await finds(await demo(who), '秦本社区')]).toEqual([who, ['秦本社区']]);
    for (const who of ['louzhang', 'zhibu', 'wuye']) expect([who, await finds(await demo(who), '秦本社区')]).toEqual([who, []]);
    expect(await finds(e.otherStaff.cred, '秦本社区')).toEqual([]);
  });

  it('finds a person of unknown origin bound nowhere from the street only', async () => {
    await h.store.people.insert({ id: 'per_unknown', name: '卫无据', phone: null, username: null, openid: null, demo: false, version: 1, createdAt: 0, updatedAt: 0 }, null);
    expect(await finds(await demo('jiedao'), '卫无据')).toEqual(['卫无据']);
    expect(await finds(e.otherOfficer.cred, '卫无据')).toEqual(['卫无据']);
    for (const who of ['shuji', 'shequ', 'zhibu', 'louzhang']) expect([who, await finds(await demo(who), '卫无据')]).toEqual([who, []]);
  });

  it('finds bound people where they are bound only', async () => {
    const far = e.places.community.resident.name;
    expect(await finds(await demo('shuji'), far)).toEqual([]);
    expect(await finds(e.otherStaff.cred, far)).toEqual([far]);
    expect(await finds(await demo('louzhang'), e.places.building.resident.name)).toEqual([]);
    expect(await finds(await demo('zhibu'), e.places.building.resident.name)).toEqual([e.places.building.resident.name]);
    expectFailure(await h.call('people', 'search', { q: far }, await demo('jumin')), 'AUTH.FORBIDDEN');
  });
});
