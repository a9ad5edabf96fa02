/**
 * A person corrects their own name, and their phone through a number WeChat verifies; staff find
 * them by what they are now. A typed phone, a stale version or a name like the old one writes nothing.
 */
import type { OwnData, PersonView } from '../../src/core';
import { localOpenData } from '../../cloudfunctions/lib/ports/open-data';
import { data, expectFailure } from '../support/harness';
import { lecturesKit } from './support/lectures';

type Kit = Awaited<ReturnType<typeof lecturesKit>>;

describe('correcting one’s own name and phone', () => {
  let k: Kit;
  beforeAll(async () => {
    k = await lecturesKit();
    k.h.deps.openData = localOpenData({ devWechat: true });
  });
  afterAll(() => k.h.close());

  const account = async (cred: Parameters<Kit['h']['call']>[3]) => data(await k.h.call<OwnData>('people', 'ownData', {}, cred)).account.items[0];
  const found = async (q: string) => data(await k.h.call<PersonView[]>('people', 'search', { q }, await k.h.as('louzhang'))).map((p) => p.name);

  it('corrects the name; the building lead finds the new name, not the old; the audit names the field, not the values', async () => {
    const me = await k.resident('钱错字');
    const before = await account(me.cred);
    expect(data(await k.h.call<PersonView>('people', 'correctName', { name: '钱正字', version: before.version }, me.cred))).toMatchObject({ id: me.person.id, name: '钱正字' });
    expect(await account(me.cred)).toMatchObject({ name: '钱正字', version: before.version + 1 });
    expect(await found('钱正字')).toEqual(['钱正字']);
    expect(await found('钱错字')).toEqual([]);
    const [entry] = await k.h.store.audit.listForTarget(me.person.id, 10);
    expect(entry).toMatchObject({ action: 'people.correct', actorId: me.person.id, detail: expect.objectContaining({ fields: ['name'] }) });
    expect(JSON.stringify(entry)).not.toMatch(/钱正字|钱错字/);
  });

  it('refuses a name of symbols, the same name, or a stale version, and writes nothing', async () => {
    const me = await k.resident('孙不变');
    const { version } = await account(me.cred);
    expectFailure(await k.h.call('people', 'correctName', { name: '★★', version }, me.cred), 'INPUT.INVALID', 'name');
    expectFailure(await k.h.call('people', 'correctName', { name: '孙不变', version }, me.cred), 'INPUT.INVALID', 'name');
    expectFailure(await k.h.call('people', 'correctName', { name: '已注销居民', version }, me.cred), 'INPUT.INVALID', 'name');
    expectFailure(await k.h.call('people', 'correctName', { name: '孙改变', version: version + 1 }, me.cred), 'CONFLICT.VERSION', 'version');
    expect(await k.h.store.people.get(me.person.id)).toMatchObject({ name: '孙不变', version });
    expect(await k.h.store.audit.listForTarget(me.person.id, 10)).toEqual([]);
  });

  it('corrects the phone only to one WeChat verifies', async () => {
    const me = await k.resident('周换号');
    const { version } = await account(me.cred);
    const after = data(await k.h.call<PersonView>('people', 'correctPhone', { phoneCode: 'dev-phone:13612345678:a', version }, me.cred));
    expect(after.phone).toBe('13612345678');
    expect(await found('13612345678')).toEqual(['周换号']);
  });

  it('refuses a phone from the web, a used or bad WeChat code, and the same number, writing nothing', async () => {
    const me = await k.resident('吴原号');
    const { version, phone } = await account(me.cred);
    expectFailure(await k.h.call('people', 'correctPhone', { phoneCode: 'dev-phone:13612340000:a', version }, await k.h.as('jumin')), 'PERSON.PHONE_NEEDS_WECHAT', 'phoneCode');
    expectFailure(await k.h.call('people', 'correctPhone', { phone: '13612340000', version }, me.cred), 'INPUT.INVALID', 'phoneCode');
    expectFailure(await k.h.call('people', 'correctPhone', { phoneCode: 'not-a-code', version }, me.cred), 'PHONE.CODE_INVALID', 'phoneCode');
    expectFailure(await k.h.call('people', 'correctPhone', { phoneCode: `dev-phone:${phone}:a`, version }, me.cred), 'INPUT.INVALID', 'phoneCode');
    data(await k.h.call('people', 'correctPhone', { phoneCode: 'dev-phone:13612340001:b', version }, me.cred));
    expectFailure(await k.h.call('people', 'correctPhone', { phoneCode: 'dev-phone:13612340001:b', version: version + 1 }, me.cred), 'PHONE.CODE_USED', 'phoneCode');
    expect(await k.h.store.people.get(me.person.id)).toMatchObject({ phone: '13612340001', version: version + 1 });
  });
});
