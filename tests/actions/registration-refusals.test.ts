/**
 * Bad input to registration: a forged or reused phone code, WeChat unable to give the number, a code
 * that cannot be used (revoked while the form was open, used up, for another purpose, someone
 * else's), a missing phone or field. Each has its own code and a message a person can act on, and
 * writes nothing: no registration, no audit entry, no code use, no login.
 */
import type { ResolvedCode } from '../../src/core';
import { localOpenData } from '../../cloudfunctions/lib/ports/open-data';
import { data, expectFailure } from '../support/harness';
import { freshPhone, phoneCode, registrationKit, stranger, type RegistrationKit } from './support/registration';

let k: RegistrationKit;
beforeAll(async () => {
  k = await registrationKit();
});
afterAll(() => k.h.close());

/** A WeChat user nobody knows, whose registrations the snapshot watches. */
const watched = () => {
  const wx = stranger();
  k.watch(wx);
  return wx;
};

describe('the phone', () => {
  it('refuses a forged phone code', async () => {
    const code = await k.code();
    await k.writesNothing(async () => {
      expectFailure(await k.submit({ codeId: code.id, name: '伪造', phoneCode: 'made-up-by-hand' }, watched()), 'PHONE.CODE_INVALID', 'phoneCode');
      expectFailure(await k.submit({ codeId: code.id, name: '伪造', phoneCode: 'dev-phone:12345:x' }, watched()), 'PHONE.CODE_INVALID', 'phoneCode');
    });
  });

  it('refuses a phone code used already', async () => {
    const once = phoneCode(freshPhone());
    data(await k.submit({ codeId: (await k.code()).id, name: '用过', phoneCode: once }, stranger()));
    const code = await k.code();
    await k.writesNothing(async () => expectFailure(await k.submit({ codeId: code.id, name: '用过', phoneCode: once }, watched()), 'PHONE.CODE_USED', 'phoneCode'));
  });

  it('says when WeChat cannot give the number, so the person types it', async () => {
    const code = await k.code();
    k.h.deps.openData = localOpenData({ devWechat: false });
    try {
      await k.writesNothing(async () => {
        const r = await k.submit({ codeId: code.id, name: '取不到', phoneCode: phoneCode(freshPhone()) }, watched());
        expectFailure(r, 'PHONE.UNAVAILABLE', 'phoneCode');
        expect(!r.ok && r.message).toMatch(/填写手机号/);
      });
    } finally {
      k.h.deps.openData = localOpenData({ devWechat: true });
    }
    // Typed instead, it is taken, unverified.
    expect(data(await k.submit({ codeId: code.id, name: '取不到', phone: freshPhone() }, stranger())).registration.phoneVerified).toBe(false);
  });

  it('asks for a phone when none came', async () => {
    const code = await k.code();
    await k.writesNothing(async () => expectFailure(await k.submit({ codeId: code.id, name: '无电话' }, watched()), 'REGISTRATION.NEEDS_PHONE', 'phone'));
  });
});

describe('the code', () => {
  it('refuses a code revoked between opening the form and submitting it; no use is taken', async () => {
    const code = await k.code();
    expect(data(await k.h.call<ResolvedCode>('codes', 'resolve', { id: code.id }, { ip: '10.9.9.9' })).purpose).toBe('building');
    data(await k.h.call('codes', 'revoke', { id: code.id, reason: '贴错了楼' }, k.lead));
    await k.writesNothing(async () => {
      const r = await k.submit({ codeId: code.id, name: '晚一步', phoneCode: phoneCode(freshPhone()) }, watched());
      expectFailure(r, 'CODE.REVOKED');
      expect(!r.ok && r.message).toMatch(/1号楼/);
    });
    expect((await k.h.store.codes.get(code.id))!.uses).toBe(0);
  });

  it('refuses a code used up', async () => {
    const code = await k.code(k.building.id, { useLimit: 1 });
    data(await k.submit({ codeId: code.id, name: '第一个', phone: freshPhone() }, stranger()));
    await k.writesNothing(async () => expectFailure(await k.submit({ codeId: code.id, name: '第二个', phone: freshPhone() }, watched()), 'CODE.USED_UP'));
  });

  it('refuses an unknown code and a code for another purpose', async () => {
    const compound = await k.h.unitNamed('幸福里小区');
    const member = await k.code(compound.id, { purpose: 'member' });
    await k.writesNothing(async () => {
      expectFailure(await k.submit({ codeId: 'zzzzzzzzzzzz', name: '乱扫', phone: freshPhone() }, watched()), 'CODE.NOT_FOUND', 'codeId');
      expectFailure(await k.submit({ codeId: 'not a code', name: '乱扫', phone: freshPhone() }, watched()), 'CODE.NOT_FOUND', 'codeId');
      expectFailure(await k.submit({ codeId: member.id, name: '乱扫', phone: freshPhone() }, watched()), 'CODE.WRONG_PURPOSE', 'codeId');
    });
  });

  it('refuses someone else’s personal code to a registered person', async () => {
    const other = await k.importResident('别人家', null, k.otherBuilding);
    const code = await k.personalCode(other.id, k.otherBuilding.id);
    const jumin = await k.h.as('jumin');
    await k.writesNothing(async () => expectFailure(await k.submit({ codeId: code.id, name: '孙福贵', phone: '13800000007' }, jumin), 'CODE.NOT_YOURS', 'codeId'));
  });
});

describe('the form', () => {
  it('refuses a missing name, a bad door and a bad phone with the field named', async () => {
    const code = await k.code();
    await k.writesNothing(async () => {
      expectFailure(await k.submit({ codeId: code.id, name: '  ', phone: freshPhone() }, watched()), 'INPUT.INVALID', 'name');
      expectFailure(await k.submit({ codeId: code.id, name: '门牌', phone: freshPhone(), door: { entrance: '2', floor: 5, room: '' } }, watched()), 'INPUT.INVALID', 'door.room');
      expectFailure(await k.submit({ codeId: code.id, name: '电话', phone: '12345' }, watched()), 'INPUT.INVALID', 'phone');
      expectFailure(await k.h.call('registration', 'approve', { id: 'x', version: 0 }, k.lead), 'INPUT.INVALID', 'version');
      expectFailure(await k.h.call('registration', 'reject', { id: 'x', version: 1, reason: '' }, k.lead), 'INPUT.INVALID', 'reason');
    });
  });
});
