/**
 * The data the elder-mode test's 微心愿 pages need, made over the API the way the pages and the management
 * page make it: the building lead 赵桂兰 (louzhang) posts three wishes for households of 1号楼 (孙福贵 has
 * no door without the full demo, so he cannot post one himself here); community staff (张伟) approve them;
 * the demo member 周敏 (dangyuan) claims two and fulfils one. So there is an open wish to claim, a claimed
 * one with its contact, and a fulfilled one for the lead to confirm. Run after elder-seed.ts's seed().
 */
import { api } from './support/api';
import { demoPlaces } from './support/units';

export interface WishesSeed {
  /** Open: 周敏 may claim it. */
  open: { id: string; what: string };
  /** Claimed by 周敏: she reads the contact. */
  claimedId: string;
  /** Fulfilled by 周敏: 赵桂兰 confirms it. */
  fulfilledId: string;
}

const chinaDay = (t: number) => new Date(t + 8 * 3600_000).toISOString().slice(0, 10);

export async function seedWishes(url: string): Promise<WishesSeed> {
  const http = api(url);
  const staff = await http.signIn('shequ');
  const lead = await http.signIn('louzhang');
  const member = await http.signIn('dangyuan');
  const { building } = await demoPlaces(http, staff);
  const byDate = chinaDay(Date.now() + 14 * 24 * 3600_000);

  const post = async (n: number, what: string, forWhom: string) => {
    const { wish } = await http.call<{ wish: { id: string; version: number } }>(
      'wishes',
      'post',
      {
        clientRequestId: `elder-wish-${n}-0000000`,
        what,
        forWhom,
        byDate,
        phoneShared: true,
        forHousehold: { buildingId: building.id, door: { entrance: '2', floor: n + 2, room: `${n + 2}02` }, phone: `1390000220${n}` },
      },
      { token: lead },
    );
    const approved = await http.call<{ id: string; version: number }>('wishes', 'approve', { id: wish.id, version: wish.version }, { token: staff });
    return approved;
  };

  const open = await post(1, '想要一根带凳子的拐杖，下楼买菜走累了能坐一坐', '腿脚不便的老人');
  const claimed = await post(2, '希望有人陪着去医院复查', '高龄老人');
  const fulfilled = await post(3, '想学用智能手机和孙子视频', '空巢老人');
  await http.call('wishes', 'claim', { id: claimed.id }, { token: member });
  const taken = await http.call<{ id: string; version: number }>('wishes', 'claim', { id: fulfilled.id }, { token: member });
  await http.call('wishes', 'fulfil', { id: taken.id, version: taken.version, note: '上门教了两个下午，老人已经会自己打视频电话了' }, { token: member });
  return { open: { id: open.id, what: '想要一根带凳子的拐杖' }, claimedId: claimed.id, fulfilledId: fulfilled.id };
}
