/**
 * The data the elder-mode test's 小区议事 pages need, made over the API the way the management page makes
 * it (a host started with JINLIN_DEV_WECHAT=1, demo people, no demo history, so no demo topics): community
 * staff (张伟) open a topic for 幸福里小区 1号楼 voting from today to tomorrow (three options), on which
 * 钱红梅 (elder-seed.ts's neighbour, a household of 1号楼 on WeChat) leaves an opinion; they open an open
 * question for the whole compound and decide it at once at a residents' meeting, adopting the compound's
 * first 公约 with it; and they make the compound's public code. So the list, a topic to vote on, the 公约
 * with the topic that adopted it and the public page all have something to show. Run after seed().
 */
import { api } from './support/api';
import { demoPlaces } from './support/units';

export interface DeliberationSeed {
  /** The topic voting now, in 1号楼. */
  votingId: string;
  votingTitle: string;
  /** The compound's public code. */
  publicCode: string;
  compoundId: string;
}

const DAY = 24 * 3600_000;
const chinaDay = (t: number) => new Date(t + 8 * 3600_000).toISOString().slice(0, 10);

export async function seedDeliberation(url: string, neighbourOpenid: string): Promise<DeliberationSeed> {
  const http = api(url);
  const staff = { token: await http.signIn('shequ') };
  const { compound, building } = await demoPlaces(http, staff.token!);
  const now = Date.now();
  const votingTitle = '1号楼加装电梯';
  const voting = await http.call<{ topic: { id: string } }>(
    'deliberation',
    'open',
    {
      clientRequestId: 'elder-dlb-topic-voting',
      unitId: building.id,
      title: votingTitle,
      background: '1号楼是七层老楼，没有电梯，老人上下楼困难。街道有加装电梯补贴，住户分摊其余费用。',
      options: ['同意加装', '不同意', '再商量商量'],
      audience: 'residents',
      parties: ['幸福里物业', '业主委员会'],
      opinionsUntil: chinaDay(now + DAY),
      voteFrom: chinaDay(now),
      voteUntil: chinaDay(now + DAY),
    },
    staff,
  );
  await http.call('deliberation', 'say', { clientRequestId: 'elder-dlb-opinion-1', topicId: voting.topic.id, text: '同意，希望电梯装在北侧，不挡一楼的光' }, { openid: neighbourOpenid });

  const question = await http.call<{ topic: { id: string; version: number } }>(
    'deliberation',
    'open',
    {
      clientRequestId: 'elder-dlb-topic-rules',
      unitId: compound.id,
      title: '电动车不进楼道写进公约',
      background: '楼道里给电动车充电有火灾隐患，大家商量把“电动车不进楼道”写进小区公约。',
      audience: 'residents',
      opinionsUntil: chinaDay(now),
    },
    staff,
  );
  await http.call(
    'deliberation',
    'decide',
    {
      id: question.topic.id,
      version: question.topic.version,
      decidedBy: 'residents_meeting',
      text: '“电动车不进楼道、不进电梯”写进小区公约，今天起施行',
      minutes: '在小区广场召开坝坝会，到会居民 40 余人，社区、业委会、物业参加，一致同意。',
      meetingDay: chinaDay(now),
      attendees: '社区党委、业委会、物业、居民 40 余人',
      rules: { text: '幸福里小区管理公约\n一、爱护公共设施，不在楼道堆放杂物。\n二、电动车不进楼道、不进电梯，到充电棚充电。', note: '增加电动车条款', expectedVersion: 0 },
    },
    staff,
  );
  const publicCode = (await http.call<{ id: string }>('codes', 'create', { unitId: compound.id, purpose: 'public', label: '小区公告栏' }, staff)).id;
  return { votingId: voting.topic.id, votingTitle, publicCode, compoundId: compound.id };
}
