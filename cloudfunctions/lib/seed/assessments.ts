/**
 * The demo's 物业测评 (full demo only, after the history): two property companies — one serving
 * 幸福里小区, one serving 阳光花园 and 锦绣家园 (和平新村, an old compound, has none: its branch takes
 * what a property company would) — last month's survey answers, and last month computed from the
 * history's reports and those answers and published by the demo staff member, so the compounds'
 * public pages and the management page show a flag. 幸福里小区's residents are pleased (red, when its
 * reports bear it out), 阳光花园's are not (yellow), and too few of 锦绣家园's answered for a flag.
 * This month is left open: the demo resident 孙福贵 can answer it, and staff compute and publish it.
 */
import {
  assessmentId,
  householdKey,
  monthKey,
  monthRange,
  previousMonth,
  surveyAnswerId,
  type PropertyCompany,
  type SurveyAnswers,
  type SurveyAnswerValue,
} from '../../../src/core';
import { computeOne } from '../actions/assessments/compute';
import { policyOf } from '../actions/assessments/policy';
import type { Deps } from '../deps';
import { demoDoor } from './grids';
import type { DemoPeople } from './people';
import type { DemoTree } from './tree';

const HOUR = 3600_000;

export const DEMO_COMPANIES: readonly { name: string; phone: string; compounds: string[] }[] = [
  { name: '幸福里物业服务有限公司', phone: '13900004001', compounds: ['幸福里小区'] },
  { name: '阳光物业管理有限公司', phone: '13900004002', compounds: ['阳光花园', '锦绣家园'] },
];

/** Each answer a household gives, per compound: a pattern of the five answers, one household each. */
const S: SurveyAnswerValue = 'satisfied';
const B: SurveyAnswerValue = 'basically_satisfied';
const U: SurveyAnswerValue = 'unsatisfied';
const five = (response: SurveyAnswerValue, repair: SurveyAnswerValue, cleaning: SurveyAnswerValue, security: SurveyAnswerValue, attitude: SurveyAnswerValue): SurveyAnswers => ({
  response,
  repair,
  cleaning,
  security,
  attitude,
});

export const DEMO_ANSWERS: Record<string, { answers: SurveyAnswers; comment: string | null }[]> = {
  幸福里小区: [
    { answers: five(S, S, S, S, S), comment: '电梯坏了物业当天就修好了，谢谢' },
    { answers: five(S, S, S, S, S), comment: null },
    { answers: five(S, S, B, S, S), comment: null },
    { answers: five(S, B, S, S, S), comment: '楼道打扫得很干净' },
    { answers: five(S, S, S, S, S), comment: null },
    { answers: five(B, S, S, S, S), comment: null },
    { answers: five(S, S, S, B, S), comment: null },
    { answers: five(S, S, S, S, S), comment: null },
  ],
  阳光花园: [
    { answers: five(U, U, B, U, B), comment: '报修三次都没人来' },
    { answers: five(U, B, U, B, U), comment: '垃圾两天才清一次' },
    { answers: five(B, U, U, B, U), comment: null },
    { answers: five(U, U, B, U, U), comment: '地下车库晚上没人巡逻' },
    { answers: five(B, B, U, U, B), comment: null },
    { answers: five(U, U, U, B, U), comment: null },
  ],
  锦绣家园: [
    { answers: five(S, B, B, S, B), comment: null },
    { answers: five(B, B, S, B, S), comment: null },
  ],
};

/** Seeds the companies, last month's answers and its published assessments at `now`. */
export async function seedAssessments(deps: Deps, tree: DemoTree, people: DemoPeople, now: number): Promise<void> {
  const { store, ids } = deps;
  const staff = people.byUsername.get('shequ')!;
  const month = previousMonth(monthKey(now));
  const { from } = monthRange(month);

  const companies = new Map<string, PropertyCompany>();
  for (const plan of DEMO_COMPANIES) {
    const c: PropertyCompany = {
      id: ids.next('pco'),
      communityId: tree.community.id,
      name: plan.name,
      contactPhone: plan.phone,
      compoundIds: plan.compounds.map((name) => tree.byKey.get(name)!.id),
      archived: false,
      createdAt: from - 30 * 24 * HOUR,
      createdBy: staff,
      updatedAt: from - 30 * 24 * HOUR,
      version: 1,
    };
    const r = await store.propertyCompanies.insert(c);
    if (!r.ok) throw new Error(`demo company ${plan.name}: ${r.reason}`);
    for (const name of plan.compounds) companies.set(name, c);
  }

  for (const [name, answers] of Object.entries(DEMO_ANSWERS)) {
    const compound = tree.byKey.get(name)!;
    const buildings = tree.buildings.filter((b) => b.path.startsWith(compound.path));
    for (const [k, plan] of answers.entries()) {
      const building = buildings[k % buildings.length];
      // The household of the k-th resident seeded in the building; a demo with few residents answers for fewer.
      const personId = people.residents.get(building.id)?.[Math.floor(k / buildings.length)];
      if (!personId) continue;
      // Doors from the 20th household on: the demo resident's own door (and the grids' seeded ones) stay unanswered.
      const key = householdKey({ buildingId: building.id, door: demoDoor(20 + k) });
      await store.assessments.answer({
        id: surveyAnswerId(compound.id, month, key),
        compoundId: compound.id,
        communityId: tree.community.id,
        month,
        householdKey: key,
        buildingId: building.id,
        personId,
        answers: plan.answers,
        comment: plan.comment,
        at: from + (3 + k) * 24 * HOUR + 10 * HOUR,
      });
    }
  }

  const policy = await policyOf(deps, tree.community.id);
  for (const [name, company] of companies) {
    const compound = tree.byKey.get(name)!;
    const draft = await computeOne(deps, compound, company, month, policy, staff, null);
    if (!(await store.assessments.saveDraft(draft, null))) throw new Error(`demo assessment ${assessmentId(compound.id, month)} exists`);
    await store.assessments.publish(draft.id, draft.version, staff, now - 2 * HOUR);
  }
}
