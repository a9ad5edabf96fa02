/** The partners function's inputs: partner organisations (共建单位), resources, needs, projects (双向认领), visits, figures. */
import * as z from 'zod/mini';
import { NEED_STATUSES, PARTNER_KINDS, PROJECT_PHOTOS_MAX, PROJECT_STATUSES, RESOURCE_KINDS } from '../partners';
import { id, personName, phone, trimmed, version } from './fields';
import { onFirstUse } from './on-first-use';

const clientRequestId = () =>
  z.string({ error: '缺少请求编号' }).check(z.trim(), z.minLength(8, { error: '请求编号不正确' }), z.maxLength(64, { error: '请求编号不正确' }));
const day = (what: string) => z.string({ error: `请选择${what}` }).check(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: '日期格式应为 2026-12-20' }));
const optionalText = (label: string, max: number) => z.optional(z.string().check(z.trim(), z.maxLength(max, { error: `${label}最多 ${max} 个字` })));
const photoList = () =>
  z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(200)), { error: '照片列表不正确' }).check(z.maxLength(PROJECT_PHOTOS_MAX, { error: `最多上传 ${PROJECT_PHOTOS_MAX} 张照片` }));
const page = () => ({
  limit: z.optional(z.number().check(z.int(), z.gte(1), z.lte(500, { error: '一页最多 500 条' }))),
  offset: z.optional(z.number().check(z.int(), z.gte(0))),
});
const ref = () => ({ id, version });
const year = () => z.number({ error: '请选择年份' }).check(z.int(), z.gte(2020, { error: '年份不对' }), z.lte(2100, { error: '年份不对' }));

const partnerFields = () => ({
  name: trimmed('单位名称', 60),
  kind: z.enum(PARTNER_KINDS, { error: '请选择单位类型' }),
  address: trimmed('地址', 100),
  contactName: personName,
  contactPhone: phone,
  /** The contact as a person in Jinlin (found with the people search), so they act for the partner in the mini-program. */
  contactPersonId: z.optional(z.nullable(id)),
  communityIds: z.array(id, { error: '请选择共建的社区' }).check(z.minLength(1, { error: '至少选择一个共建的社区' }), z.maxLength(20)),
  signedOn: day('签约日期'),
  terms: trimmed('共建内容', 1000),
  until: z.optional(z.nullable(day('协议截止日期'))),
});

const resourceFields = () => ({
  kind: z.enum(RESOURCE_KINDS, { error: '请选择资源类型' }),
  title: trimmed('资源名称', 40),
  description: trimmed('资源说明', 500),
  amount: trimmed('数量', 40),
  availability: trimmed('可用时间', 60),
});

const needFields = () => ({
  unitId: id,
  kind: z.enum(RESOURCE_KINDS, { error: '请选择需求类型' }),
  title: trimmed('需求名称', 40),
  description: trimmed('需求说明', 500),
});

export const partners = onFirstUse({
  // The community's side (staff).
  savePartner: () => z.object({ clientRequestId: clientRequestId(), id: z.optional(id), version: z.optional(version), ...partnerFields() }),
  archivePartner: () => z.object({ ...ref() }),
  /** A community's partners with their figures for the month (who has not visited yet). */
  list: () => z.object({ communityId: z.optional(id), includeArchived: z.optional(z.boolean()) }),
  detail: () => z.object({ id }),
  /** Links an in-service member (an approved check-in, memberType in_service) to a partner; unlink ends it. */
  linkMember: () => z.object({ partnerId: id, personId: id }),
  unlinkMember: () => z.object({ partnerId: id, personId: id }),
  /** Posts a need, typed or from a report, a topic or a partner's visit. */
  postNeed: () =>
    z.object({
      clientRequestId: clientRequestId(),
      ...needFields(),
      source: z.optional(z.object({ kind: z.enum(['report', 'topic', 'visit'] as const), id })),
    }),
  withdrawNeed: () => z.object({ ...ref() }),
  needs: () => z.object({ communityId: z.optional(id), status: z.optional(z.enum(NEED_STATUSES)), ...page() }),
  resources: () => z.object({ communityId: z.optional(id), partnerId: z.optional(id), ...page() }),
  /** The community asks a partner for one of its resources: a project the partner accepts. */
  askResource: () => z.object({ clientRequestId: clientRequestId(), resourceId: id, communityId: id, title: trimmed('项目名称', 40), needId: z.optional(z.nullable(id)) }),
  projects: () => z.object({ communityId: z.optional(id), partnerId: z.optional(id), status: z.optional(z.enum(PROJECT_STATUSES)), ...page() }),
  project: () => z.object({ id }),
  /** The other side accepts a proposed project, naming its owner (the caller when absent). */
  accept: () => z.object({ ...ref(), ownerId: z.optional(id) }),
  decline: () => z.object({ ...ref(), reason: trimmed('不接受的原因', 100) }),
  cancel: () => z.object({ ...ref(), reason: trimmed('取消的原因', 100) }),
  /** Either owner keeps the milestones: add one, or mark one done. */
  addMilestone: () => z.object({ ...ref(), title: trimmed('节点名称', 40), dueOn: day('节点日期') }),
  doneMilestone: () => z.object({ ...ref(), milestoneId: id }),
  /** The community closes an active project with its result and photos; the need is met. */
  close: () => z.object({ ...ref(), result: trimmed('项目成效', 1000), photos: z.optional(photoList()) }),
  visits: () => z.object({ communityId: z.optional(id), partnerId: z.optional(id), month: z.optional(z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份格式应为 2026-12' }))), ...page() }),
  /** Links a report staff filed for what a visit raised. */
  linkVisitReport: () => z.object({ visitId: id, reportId: id }),
  /** Figures per community and per partner for a year (the year-end review), and the same as .xlsx. */
  figures: () => z.object({ communityId: z.optional(id), year: year() }),
  export: () => z.object({ communityId: z.optional(id), year: year() }),

  // The partner's side (its contact and linked members, in the mini-program).
  /** The partners the caller acts for, with their projects, resources, and the open needs of the communities they partner with. */
  mine: () => z.object({}),
  offerResource: () => z.object({ clientRequestId: clientRequestId(), partnerId: id, ...resourceFields() }),
  editResource: () => z.object({ ...ref(), ...resourceFields() }),
  withdrawResource: () => z.object({ ...ref() }),
  /** A partner claims an open need: a project the community accepts. Of two partners at once, one. */
  claimNeed: () => z.object({ clientRequestId: clientRequestId(), needId: id, partnerId: id, note: optionalText('认领说明', 200) }),
  recordVisit: () =>
    z.object({
      clientRequestId: clientRequestId(),
      partnerId: id,
      communityId: id,
      day: day('走访日期'),
      met: trimmed('见了谁', 100),
      raised: trimmed('了解到的诉求', 1000),
      feedback: optionalText('反馈', 500),
    }),
});
