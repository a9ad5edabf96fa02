/**
 * The data the elder-mode test's 联户 pages need, made over the API the way the management page makes it:
 * community staff (张伟) pair the demo member 周敏 (dangyuan) with an elderly household of 幸福里小区 1号楼,
 * named and with kinds, so 我的联户 lists it and 记录走访 opens for it. Run after elder-seed.ts's seed().
 */
import { api } from './support/api';
import { demoPlaces } from './support/units';

export interface PairingsSeed {
  pairingId: string;
}

export async function seedPairings(url: string): Promise<PairingsSeed> {
  const http = api(url);
  const staff = await http.signIn('shequ');
  const member = await http.call<{ person: { id: string } }>('auth', 'whoAmI', {}, { token: await http.signIn('dangyuan') });
  const { building } = await demoPlaces(http, staff);
  const paired = await http.call<{ pairing: { id: string } }>(
    'pairings',
    'pair',
    { memberId: member.person.id, buildingId: building.id, door: { entrance: '2', floor: 5, room: '502' }, kinds: ['独居老人', '高龄'], contactName: '孙桂英', contactPhone: '13900002233' },
    { token: staff },
  );
  return { pairingId: paired.pairing.id };
}
