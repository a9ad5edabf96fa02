/**
 * The data the elder-mode test's 共建单位 pages need, made over the API the way the management page and the
 * mini-program make it (a host without the full demo, so no demo partners): community staff (张伟) register
 * 市第一人民医院 with the demo member 周敏 (dangyuan) as its contact, post two needs of 幸福里小区; 周敏 offers a
 * resource and claims one need, which staff accept (an active project she keeps); staff ask for her
 * resource (a project waiting for her side); she records a visit. So 我的共建单位 has all its parts, a need
 * waits to be claimed, and each kind of project page has one to show. Run after elder-seed.ts's seed().
 */
import { api } from './support/api';
import { demoPlaces } from './support/units';

export interface PartnersSeed {
  partnerId: string;
  /** Open: 周敏 may claim it. */
  needId: string;
  /** Claimed by 周敏 and accepted by staff: going, with a milestone. */
  activeProjectId: string;
  /** Staff asked for 周敏's resource: it waits for her side. */
  askedProjectId: string;
}

const chinaDay = (t: number) => new Date(t + 8 * 3600_000).toISOString().slice(0, 10);

export async function seedPartnersPages(url: string): Promise<PartnersSeed> {
  const http = api(url);
  const staff = await http.signIn('shequ');
  const zhou = await http.signIn('dangyuan');
  const { community, compound } = await demoPlaces(http, staff);
  const zhouId = (await http.call<{ person: { id: string } }>('auth', 'whoAmI', {}, { token: zhou })).person.id;

  const { partner } = await http.call<{ partner: { id: string } }>(
    'partners',
    'savePartner',
    {
      clientRequestId: 'elder-partner-0000001',
      name: '市第一人民医院',
      kind: 'hospital',
      address: '金水区人民路 19 号',
      contactName: '周敏',
      contactPhone: '13800000008',
      contactPersonId: zhouId,
      communityIds: [community.id],
      signedOn: chinaDay(Date.now() - 90 * 24 * 3600_000),
      terms: '每月到社区义诊一次；为 65 岁以上老人建立健康档案',
    },
    { token: staff },
  );
  const post = async (n: number, title: string, description: string) =>
    (await http.call<{ need: { id: string } }>('partners', 'postNeed', { clientRequestId: `elder-need-${n}-000000`, unitId: compound.id, kind: 'volunteers', title, description }, { token: staff })).need;
  const open = await post(1, '老年活动室缺一个读书角', '小区老人想要一个能读书看报的地方，每周二、四下午用');
  const claimedNeed = await post(2, '独居老人每月上门量血压', '幸福里小区有 12 位独居老人，希望每月有人上门量血压、问问身体');

  const { resource } = await http.call<{ resource: { id: string } }>(
    'partners',
    'offerResource',
    { clientRequestId: 'elder-resource-000001', partnerId: partner.id, kind: 'expert', title: '全科医生义诊', description: '内科、中医各一名医生，量血压、测血糖、看化验单', amount: '每月 1 次，2 名医生', availability: '每月第一个周六上午' },
    { token: zhou },
  );
  const claimed = await http.call<{ project: { id: string; version: number } }>('partners', 'claimNeed', { clientRequestId: 'elder-claim-0000001', needId: claimedNeed.id, partnerId: partner.id, note: '每月第一个周六上午来' }, { token: zhou });
  const active = await http.call<{ id: string; version: number }>('partners', 'accept', { id: claimed.project.id, version: claimed.project.version }, { token: staff });
  await http.call('partners', 'addMilestone', { id: active.id, version: active.version, title: '建立老人名单', dueOn: chinaDay(Date.now() + 7 * 24 * 3600_000) }, { token: zhou });
  const asked = await http.call<{ project: { id: string } }>('partners', 'askResource', { clientRequestId: 'elder-ask-00000001', resourceId: resource.id, communityId: community.id, title: '重阳节义诊' }, { token: staff });
  await http.call(
    'partners',
    'recordVisit',
    { clientRequestId: 'elder-visit-0000001', partnerId: partner.id, communityId: community.id, day: chinaDay(Date.now() - 24 * 3600_000), met: '社区书记、3 号楼楼栋长', raised: '独居老人量血压不方便' },
    { token: zhou },
  );
  return { partnerId: partner.id, needId: open.id, activeProjectId: active.id, askedProjectId: asked.project.id };
}
