/**
 * What the party-member tests share: a harness whose WeChat stand-in honours phone codes, 幸福里小区
 * with its branch secretary's member codes (and 阳光社区's, for 直管 members), a secretary of another
 * compound, checking in as a WeChat user or a person, the secretary's decisions, and a snapshot of
 * everything a refusal must not write.
 */
import type { CheckinQueueItem, CheckinView, CodeView, Outputs, Role, Unit } from '../../../src/core';
import { hashPassword } from '../../../cloudfunctions/lib/auth/passwords';
import type { Credentials } from '../../../cloudfunctions/lib/identity';
import { localOpenData } from '../../../cloudfunctions/lib/ports/open-data';
import { data, harness, type Harness } from '../../support/harness';
import { freshPhone, phoneCode, stranger } from './registration';

export { freshPhone, phoneCode, stranger };

export interface CheckinInput {
  codeId: string;
  name: string;
  memberType?: 'in_service' | 'retired' | 'mobile' | 'direct';
  phone?: string;
  phoneCode?: string;
  branch?: { name: string; place?: string | null };
  workUnit?: string | null;
  skills?: string[];
  services?: string[];
  freeTime?: string | null;
  veteran?: boolean;
  household?: { buildingId: string; door: { entrance: string; floor: number | null; room: string } } | null;
}

let made = 0;

export async function membersKit(opts: { h?: Harness } = {}) {
  const h = opts.h ?? (await harness());
  h.deps.openData = localOpenData({ devWechat: true });
  const compound: Unit = await h.unitNamed('幸福里小区');
  const otherCompound: Unit = await h.unitNamed('阳光花园');
  const community: Unit = await h.unitNamed('阳光社区');
  const building: Unit = await h.unitNamed('1号楼', '幸福里小区');
  const secretary = await h.as('zhibu');
  const communitySecretary = await h.as('shuji');

  /** A person with a login bound as `role` on `unit`. */
  async function personAt(role: Role, unit: Unit, name = `某人${made + 1}`): Promise<{ id: string; cred: Credentials }> {
    const n = ++made;
    const id = `per_mem${n}`;
    await h.store.people.insert({ id, name, phone: null, username: `mem${n}`, openid: null, demo: false, version: 1, createdAt: 0, updatedAt: 0 }, await hashPassword('member-pass'));
    await h.store.bindings.insert({ id: `bnd_mem${n}`, personId: id, unitId: unit.id, role, createdAt: 0, createdBy: null });
    return { id, cred: { token: data(await h.call<{ token: string }>('auth', 'signIn', { username: `mem${n}`, password: 'member-pass' })).token } };
  }
  /** 阳光花园's branch secretary: a secretary, of another compound. */
  const otherSecretary = await personAt('compound_secretary', otherCompound, '黄丽华');

  /** A member code on the compound (by its secretary) or on the community (by the community secretary). */
  const code = async (unit: Unit = compound, extra: Record<string, unknown> = {}) =>
    data(await h.call<CodeView>('codes', 'create', { unitId: unit.id, purpose: 'member', ...extra }, unit.id === compound.id ? secretary : communitySecretary));

  const submit = (input: CheckinInput, cred: Credentials = {}) =>
    h.call<Outputs['members']['submit']>(
      'members',
      'submit',
      { memberType: 'in_service', branch: { name: '市供电公司第三党支部', place: '本市' }, ...(input.phone || input.phoneCode ? {} : { phone: freshPhone() }), ...input },
      cred,
    );
  const mine = (cred: Credentials) => h.call<Outputs['members']['mine']>('members', 'mine', {}, cred);
  const queue = async (cred: Credentials = secretary, unitId?: string) => data(await h.call<{ checkins: CheckinQueueItem[] }>('members', 'pending', unitId ? { unitId } : {}, cred)).checkins;
  const ref = (c: Pick<CheckinView, 'id' | 'version'>) => ({ id: c.id, version: c.version });
  const approve = (c: Pick<CheckinView, 'id' | 'version'>, cred: Credentials = secretary, personId?: string | null) =>
    h.call<CheckinView>('members', 'approve', { ...ref(c), ...(personId !== undefined ? { personId } : {}) }, cred);
  const giveBack = (c: Pick<CheckinView, 'id' | 'version'>, reason: string, cred: Credentials = secretary) => h.call<CheckinView>('members', 'return', { ...ref(c), reason }, cred);
  const transferOut = (c: Pick<CheckinView, 'id' | 'version'>, date: string, reason: string, cred: Credentials = secretary) =>
    h.call<CheckinView>('members', 'transferOut', { ...ref(c), date, reason }, cred);
  const withdraw = (c: Pick<CheckinView, 'id' | 'version'>, date: string, reason: string, cred: Credentials = secretary) =>
    h.call<CheckinView>('members', 'withdraw', { ...ref(c), date, reason }, cred);

  /** A WeChat user nobody knows, checked in with `input` and approved by the compound's secretary: their credentials and record. */
  async function member(input: Omit<CheckinInput, 'codeId'> & { codeId?: string }, unit: Unit = compound) {
    const wx = stranger();
    const sent = data(await submit({ codeId: input.codeId ?? (await code(unit)).id, ...input }, wx));
    const approved = data(await approve(sent.checkin, unit.id === compound.id ? secretary : communitySecretary));
    return { wx, checkin: approved };
  }

  /** Everything a refusal must leave as it was: audit, check-ins, member codes and their uses, bindings on the units, people. */
  async function written() {
    const byId = <T extends { id: string }>(xs: T[]) => JSON.stringify([...xs].sort((a, b) => a.id.localeCompare(b.id)));
    const units = [compound, otherCompound, community];
    const checkins = await h.store.checkins.roster({ paths: ['/'], statuses: ['pending', 'approved', 'returned', 'transferred_out', 'withdrawn'] }, 100_000, 0);
    const codes = (await Promise.all(units.map((u) => h.store.codes.listForUnit(u.id)))).flat();
    const bindings = (await Promise.all(units.map((u) => h.store.bindings.listForUnit(u.id)))).flat();
    return {
      audit: (await h.store.audit.search({}, 100_000)).length,
      checkins: byId(checkins.checkins),
      codes: byId(codes),
      bindings: byId(bindings),
      people: await h.store.people.count(),
      messages: JSON.stringify(await Promise.all(bindings.map((b) => h.store.messages.listForPerson(b.personId, 100)))),
    };
  }

  /** Runs `run` and asserts it wrote nothing a refusal must not write. */
  async function writesNothing<T>(run: () => Promise<T>): Promise<T> {
    const before = await written();
    const out = await run();
    expect(await written()).toEqual(before);
    return out;
  }

  return {
    h,
    compound,
    otherCompound,
    community,
    building,
    secretary,
    communitySecretary,
    otherSecretary,
    personAt,
    code,
    submit,
    mine,
    queue,
    approve,
    giveBack,
    transferOut,
    withdraw,
    member,
    written,
    writesNothing,
  };
}

export type MembersKit = Awaited<ReturnType<typeof membersKit>>;
