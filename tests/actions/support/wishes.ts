/**
 * What the micro-wish tests share: the demo's 幸福里小区 1号楼 with a resident who has a door, its
 * building lead (louzhang), the demo member (dangyuan) and volunteer (zhiyuan), staff (shequ); a
 * grid of 和平新村 with its lead; another community (和平社区) with its own resident and member; the
 * wishes function's calls; and a snapshot of everything a refusal must not write.
 */
import type { Door, Outputs, Role, Unit, WishView } from '../../../src/core';
import { hashPassword } from '../../../cloudfunctions/lib/auth/passwords';
import type { Credentials } from '../../../cloudfunctions/lib/identity';
import { unit } from '../../support/factories';
import { data, harness, T0 } from '../../support/harness';

export const DOOR: Door = { entrance: '2', floor: 5, room: '502' };
const DAY = 24 * 3600_000;
/** A China date `days` after the harness's today (2026-11-23). */
export const dayAfter = (days: number) => new Date(T0 + 8 * 3600_000 + days * DAY).toISOString().slice(0, 10);

export interface Someone {
  id: string;
  name: string;
  cred: Credentials;
}

let made = 0;
let requests = 0;

export async function wishesKit() {
  const h = await harness();
  // The timer tests move the clock a week on: sessions signed in now must outlive it.
  h.deps.settings = { ...h.deps.settings, sessionTtlMs: 60 * DAY };
  const hash = await hashPassword('wishes-pass');
  const building = await h.unitNamed('1号楼', '幸福里小区');
  const otherBuilding = await h.unitNamed('2号楼', '幸福里小区');
  const compound = await h.unitNamed('幸福里小区');
  const community = await h.unitNamed('阳光社区');
  const grid = await h.unitNamed('第1网格', '和平新村');
  const gridBuilding = (await h.allUnits()).find((u) => u.parentId === grid.id && u.kind === 'building')!;

  const people: string[] = [];
  /** A person with a login, bound as `role` on `u` (with a door for a resident). */
  async function personAt(role: Role, u: Unit, name: string, opts: { door?: Door | null; phone?: string | null } = {}): Promise<Someone> {
    const n = ++made;
    const id = `per_wish${n}`;
    const username = `wish${n}`;
    const phone = opts.phone === undefined ? `1365000${String(1000 + n).slice(-4)}` : opts.phone;
    await h.store.people.insert({ id, name, phone, username, openid: null, demo: false, version: 1, createdAt: 0, updatedAt: 0 }, hash);
    const door = role === 'resident' ? (opts.door === undefined ? DOOR : opts.door) : null;
    await h.store.bindings.insert({ id: `bnd_wish${n}`, personId: id, unitId: u.id, role, createdAt: 0, createdBy: null, door });
    people.push(id);
    return { id, name, cred: { token: data(await h.call<{ token: string }>('auth', 'signIn', { username, password: 'wishes-pass' })).token } };
  }
  async function demo(username: string): Promise<Someone> {
    const p = (await h.store.people.findByUsername(username))!;
    people.push(p.id);
    return { id: p.id, name: p.name, cred: await h.as(username) };
  }

  const resident = await personAt('resident', building, '孙阿婆', { phone: '13650001234' });
  const lead = await demo('louzhang');
  const member = await demo('dangyuan');
  const volunteer = await demo('zhiyuan');
  const staff = await demo('shequ');
  const neighbour = await demo('jumin');
  const gridLead = await personAt('grid_lead', grid, '郑家长');

  // Another community of the demo street, with a resident and a member of its own.
  const street = await h.unitNamed('幸福街道');
  const farCommunity = unit(street, 'community', '和平社区');
  const farCompound = unit(farCommunity, 'compound', '和平小区');
  const farBuilding = unit(farCompound, 'building', '1号楼');
  for (const u of [farCommunity, farCompound, farBuilding]) await h.store.units.insert(u);
  const farResident = await personAt('resident', farBuilding, '钱远方');
  const farMember = await personAt('member', farCompound, '冯远党员');
  const farStaff = await personAt('community_staff', farCommunity, '褚远工作人员');

  const call = <T>(action: string, input: Record<string, unknown>, cred: Credentials) => h.call<T>('wishes', action, input, cred);
  const wish = (extra: Record<string, unknown> = {}) => ({ clientRequestId: `wish-req-${++requests}`, what: '想要一根带凳子的拐杖', forWhom: '独居老人', byDate: dayAfter(20), ...extra });
  const post = (input: Record<string, unknown>, who: Someone = resident) => call<Outputs['wishes']['post']>('post', input, who.cred);
  const ref = (w: Pick<WishView, 'id' | 'version'>) => ({ id: w.id, version: w.version });
  const act = (action: string, w: Pick<WishView, 'id' | 'version'>, who: Someone, extra: Record<string, unknown> = {}) => call<WishView>(action, { ...ref(w), ...extra }, who.cred);

  /** A wish posted by `who` and approved by staff: open. */
  async function openWish(extra: Record<string, unknown> = {}, who: Someone = resident): Promise<WishView> {
    const posted = data(await post(wish(extra), who)).wish;
    return data(await act('approve', posted, staff));
  }
  /** …and claimed by `claimer`. */
  async function claimedWish(claimer: Someone = member, extra: Record<string, unknown> = {}): Promise<WishView> {
    const w = await openWish(extra);
    return data(await call<WishView>('claim', { id: w.id }, claimer.cred));
  }

  /** Everything a refusal must leave as it was: the wishes, points, the audit log, everyone's messages. */
  async function written() {
    const s = h.store;
    return JSON.stringify({
      wishes: await s.wishes.list({ paths: ['/'] }, 100_000, 0),
      points: await s.points.list({ paths: ['/'] }, 100_000, 0),
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
    building,
    otherBuilding,
    compound,
    community,
    grid,
    gridBuilding,
    farBuilding,
    resident,
    lead,
    member,
    volunteer,
    staff,
    neighbour,
    gridLead,
    farResident,
    farMember,
    farStaff,
    personAt,
    call,
    wish,
    post,
    act,
    openWish,
    claimedWish,
    written,
    writesNothing,
    messagesOf,
  };
}

export type WishesKit = Awaited<ReturnType<typeof wishesKit>>;
