/**
 * The data the elder-mode test's 联户 pages need, made over the API the way the management page makes it:
 * community staff (张伟) pair the demo member 周敏 (dangyuan) with an elderly household of 幸福里小区 1号楼,
 * named and with kinds, so 我的联户 lists it and 记录走访 opens for it. Run after elder-seed.ts's seed().
 */
export interface PairingsSeed {
  pairingId: string;
}

export async function seedPairings(url: string): Promise<PairingsSeed> {
  async function call<T = any>(fn: string, action: string, data: unknown, token?: string): Promise<T> {
    const res = await fetch(`${url}/api/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ action, data }),
    });
    const json = await res.json();
    if (!json.ok) throw new Error(`${fn}.${action}: ${json.code} ${json.message}`);
    return json.data;
  }
  const signIn = async (username: string) => (await call<{ token: string }>('auth', 'signIn', { username, password: 'demo1234' })).token;
  const staff = await signIn('shequ');
  const member = await call<{ person: { id: string } }>('auth', 'whoAmI', {}, await signIn('dangyuan'));
  const { units } = await call<{ units: { id: string; parentId: string | null; name: string }[] }>('units', 'tree', {}, staff);
  const compound = units.find((u) => u.name === '幸福里小区')!;
  const building = units.find((u) => u.parentId === compound.id && u.name === '1号楼')!;
  const paired = await call<{ pairing: { id: string } }>(
    'pairings',
    'pair',
    { memberId: member.person.id, buildingId: building.id, door: { entrance: '2', floor: 5, room: '502' }, kinds: ['独居老人', '高龄'], contactName: '孙桂英', contactPhone: '13900002233' },
    staff,
  );
  return { pairingId: paired.pairing.id };
}
