/**
 * The data the elder-mode test's 积分 pages need, made over the API the way the management page and the
 * member's phone make it: community staff (张伟) stock the shop with two goods and grant the demo member
 * 周敏 (dangyuan) 50 points; she redeems one (an order 待领取 in 我的兑换) and records a service (待确认 in
 * 记录服务). Run after elder-seed.ts's seed().
 */
import { api } from './support/api';
import { demoPlaces } from './support/units';

export async function seedPoints(url: string): Promise<void> {
  const http = api(url);
  const staff = await http.signIn('shequ');
  const member = await http.signIn('dangyuan');
  const { community } = await demoPlaces(http, staff);
  const zhou = await http.call<{ person: { id: string } }>('auth', 'whoAmI', {}, { token: member });
  const soap = await http.call<{ id: string }>('points', 'saveGoods', { communityId: community.id, name: '洗衣液 2kg', description: '每周三下午在社区党群服务中心领取', price: 30, stock: 5 }, { token: staff });
  await http.call('points', 'saveGoods', { communityId: community.id, name: '东北大米 5kg', price: 80, stock: 2 }, { token: staff });
  await http.call('points', 'grant', { clientRequestId: 'elder-mode-points-grant', personId: zhou.person.id, points: 50, reason: '社区“七一”表彰：优秀党员志愿者' }, { token: staff });
  await http.call('points', 'redeem', { clientRequestId: 'elder-mode-points-redeem', goodsId: soap.id }, { token: member });
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  await http.call('points', 'recordService', { clientRequestId: 'elder-mode-points-service', what: '陪3号楼独居老人去医院复诊', date: today, minutes: 150, forWhom: '3号楼独居老人' }, { token: member });
}
