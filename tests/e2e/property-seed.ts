/**
 * The data the elder-mode test's 物业测评 pages need, made over the API the way the management page makes
 * it: community staff (张伟) register 幸福里物业服务有限公司 for 幸福里小区 and let a flag stand on the survey
 * alone (no reports needed: minReports 0, minAnswers 1); 钱红梅 (elder-seed.ts's neighbour, a household of
 * 1号楼 on WeChat) answers last month's survey; staff compute and publish last month. So the public page
 * shows a flag with its figures, and this month's survey is still open to her. Run after seed().
 */
import { api } from './support/api';
import { demoPlaces } from './support/units';

const Q = ['response', 'repair', 'cleaning', 'security', 'attitude'] as const;

export async function seedProperty(url: string, neighbourOpenid: string): Promise<void> {
  const http = api(url);
  const staff = await http.signIn('shequ');
  const who = { token: staff };
  const { community, compound } = await demoPlaces(http, staff);
  await http.call('assessments', 'saveCompany', { communityId: community.id, name: '幸福里物业服务有限公司', contactPhone: '13700007700', compoundIds: [compound.id] }, who);
  await http.call('assessments', 'savePolicy', { communityId: community.id, version: 0, policy: { weights: { responseRate: 20, onTimeRate: 20, satisfactionRate: 20, survey: 40 }, redAt: 80, minReports: 0, minAnswers: 1 } }, who);

  // Last month: this month's survey asks about now; the one before is still open to answer (months.ts).
  const thisMonth = (await http.call<{ month: string }>('assessments', 'survey', {}, { openid: neighbourOpenid })).month;
  const [y, m] = thisMonth.split('-').map(Number);
  const lastMonth = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  await http.call('assessments', 'answer', { compoundId: compound.id, month: lastMonth, answers: Object.fromEntries(Q.map((q) => [q, 'satisfied'])) }, { openid: neighbourOpenid });

  const review = await http.call<{ rows: { compound: { id: string }; assessment: { id: string; version: number } | null }[] }>('assessments', 'compute', { communityId: community.id, month: lastMonth }, who);
  const draft = review.rows.find((r) => r.compound.id === compound.id)!.assessment!;
  await http.call('assessments', 'publish', { id: draft.id, version: draft.version }, who);
}
