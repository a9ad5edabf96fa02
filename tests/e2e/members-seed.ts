/**
 * The data the elder-mode test's member pages need (党员报到, #20), made over the API on top of
 * elder-seed.ts: community staff (张伟) make 幸福里小区's member code, and the newcomer (a WeChat user
 * nobody knows) checks in with it and waits — their 我的报到, and the branch secretary 刘芳's queue.
 */
import { api } from './support/api';
import { checkIn, makeCode } from './support/people';
import { demoPlaces } from './support/units';

export interface MembersSeed {
  codeId: string;
  memberName: string;
}

export async function seedMembers(url: string, newcomerOpenid: string): Promise<MembersSeed> {
  const http = api(url);
  const staff = await http.signIn('shequ');
  const { compound } = await demoPlaces(http, staff);
  const codeId = await makeCode(http, staff, compound.id, 'member', '幸福里小区东门党员报到点');

  const memberName = '郑国华';
  await checkIn(http, newcomerOpenid, {
    codeId,
    name: memberName,
    phone: '13655552004',
    memberType: 'retired',
    veteran: true,
    branch: { name: '市机械厂退休职工党支部', place: '郑州市中原区' },
    workUnit: '市机械厂',
    skills: ['水电维修', '驾驶'],
    services: ['治安巡逻', '矛盾调解'],
    freeTime: '随时',
  });
  return { codeId, memberName };
}
