/**
 * The people search as staff meet it on CloudBase, through dispatch: a short text shared by more
 * people than the search reads (PEOPLE_SEARCH_BOUND) is answered with what to type instead, on the
 * search field, never with a list that leaves people out. The store's own bound is tested small in
 * tests/store/cloudbase-scale.test.ts; here it is the one the functions use.
 */
import type { PersonView } from '../../src/core';
import { PEOPLE_SEARCH_BOUND } from '../../cloudfunctions/lib/store/cloudbase/people-search';
import { cloudbase, cloudbaseDemo } from '../support/cloudbase-demo';
import { binding, person, unit } from '../support/factories';
import { data, expectFailure } from '../support/harness';

const cloud = cloudbase();

it('asks for more of the name when more people share it than a search reads, and finds them by more of it', async () => {
  const { store, call, as } = await cloudbaseDemo(cloud, 'pplsearch_');
  const staff = await as('shequ');

  // Another community of the city, where more people named 甄 live than one search reads.
  const street = unit(null, 'street', '别的街道');
  const community = unit(street, 'community', '别的社区');
  const building = unit(community, 'building', '1号楼');
  for (const u of [street, community, building]) await store.units.insert(u);
  const there = Array.from({ length: PEOPLE_SEARCH_BOUND + 50 }, (_, i) => person(`甄${String(i).padStart(5, '0')}`, { phone: `1380${String(i).padStart(7, '0')}` }));
  for (let i = 0; i < there.length; i += 50) {
    await Promise.all(
      there.slice(i, i + 50).map(async (p) => {
        await store.people.insert(p, null);
        await store.bindings.insert(binding(p, building, 'resident'));
      }),
    );
  }
  // One of them lives in the staff's community.
  const [here] = (await store.units.listSubtree('/')).filter((u) => u.kind === 'building' && u.name === '1号楼' && u.path !== building.path);
  const mine = person('甄美丽', { phone: '13912345678' });
  await store.people.insert(mine, null);
  await store.bindings.insert(binding(mine, here, 'resident'));

  const broad = await call<PersonView[]>('people', 'search', { q: '甄' }, staff);
  expectFailure(broad, 'INPUT.INVALID', 'q');
  if (!broad.ok) expect(broad.message).toBe(`姓名、手机号或账号含“甄”的人太多，只查了其中 ${PEOPLE_SEARCH_BOUND.toLocaleString('zh-CN')} 位，请多输入几个字或手机号的更多位`);
  expect(data(await call<PersonView[]>('people', 'search', { q: '甄美' }, staff)).map((p) => p.id)).toEqual([mine.id]);
  expect(data(await call<PersonView[]>('people', 'search', { q: '5678' }, staff)).map((p) => p.id)).toEqual([mine.id]);
}, 120_000);
