/**
 * The data the elder-mode test's member pages need (党员报到, #20), made over the API on top of
 * elder-seed.ts: community staff (张伟) make 幸福里小区's member code, and the newcomer (a WeChat user
 * nobody knows) checks in with it and waits — their 我的报到, and the branch secretary 刘芳's queue.
 */
export interface MembersSeed {
  codeId: string;
  memberName: string;
}

export async function seedMembers(url: string, newcomerOpenid: string): Promise<MembersSeed> {
  async function call<T = any>(fn: string, action: string, data: unknown, who: { token?: string; openid?: string } = {}): Promise<T> {
    const res = await fetch(`${url}/api/${fn}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(who.token ? { authorization: `Bearer ${who.token}` } : {}),
        ...(who.openid ? { 'X-Jinlin-Dev-Openid': who.openid } : {}),
      },
      body: JSON.stringify({ action, data }),
    });
    const json = await res.json();
    if (!json.ok) throw new Error(`${fn}.${action}: ${json.code} ${json.message}`);
    return json.data;
  }
  const staff = (await call<{ token: string }>('auth', 'signIn', { username: 'shequ', password: 'demo1234' })).token;
  const { units } = await call<{ units: { id: string; name: string }[] }>('units', 'tree', {}, { token: staff });
  const compound = units.find((u) => u.name === '幸福里小区')!;
  const code = await call<{ id: string }>('codes', 'create', { unitId: compound.id, purpose: 'member', label: '幸福里小区东门党员报到点' }, { token: staff });

  const memberName = '郑国华';
  await call(
    'members',
    'submit',
    {
      codeId: code.id,
      name: memberName,
      phone: '13655552004',
      memberType: 'retired',
      veteran: true,
      branch: { name: '市机械厂退休职工党支部', place: '郑州市中原区' },
      workUnit: '市机械厂',
      skills: ['水电维修', '驾驶'],
      services: ['治安巡逻', '矛盾调解'],
      freeTime: '随时',
    },
    { openid: newcomerOpenid },
  );
  return { codeId: code.id, memberName };
}
