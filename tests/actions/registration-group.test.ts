/**
 * Registering from a card opened in a building's bound WeChat group: the building is the group's,
 * no code's use is taken (and none given back on rejection), and it always waits for a person to
 * approve it, even with a phone WeChat verified. A group that cannot be read or is bound to no
 * building is refused with the building's code as the way round; exactly one of a code and a group.
 * Every refusal writes nothing.
 */
import type { RegistrationView, Submitted } from '../../src/core';
import type { Credentials } from '../../cloudfunctions/lib/identity';
import { groupDigest } from '../../cloudfunctions/lib/actions/groups/read';
import { data, expectFailure } from '../support/harness';
import { DOOR, freshPhone, phoneCode, stranger } from './support/registration';
import { expiredCloudID, forgedCloudID, freshGroup, groupsKit, inGroup, type GroupsKit } from './support/groups';

let k: GroupsKit;
const group = freshGroup();
beforeAll(async () => {
  k = await groupsKit();
  data(await k.bind(k.building.id, inGroup(group)));
});
afterAll(() => k.h.close());

const submit = (input: Record<string, unknown>, cred: Credentials) => {
  k.watch(cred);
  return k.h.call<Submitted>('registration', 'submit', { name: '林群友', door: DOOR, ...input }, cred);
};

describe('from a card in the bound group', () => {
  it('waits in the building’s queue with the building filled in from the group, taking no code use', async () => {
    const wx = stranger();
    const codesBefore = (await k.written()).codes;
    const sent = data(await submit({ groupCloudId: inGroup(group), phone: freshPhone() }, wx));
    expect(sent).toMatchObject({ created: true, me: null });
    expect(sent.registration).toMatchObject({ status: 'pending', autoApproved: null, building: { id: k.building.id, name: '1号楼' }, trail: '阳光社区 幸福里小区 1号楼' });
    expect((await k.written()).codes).toBe(codesBefore);
    expect(await k.h.store.registrations.get(sent.registration.id)).toMatchObject({ codeId: null, codePurpose: null, buildingId: k.building.id });
    expect((await k.queue()).map((r) => r.id)).toContain(sent.registration.id);
    const [entry] = await k.h.store.audit.search({ targetId: sent.registration.id, action: 'registration.submit' }, 5);
    expect(entry).toMatchObject({ actorId: null, unitPath: k.building.path, detail: { codeId: null, group: groupDigest(group) } });
    expect(JSON.stringify(entry)).not.toContain(group);
  });

  it('waits even with a phone WeChat verified that matches an unclaimed imported resident', async () => {
    const phone = freshPhone();
    await k.importResident('林导入', phone);
    const sent = data(await submit({ groupCloudId: inGroup(group), name: '林导入', phoneCode: phoneCode(phone) }, stranger()));
    expect(sent.registration).toMatchObject({ status: 'pending', phoneVerified: true, autoApproved: null });
    expect(sent.me).toBeNull();
  });

  it('is approved by the building’s lead like any other, and binds the resident to the group’s building', async () => {
    const wx = stranger();
    const sent = data(await submit({ groupCloudId: inGroup(group), phone: freshPhone(), name: '林通过' }, wx));
    const approved = data(await k.approve(sent.registration));
    expect(approved.status).toBe('approved');
    const me = await k.h.call<{ bindings: { role: string; unit: { id: string } }[] }>('auth', 'whoAmI', {}, wx);
    expect(data(me).bindings).toEqual([expect.objectContaining({ role: 'resident', unit: expect.objectContaining({ id: k.building.id }) })]);
  });

  it('gives back no code use when rejected: it took none', async () => {
    const sent = data(await submit({ groupCloudId: inGroup(group), phone: freshPhone(), name: '林不过' }, stranger()));
    const codesBefore = (await k.written()).codes;
    const rejected = data(await k.reject(sent.registration, '本楼没有这户'));
    expect(rejected).toMatchObject<Partial<RegistrationView>>({ status: 'rejected', rejectReason: '本楼没有这户' });
    expect((await k.written()).codes).toBe(codesBefore);
  });
});

describe('refused, writing nothing', () => {
  it('a group bound to no building: scan the building’s code instead', async () => {
    const r = await k.writesNothing(() => submit({ groupCloudId: inGroup(freshGroup()), phone: freshPhone() }, stranger()));
    expectFailure(r, 'GROUP.NOT_BOUND', 'groupCloudId');
    expect(!r.ok && r.message).toContain('楼栋码');
  });

  it.each([
    ['an expired cloudID', expiredCloudID, 'GROUP.EXPIRED'],
    ['a cloudID that cannot be read', forgedCloudID, 'GROUP.UNREADABLE'],
  ])('%s, offering the building’s code instead', async (_what, cloudID, code) => {
    const r = await k.writesNothing(() => submit({ groupCloudId: cloudID(), phone: freshPhone() }, stranger()));
    expectFailure(r, code, 'groupCloudId');
    expect(!r.ok && r.message).toContain('楼栋码');
  });

  it('both a code and a group, or neither', async () => {
    const code = await k.code();
    await k.writesNothing(async () => expectFailure(await submit({ codeId: code.id, groupCloudId: inGroup(group), phone: freshPhone() }, stranger()), 'INPUT.INVALID', 'codeId'));
    await k.writesNothing(async () => expectFailure(await submit({ phone: freshPhone() }, stranger()), 'INPUT.INVALID', 'codeId'));
  });

  it('a resident of the group’s building registering for it again', async () => {
    await k.writesNothing(async () => expectFailure(await submit({ groupCloudId: inGroup(group), phone: freshPhone() }, k.neighbour), 'REGISTRATION.ALREADY_RESIDENT'));
  });
});
