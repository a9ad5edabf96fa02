/**
 * What the property-assessment tests share: the demo's 幸福里小区 (its property manager 陈强 `wuye`,
 * its lead `louzhang`) and 阳光花园, residents with doors (two of one household), staff (shequ), a
 * community of its own elsewhere with a compound, a resident and staff; the assessments function's
 * calls; and a snapshot of everything a refusal must not write.
 */
import type { Door, Outputs, Role, SurveyAnswers, Unit } from '../../../src/core';
import { hashPassword } from '../../../cloudfunctions/lib/auth/passwords';
import type { Credentials } from '../../../cloudfunctions/lib/identity';
import { unit } from '../../support/factories';
import { data, harness } from '../../support/harness';

export const DOOR: Door = { entrance: '2', floor: 5, room: '502' };
export const ALL_SATISFIED: SurveyAnswers = { response: 'satisfied', repair: 'satisfied', cleaning: 'satisfied', security: 'satisfied', attitude: 'satisfied' };
/** The harness's clock (2026-11-23): this month, last month. */
export const MONTH = '2026-11';
export const LAST_MONTH = '2026-10';

export interface Someone {
  id: string;
  name: string;
  cred: Credentials;
}

let made = 0;

export async function assessmentsKit() {
  const h = await harness();
  const hash = await hashPassword('assess-pass');
  const community = await h.unitNamed('阳光社区');
  const compound = await h.unitNamed('幸福里小区');
  const otherCompound = await h.unitNamed('阳光花园');
  const building = await h.unitNamed('1号楼', '幸福里小区');
  const otherBuilding = await h.unitNamed('1号楼', '阳光花园');

  /** A person with a login, bound as `role` on `u` (with a door for a resident unless told). */
  async function personAt(role: Role, u: Unit, name: string, door: Door | null = role === 'resident' ? DOOR : null): Promise<Someone> {
    const n = ++made;
    const id = `per_assess${n}`;
    const username = `assess${n}`;
    await h.store.people.insert({ id, name, phone: `1366000${String(1000 + n).slice(-4)}`, username, openid: null, demo: false, version: 1, createdAt: 0, updatedAt: 0 }, hash);
    await h.store.bindings.insert({ id: `bnd_assess${n}`, personId: id, unitId: u.id, role, createdAt: 0, createdBy: null, door });
    return { id, name, cred: { token: data(await h.call<{ token: string }>('auth', 'signIn', { username, password: 'assess-pass' })).token } };
  }
  const demo = async (username: string): Promise<Someone> => {
    const p = (await h.store.people.findByUsername(username))!;
    return { id: p.id, name: p.name, cred: await h.as(username) };
  };

  const resident = await personAt('resident', building, '孙阿婆');
  // The same household (2单元 502室, written another way): one answer for both.
  const spouse = await personAt('resident', building, '孙大爷', { entrance: '2单元', floor: 5, room: '502室' });
  const neighbour = await personAt('resident', building, '钱阿姨', { entrance: '1', floor: 3, room: '302' });
  const doorless = await personAt('resident', building, '李无门', null);
  const otherResident = await personAt('resident', otherBuilding, '周花园');
  const staff = await demo('shequ');
  const property = await demo('wuye');
  const lead = await demo('louzhang');

  // Another community of the demo street, with a compound, a resident and staff of its own.
  const street = await h.unitNamed('幸福街道');
  const farCommunity = unit(street, 'community', '和平社区');
  const farCompound = unit(farCommunity, 'compound', '和平小区');
  const farBuilding = unit(farCompound, 'building', '1号楼');
  for (const u of [farCommunity, farCompound, farBuilding]) await h.store.units.insert(u);
  const farResident = await personAt('resident', farBuilding, '钱远方');
  const farStaff = await personAt('community_staff', farCommunity, '褚远工作人员');

  const call = <T>(action: string, input: Record<string, unknown>, who: Someone) => h.call<T>('assessments', action, input, who.cred);
  const answer = (who: Someone, extra: Record<string, unknown> = {}) =>
    call<Outputs['assessments']['answer']>('answer', { compoundId: compound.id, month: MONTH, answers: ALL_SATISFIED, ...extra }, who);
  /** Registers a company serving `compounds` (staff), answering it. */
  const register = async (name: string, compounds: Unit[], who: Someone = staff) =>
    data(await call<Outputs['assessments']['saveCompany']>('saveCompany', { communityId: community.id, name, compoundIds: compounds.map((c) => c.id) }, who));

  /** Everything a refusal must leave as it was. */
  async function written() {
    const s = h.store;
    const months = [LAST_MONTH, MONTH, '2026-12', '2026-09'];
    const compounds = [compound, otherCompound, farCompound];
    return JSON.stringify({
      companies: await s.propertyCompanies.listForCommunity(community.id),
      farCompanies: await s.propertyCompanies.listForCommunity(farCommunity.id),
      answers: await Promise.all(compounds.flatMap((c) => months.map((m) => s.assessments.answers(c.id, m)))),
      assessments: await Promise.all(months.map((m) => s.assessments.forMonth(community.id, m))),
      policy: await s.meta.get(`assessmentPolicy:${community.id}`),
      audit: (await s.audit.search({}, 100_000)).length,
    });
  }
  async function writesNothing<T>(run: () => Promise<T>): Promise<T> {
    const before = await written();
    const out = await run();
    expect(await written()).toEqual(before);
    return out;
  }

  return {
    h,
    community,
    compound,
    otherCompound,
    building,
    otherBuilding,
    farCommunity,
    farCompound,
    farBuilding,
    resident,
    spouse,
    neighbour,
    doorless,
    otherResident,
    farResident,
    farStaff,
    staff,
    property,
    lead,
    personAt,
    call,
    answer,
    register,
    writesNothing,
  };
}

export type AssessmentsKit = Awaited<ReturnType<typeof assessmentsKit>>;
