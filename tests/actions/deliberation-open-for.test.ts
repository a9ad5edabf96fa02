/**
 * 发起议题 in the mini-program asks `mine` where the caller may open a topic (`openFor`): the lead's
 * building, the branch secretary's compound and its buildings, staff's community and its compounds.
 * Each place it names is one `open` accepts; a resident gets none.
 */
import type { Outputs } from '../../src/core';
import { data } from '../support/harness';
import { deliberationKit, type DeliberationKit, type Someone } from './support/deliberation';

let k: DeliberationKit;
beforeAll(async () => {
  k = await deliberationKit();
});
afterAll(() => k.h.close());

const openFor = async (who: Someone) => data(await k.call<Outputs['deliberation']['mine']>('mine', {}, who)).openFor;

describe('where the caller may open a topic', () => {
  it('names the lead’s building with its compound', async () => {
    expect(await openFor(k.lead)).toEqual([{ id: k.building.id, kind: 'building', label: '幸福里小区 1号楼' }]);
  });

  it('names the branch secretary’s compound first, then its buildings in number order', async () => {
    const places = await openFor(k.secretary);
    expect(places[0]).toEqual({ id: k.compound.id, kind: 'compound', label: '幸福里小区（全小区）' });
    expect(places.slice(1, 3).map((p) => p.label)).toEqual(['幸福里小区 1号楼', '幸福里小区 2号楼']);
    expect(places.every((p) => p.kind !== 'community')).toBe(true);
    expect(places.map((p) => p.id)).toContain(k.otherBuilding.id);
  });

  it('names staff’s community and its compounds, not a community’s many buildings', async () => {
    const places = await openFor(k.staff);
    expect(places[0]).toEqual({ id: k.community.id, kind: 'community', label: '阳光社区（全社区）' });
    expect(places.map((p) => p.id)).toEqual(expect.arrayContaining([k.compound.id, k.garden.id]));
    expect(places.some((p) => p.kind === 'building')).toBe(false);
  });

  it('names nothing for a resident', async () => {
    expect(await openFor(k.wife)).toEqual([]);
  });

  it('names only places `open` accepts', async () => {
    for (const who of [k.lead, k.secretary]) {
      for (const place of await openFor(who)) {
        const r = await k.open(k.question({ unitId: place.id, title: `${place.label}的议题` }), who);
        expect(r.ok).toBe(true);
      }
    }
  });
});
