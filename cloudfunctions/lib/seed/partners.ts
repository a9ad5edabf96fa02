/**
 * The demo's 共建单位 (full demo only): three partners of 阳光社区 — 市第一人民医院 (its in-service member
 * 周敏, the demo member `dangyuan`, linked), 区税务局 and 幸福里开发公司 (its contact the demo volunteer
 * 吴婷, `zhiyuan`, who acts for it in the mini-program; its 251 平方米活动室 on offer) — with their
 * resources; three needs: one open to claim, one the hospital claimed with an active project and
 * milestones, one met by a done project (the community asked for the company's room); and visits this
 * month by the hospital and the company, so the list shows 区税务局 as not visited this month.
 * Each status is reached the way the actions reach it: the transition tables and the store's claim.
 */
import { dayKey, monthKey, monthStart, needTransition, projectTransition, type Need, type Partner, type PartnerVisit, type Project, type Resource, type ResourceKind } from '../../../src/core';
import type { Deps } from '../deps';
import type { DemoPeople } from './people';
import type { DemoTree } from './tree';

const DAY = 24 * 3600_000;

interface PlannedPartner {
  name: string;
  kind: Partner['kind'];
  address: string;
  contact: { name: string; phone: string; username?: string };
  signedOn: string;
  terms: string;
  resources: { kind: ResourceKind; title: string; description: string; amount: string; availability: string }[];
}

export const DEMO_PARTNERS: readonly PlannedPartner[] = [
  {
    name: '市第一人民医院',
    kind: 'hospital',
    address: '金水区人民路 19 号',
    contact: { name: '王主任', phone: '13900005001' },
    signedOn: '2026-03-01',
    terms: '每月到社区义诊一次；为 65 岁以上老人建立健康档案；在职党员到社区报到服务',
    resources: [
      { kind: 'expert', title: '全科医生义诊', description: '内科、外科、中医各一名医生，量血压、测血糖、看化验单', amount: '每月 1 次，每次 3 名医生', availability: '每月第一个周六上午' },
      { kind: 'volunteers', title: '护士志愿者', description: '上门为行动不便的老人换药、测血压', amount: '每月 10 人次', availability: '工作日下午' },
    ],
  },
  {
    name: '区税务局',
    kind: 'agency',
    address: '金水区政务服务中心 3 楼',
    contact: { name: '刘科长', phone: '13900005002' },
    signedOn: '2026-05-20',
    terms: '每季度到社区开展一次税收政策宣讲；为个体工商户提供办税辅导',
    resources: [{ kind: 'expert', title: '个税和社保政策讲解', description: '个人所得税专项附加扣除、灵活就业社保缴费', amount: '每季度 1 次', availability: '提前一周预约' }],
  },
  {
    name: '幸福里开发公司',
    kind: 'enterprise',
    address: '幸福路 88 号幸福里商业中心',
    contact: { name: '吴婷', phone: '13800000009', username: 'zhiyuan' },
    signedOn: '2026-01-15',
    terms: '开放商业中心二楼活动室供社区使用；节日活动提供物资支持',
    resources: [
      { kind: 'room', title: '251 平方米活动室', description: '商业中心二楼，可坐 120 人，有投影和音响', amount: '251 平方米', availability: '周一至周五 9:00–17:00' },
      { kind: 'funds', title: '节日活动经费', description: '重阳节、春节敬老活动的物资和经费', amount: '每年 2 万元', availability: '至 2026 年 12 月' },
    ],
  },
];

export async function seedPartners(deps: Deps, tree: DemoTree, people: DemoPeople, now: number): Promise<void> {
  const { store, ids } = deps;
  const staff = people.byUsername.get('shequ')!;
  const community = tree.community;
  const compound = tree.byKey.get('幸福里小区')!;
  const since = now - 120 * DAY;

  const partners = new Map<string, Partner>();
  const resources = new Map<string, Resource>();
  for (const plan of DEMO_PARTNERS) {
    const personId = plan.contact.username ? (people.byUsername.get(plan.contact.username) ?? null) : null;
    const { partner } = await store.partners.insert({
      id: ids.next('ptn'),
      name: plan.name,
      kind: plan.kind,
      address: plan.address,
      contact: { name: plan.contact.name, phone: plan.contact.phone, personId },
      communityIds: [community.id],
      agreement: { signedOn: plan.signedOn, terms: plan.terms, until: null },
      archived: false,
      createdBy: staff,
      clientRequestId: `demo-partner-${plan.name}`,
      createdAt: since,
      updatedAt: since,
      version: 1,
    });
    partners.set(plan.name, partner);
    for (const r of plan.resources) {
      const { resource } = await store.partners.insertResource({
        id: ids.next('res'),
        partnerId: partner.id,
        ...r,
        status: 'offered',
        createdBy: personId ?? staff,
        clientRequestId: `demo-resource-${r.title}`,
        createdAt: since + DAY,
        updatedAt: since + DAY,
        version: 1,
      });
      resources.set(r.title, resource);
    }
  }
  const hospital = partners.get('市第一人民医院')!;
  const company = partners.get('幸福里开发公司')!;

  // 周敏 checked in as an in-service member (seed/checkins.ts): linked to her hospital.
  const zhouMin = people.byUsername.get('dangyuan')!;
  const checkin = (await store.checkins.listForPerson(zhouMin)).find((c) => c.status === 'approved' && c.memberType === 'in_service');
  if (checkin) await store.partners.linkMember({ partnerId: hospital.id, personId: zhouMin, checkinId: checkin.id, linkedBy: staff, linkedAt: since + 2 * DAY });

  const need = (title: string, kind: ResourceKind, description: string, daysAgo: number): Need => ({
    id: ids.next('ned'),
    communityId: community.id,
    unitId: compound.id,
    unitPath: compound.path,
    kind,
    title,
    description,
    source: 'typed',
    sourceId: null,
    status: 'open',
    partnerId: null,
    projectId: null,
    postedBy: staff,
    clientRequestId: `demo-need-${title}`,
    createdAt: now - daysAgo * DAY,
    updatedAt: now - daysAgo * DAY,
    version: 1,
  });
  const project = (n: Need, partner: Partner, p: Partial<Project>, at: number): Project => ({
    id: ids.next('prj'),
    communityId: community.id,
    partnerId: partner.id,
    needId: n.id,
    resourceId: null,
    title: n.title,
    startedBy: 'partner',
    note: null,
    status: 'proposed',
    communityOwnerId: null,
    partnerOwnerId: null,
    milestones: [],
    result: null,
    reason: null,
    proposedBy: staff,
    decidedBy: null,
    decidedAt: null,
    closedBy: null,
    closedAt: null,
    clientRequestId: `demo-project-${n.title}`,
    createdAt: at,
    updatedAt: at,
    version: 1,
    ...p,
  });

  // Open, for a partner to claim.
  await store.needs.insert(need('独居老人助餐志愿者', 'volunteers', '幸福里小区 12 位独居老人，每周一、三、五中午送餐上门', 5));

  // Claimed by the hospital (周敏 for it), accepted by staff: active, a milestone done and one ahead.
  const clinic = (await store.needs.insert(need('老年人健康义诊', 'expert', '为 65 岁以上老人量血压、测血糖，建立健康档案', 30))).need;
  const claimedAt = now - 25 * DAY;
  const claimed = await store.needs.claim(clinic.id, project(clinic, hospital, { partnerOwnerId: zhouMin, proposedBy: zhouMin }, claimedAt), claimedAt);
  if (claimed.ok) {
    const p = claimed.project;
    const acceptedAt = claimedAt + DAY;
    await store.projects.update(
      {
        ...p,
        status: projectTransition(p.status, 'accept')!,
        communityOwnerId: staff,
        decidedBy: staff,
        decidedAt: acceptedAt,
        milestones: [
          { id: ids.next('mst'), title: '第一次义诊（幸福里小区东门）', dueOn: dayKey(now - 14 * DAY), doneAt: now - 14 * DAY, doneBy: zhouMin },
          { id: ids.next('mst'), title: '建立健康档案', dueOn: dayKey(now + 20 * DAY), doneAt: null, doneBy: null },
        ],
        updatedAt: now - 14 * DAY,
        version: p.version + 1,
      },
      p.version,
    );
  }

  // Met: the community asked for the company's room for 重阳节敬老活动; done, with its result.
  const room = resources.get('251 平方米活动室')!;
  const party = (await store.needs.insert(need('重阳节敬老活动场地', 'room', '能坐 100 人的室内场地，办重阳节敬老联欢', 60))).need;
  const askedAt = now - 55 * DAY;
  const asked = await store.needs.claim(
    party.id,
    project(party, company, { resourceId: room.id, title: '借用活动室办重阳节敬老联欢', startedBy: 'community', communityOwnerId: staff, proposedBy: staff }, askedAt),
    askedAt,
  );
  if (asked.ok) {
    const p = asked.project;
    const closedAt = now - 40 * DAY;
    const wuTing = company.contact.personId;
    await store.projects.update(
      {
        ...p,
        status: 'done',
        partnerOwnerId: wuTing,
        decidedBy: wuTing ?? staff,
        decidedAt: askedAt + DAY,
        milestones: [{ id: ids.next('mst'), title: '场地布置', dueOn: dayKey(closedAt - DAY), doneAt: closedAt - DAY, doneBy: wuTing }],
        result: { text: '重阳节敬老联欢在活动室举办，86 位老人参加，开发公司送了慰问品', photos: [] },
        closedBy: staff,
        closedAt,
        updatedAt: closedAt,
        version: p.version + 1,
      },
      p.version,
    );
    await store.needs.update({ ...asked.need, status: needTransition(asked.need.status, 'meet')!, updatedAt: closedAt, version: asked.need.version + 1 }, asked.need.version);
  }

  // Visits this month: by the hospital's linked member and the company's contact; the tax bureau has not visited (its contact is no person in Jinlin yet).
  const month = monthKey(now);
  const visit = (partner: Partner, day: string, by: string, met: string, raised: string, feedback: string): PartnerVisit => ({
    id: ids.next('pvs'),
    partnerId: partner.id,
    communityId: community.id,
    day,
    met,
    raised,
    feedback,
    needId: null,
    reportId: null,
    by,
    clientRequestId: `demo-visit-${partner.name}-${day}`,
    createdAt: Math.min(now, monthStart(day.slice(0, 7)) + (Number(day.slice(8, 10)) - 1) * DAY + 10 * 3600_000),
  });
  await store.partnerVisits.insert(visit(hospital, dayKey(now), zhouMin, '社区书记李秀英、幸福里小区支部书记', '独居老人希望医生能上门量血压', '下月起护士志愿者每周二下午上门'));
  await store.partnerVisits.insert(visit(company, `${month}-01`, company.contact.personId ?? staff, '社区工作人员张伟', '活动室周末能否开放给老年合唱团', '周六上午可以开放，需提前三天预约'));
}
