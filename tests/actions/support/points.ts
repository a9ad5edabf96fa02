/**
 * What the points tests share: the demo harness (阳光社区 with its staff 张伟, the member 周敏 and the
 * volunteer 吴婷 of 幸福里小区, the resident 孙福贵), another community of the demo street (和平社区,
 * with its own staff and member), people made on the spot with a login, calls to `points`, and a
 * snapshot of everything a refusal must not write.
 */
import type { Outputs, Role, Unit } from '../../../src/core';
import { hashPassword } from '../../../cloudfunctions/lib/auth/passwords';
import type { Credentials } from '../../../cloudfunctions/lib/identity';
import { unit } from '../../support/factories';
import { data, harness, type Harness } from '../../support/harness';

export interface Someone {
  id: string;
  name: string;
  cred: Credentials;
}

let made = 0;
let requests = 0;
/** A fresh client request id. */
export const crid = () => `req-${String(++requests).padStart(6, '0')}-points`;

export async function pointsKit(opts: { h?: Harness } = {}) {
  const h = opts.h ?? (await harness());
  const community = await h.unitNamed('阳光社区');
  const compound = await h.unitNamed('幸福里小区');
  const otherCompound = await h.unitNamed('阳光花园');
  const building = await h.unitNamed('1号楼', '幸福里小区');
  const hash = await hashPassword('points-pass');

  /** A person with a login, bound as `role` on `u`. */
  async function personAt(role: Role, u: Unit, name = `积分${made + 1}`): Promise<Someone> {
    const n = ++made;
    const id = `per_pts${n}`;
    await h.store.people.insert({ id, name, phone: null, username: `pts${n}`, openid: null, demo: false, version: 1, createdAt: 0, updatedAt: 0 }, hash);
    await h.store.bindings.insert({ id: `bnd_pts${n}`, personId: id, unitId: u.id, role, createdAt: 0, createdBy: null });
    return { id, name, cred: { token: data(await h.call<{ token: string }>('auth', 'signIn', { username: `pts${n}`, password: 'points-pass' })).token } };
  }
  async function demo(username: string): Promise<Someone> {
    const p = (await h.store.people.findByUsername(username))!;
    return { id: p.id, name: p.name, cred: await h.as(username) };
  }

  const staff = await demo('shequ');
  const secretary = await demo('shuji');
  const officer = await demo('jiedao');
  const branch = await demo('zhibu');
  const member = await demo('dangyuan');
  const volunteer = await demo('zhiyuan');
  const resident = await demo('jumin');

  // 和平社区: the same street, another community, with its own staff and member.
  const street = await h.unitNamed('幸福街道');
  const otherCommunity = unit(street, 'community', '和平社区');
  const otherCommunityCompound = unit(otherCommunity, 'compound', '和平小区');
  for (const u of [otherCommunity, otherCommunityCompound]) await h.store.units.insert(u);
  const otherStaff = await personAt('community_staff', otherCommunity, '郑和平');
  const otherMember = await personAt('member', otherCommunityCompound, '冯外社');

  const call = <T>(action: string, input: Record<string, unknown>, cred: Credentials) => h.call<T>('points', action, input, cred);
  type Out = Outputs['points'];

  /** Grants `points` to a person by staff (the rules' grant). */
  const grant = async (personId: string, points: number, who: Credentials = staff.cred, reason = '测试奖励') =>
    data(await call<Out['grant']>('grant', { clientRequestId: crid(), personId, points, reason }, who));

  /** Everything a refusal must leave as it was. */
  async function written() {
    const s = h.store;
    const communities = [community, otherCommunity];
    return JSON.stringify({
      entries: await s.points.list({ paths: ['/'] }, 100_000, 0),
      records: await s.serviceRecords.list({ paths: ['/'] }, 100_000, 0),
      goods: await Promise.all(communities.map((c) => s.shop.listGoods(c.id, false))),
      orders: await Promise.all(communities.map((c) => s.shop.listRedemptions({ communityId: c.id }, 100_000, 0))),
      rules: await Promise.all(communities.map((c) => s.meta.get(`pointsRules:${c.id}`))),
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
    otherCommunity,
    otherCommunityCompound,
    staff,
    secretary,
    officer,
    branch,
    member,
    volunteer,
    resident,
    otherStaff,
    otherMember,
    personAt,
    call,
    grant,
    written,
    writesNothing,
  };
}

export type PointsKit = Awaited<ReturnType<typeof pointsKit>>;
