/**
 * What the partner tests share: the demo's 阳光社区 (staff shequ, secretary shuji) with 幸福里小区 and
 * 阳光花园, another community of the street (和平社区) with staff of its own, people to be partners'
 * contacts, in-service members who checked in (approved through the store, as the secretary's approval
 * writes it), a resident who is none of these; the partners function's calls; a partner registered by
 * staff; and a snapshot of everything a refusal must not write.
 */
import { checkinTransition, type Checkin, type MemberType, type Outputs, type PartnerDetail, type Role, type Unit } from '../../../src/core';
import { hashPassword } from '../../../cloudfunctions/lib/auth/passwords';
import type { Credentials } from '../../../cloudfunctions/lib/identity';
import { unit } from '../../support/factories';
import { data, harness, T0 } from '../../support/harness';

const DAY = 24 * 3600_000;
/** A China day `days` before the harness's today (2026-11-23). */
export const dayBefore = (days: number) => new Date(T0 + 8 * 3600_000 - days * DAY).toISOString().slice(0, 10);
export const TODAY = dayBefore(0);

export interface Someone {
  id: string;
  name: string;
  cred: Credentials;
}

type Out = Outputs['partners'];

let made = 0;
let requests = 0;
export const crid = () => `partner-req-${++requests}-${made}`;

export async function partnersKit() {
  const h = await harness();
  const hash = await hashPassword('partner-pass');
  const community = await h.unitNamed('阳光社区');
  const compound = await h.unitNamed('幸福里小区');
  const otherCompound = await h.unitNamed('阳光花园');
  const building = await h.unitNamed('1号楼', '幸福里小区');
  const street = await h.unitNamed('幸福街道');
  const farCommunity = unit(street, 'community', '和平社区');
  const farCompound = unit(farCommunity, 'compound', '和平小区');
  const farBuilding = unit(farCompound, 'building', '1号楼');
  for (const u of [farCommunity, farCompound, farBuilding]) await h.store.units.insert(u);

  const people: string[] = [];
  /** A person with a login, bound as `role` on `u` (none when null). */
  async function personAt(role: Role | null, u: Unit, name: string): Promise<Someone> {
    const n = ++made;
    const id = `per_ptn${n}`;
    const username = `ptn${n}`;
    await h.store.people.insert({ id, name, phone: `1367000${String(1000 + n).slice(-4)}`, username, openid: null, demo: false, version: 1, createdAt: 0, updatedAt: 0 }, hash);
    if (role) await h.store.bindings.insert({ id: `bnd_ptn${n}`, personId: id, unitId: u.id, role, createdAt: 0, createdBy: null, door: null });
    people.push(id);
    return { id, name, cred: { token: data(await h.call<{ token: string }>('auth', 'signIn', { username, password: 'partner-pass' })).token } };
  }
  const demo = async (username: string): Promise<Someone> => {
    const p = (await h.store.people.findByUsername(username))!;
    people.push(p.id);
    return { id: p.id, name: p.name, cred: await h.as(username) };
  };

  /** A member who checked in at `u` (approved, as a secretary's approval writes it), with a login. */
  async function member(name: string, u: Unit = compound, memberType: MemberType = 'in_service', status: 'approved' | 'pending' = 'approved'): Promise<Someone> {
    const who = await personAt(null, u, name);
    const n = made;
    const draft: Checkin = {
      id: `chk_ptn${n}`,
      status: 'pending',
      openid: null,
      applicantId: who.id,
      codeId: 'cod_ptn',
      unitId: u.id,
      unitPath: u.path,
      name,
      phone: `1367000${String(1000 + n).slice(-4)}`,
      phoneVerified: false,
      memberType,
      branch: { name: '某单位党支部', place: null },
      workUnit: '市第一人民医院',
      skills: [],
      services: [],
      freeTime: null,
      veteran: false,
      household: null,
      personId: null,
      decidedBy: null,
      decidedAt: null,
      reason: null,
      history: [{ status: 'pending', at: T0 - DAY, by: who.id, reason: null, date: null }],
      createdAt: T0 - DAY,
      updatedAt: T0 - DAY,
      version: 1,
    };
    const { checkin } = await h.store.checkins.insertPending(draft);
    if (status === 'approved') {
      const next = checkinTransition(checkin, 'approve', { at: T0 - DAY / 2, by: 'per_secretary', personId: who.id });
      const r = await h.store.checkins.approve({ next, version: checkin.version, person: { kind: 'existing', personId: who.id }, binding: { id: `bnd_ptnm${n}`, personId: who.id, unitId: u.id, role: 'member', createdAt: T0, createdBy: null } });
      if (!r.ok) throw new Error(`check-in not approved: ${r.reason}`);
    }
    return who;
  }

  const staff = await demo('shequ');
  const secretary = await demo('shuji');
  const resident = await demo('jumin');
  const farStaff = await personAt('community_staff', farCommunity, '褚远工作人员');
  const contact = await personAt('resident', building, '钱联络');
  const otherContact = await personAt('resident', building, '孙联络');
  const farContact = await personAt(null, farCompound, '李远联络');

  const call = <T>(action: string, input: Record<string, unknown>, who: Someone) => h.call<T>('partners', action, input, who.cred);

  const partnerInput = (extra: Record<string, unknown> = {}) => ({
    clientRequestId: crid(),
    name: `共建单位${++made}`,
    kind: 'hospital',
    address: '幸福路 1 号',
    contactName: '钱联络',
    contactPhone: '13900001111',
    contactPersonId: contact.id,
    communityIds: [community.id],
    signedOn: '2026-03-01',
    terms: '每月义诊一次，开放活动室',
    ...extra,
  });
  /** A partner registered by `who` (staff of 阳光社区 unless told). */
  const register = async (extra: Record<string, unknown> = {}, who: Someone = staff): Promise<PartnerDetail> =>
    data(await call<Out['savePartner']>('savePartner', partnerInput(extra), who)).partner;

  const needInput = (extra: Record<string, unknown> = {}) => ({ clientRequestId: crid(), unitId: compound.id, kind: 'volunteers', title: '独居老人助餐志愿者', description: '每周三次送餐上门', ...extra });
  const postNeed = async (extra: Record<string, unknown> = {}, who: Someone = staff) => data(await call<Out['postNeed']>('postNeed', needInput(extra), who)).need;
  const offer = async (partnerId: string, who: Someone = contact, extra: Record<string, unknown> = {}) =>
    data(
      await call<Out['offerResource']>(
        'offerResource',
        { clientRequestId: crid(), partnerId, kind: 'room', title: '活动室', description: '可办讲座、培训', amount: '251 平方米', availability: '工作日 9:00–17:00', ...extra },
        who,
      ),
    ).resource;
  const claim = (needId: string, partnerId: string, who: Someone = contact, extra: Record<string, unknown> = {}) =>
    call<Out['claimNeed']>('claimNeed', { clientRequestId: crid(), needId, partnerId, ...extra }, who);
  const ref = (x: { id: string; version: number }) => ({ id: x.id, version: x.version });

  /** Everything a refusal must leave as it was. */
  async function written() {
    const s = h.store;
    const communities = [community.id, farCommunity.id];
    const partners = [...(await s.partners.forCommunity(community.id, true)), ...(await s.partners.forCommunity(farCommunity.id, true))];
    const ids = partners.map((p) => p.id);
    return JSON.stringify({
      partners,
      members: await Promise.all(ids.map((id) => s.partners.members(id))),
      resources: await s.partners.resources(ids, null, 100_000, 0),
      needs: await s.needs.list(communities, null, 100_000, 0),
      projects: await s.projects.list({ communityIds: communities }, 100_000, 0),
      visits: await Promise.all(communities.map((communityId) => s.partnerVisits.list({ communityId }, 100_000, 0))),
      audit: (await s.audit.search({}, 100_000)).length,
      messages: await Promise.all([...new Set(people)].map((id) => s.messages.listForPerson(id, 1000))),
    });
  }
  async function writesNothing<T>(run: () => Promise<T>): Promise<T> {
    const before = await written();
    const out = await run();
    expect(await written()).toEqual(before);
    return out;
  }
  const messagesOf = async (who: Someone) => h.store.messages.listForPerson(who.id, 1000);

  return {
    h,
    community,
    compound,
    otherCompound,
    building,
    farCommunity,
    farCompound,
    farBuilding,
    staff,
    secretary,
    resident,
    farStaff,
    contact,
    otherContact,
    farContact,
    personAt,
    member,
    call,
    partnerInput,
    register,
    needInput,
    postNeed,
    offer,
    claim,
    ref,
    written,
    writesNothing,
    messagesOf,
  };
}

export type PartnersKit = Awaited<ReturnType<typeof partnersKit>>;
