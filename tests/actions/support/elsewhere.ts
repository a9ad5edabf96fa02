/**
 * Places beyond the demo people's own, each with a resident who filed a report there: another
 * building of 幸福里小区, another compound of 阳光社区, another community of the demo street, and
 * another street. Who sits where is made here; the demo people (harness.ts) are the intruders.
 */
import type { Outputs, ReportDetail, Role, Unit } from '../../../src/core';
import type { Credentials } from '../../../cloudfunctions/lib/identity';
import { hashPassword } from '../../../cloudfunctions/lib/auth/passwords';
import { unit } from '../../support/factories';
import { data, type Harness } from '../../support/harness';

export const DISTANCES = ['building', 'compound', 'community', 'street'] as const;
export type Distance = (typeof DISTANCES)[number];

export interface Person {
  id: string;
  name: string;
  cred: Credentials;
}

export interface Place {
  /** The building the resident lives in and filed on. */
  building: Unit;
  compound: Unit;
  community: Unit;
  resident: Person;
  report: ReportDetail;
}

export interface Elsewhere {
  places: Record<Distance, Place>;
  /** Community staff of the other community (和平社区). */
  otherStaff: Person;
  /** The officer of the other street (平安街道). */
  otherOfficer: Person;
  /** A person with a login, bound as `role` on `u`. */
  personAt(name: string, role: Role, u: Unit): Promise<Person>;
}

let n = 0;

export async function elsewhere(h: Harness): Promise<Elsewhere> {
  const hash = await hashPassword('elsewhere-pass');
  async function personAt(name: string, role: Role, u: Unit): Promise<Person> {
    const id = `per_else${++n}`;
    const username = `else${n}`;
    await h.store.people.insert({ id, name, phone: `1370000${String(1000 + n).slice(-4)}`, username, openid: null, demo: false, version: 1, createdAt: 0, updatedAt: 0 }, hash);
    await h.store.bindings.insert({ id: `bnd_else${n}`, personId: id, unitId: u.id, role, createdAt: 0, createdBy: null });
    const cred = { token: data(await h.call<{ token: string }>('auth', 'signIn', { username, password: 'elsewhere-pass' })).token };
    return { id, name, cred };
  }
  async function place(building: Unit, residentName: string): Promise<Place> {
    const units = await h.allUnits();
    const chain = units.filter((u) => building.path.startsWith(u.path));
    const resident = await personAt(residentName, 'resident', building);
    const created = data(
      await h.call<Outputs['reports']['create']>(
        'reports',
        'create',
        { clientRequestId: `elsewhere-${building.id}`, unitId: building.id, category: 'noise', description: `${residentName}家楼上半夜装修` },
        resident.cred,
      ),
    );
    return { building, compound: chain.find((u) => u.kind === 'compound')!, community: chain.find((u) => u.kind === 'community')!, resident, report: created.report };
  }

  const demoStreet = await h.unitNamed('幸福街道');
  const hePing = unit(demoStreet, 'community', '和平社区');
  const hePingCompound = unit(hePing, 'compound', '和平小区');
  const hePingBuilding = unit(hePingCompound, 'building', '1号楼');
  const pingAn = unit(null, 'street', '平安街道');
  const pingAnCommunity = unit(pingAn, 'community', '平安社区');
  const pingAnCompound = unit(pingAnCommunity, 'compound', '平安小区');
  const pingAnBuilding = unit(pingAnCompound, 'building', '1号楼');
  for (const u of [hePing, hePingCompound, hePingBuilding, pingAn, pingAnCommunity, pingAnCompound, pingAnBuilding]) await h.store.units.insert(u);
  const otherStaff = await personAt('郑和平', 'community_staff', hePing);
  const otherOfficer = await personAt('褚平安', 'street_officer', pingAn);

  const places: Record<Distance, Place> = {
    building: await place(await h.unitNamed('2号楼', '幸福里小区'), '钱二楼'),
    compound: await place(await h.unitNamed('1号楼', '阳光花园'), '孙花园'),
    community: await place(hePingBuilding, '吴和平'),
    street: await place(pingAnBuilding, '冯平安'),
  };
  return { places, otherStaff, otherOfficer, personAt };
}
