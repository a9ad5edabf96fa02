/** The reports function's inputs. */
import * as z from 'zod/mini';
import { id, personName, phone, version } from './fields';
import { onFirstUse } from './on-first-use';

const note = (label: string, max = 500) =>
  z.string({ error: `请填写${label}` }).check(z.trim(), z.minLength(1, { error: `请填写${label}` }), z.maxLength(max, { error: `${label}最多 ${max} 个字` }));
const optionalNote = (max = 500, params?: { error: string }) => z.optional(z.string().check(z.trim(), z.maxLength(max, params)));
const photoList = () => z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(200)), { error: '照片列表不正确' }).check(z.maxLength(9, { error: '最多上传 9 张照片' }));
const reportRef = { id, version };

export const reports = onFirstUse({
  categories: () => z.object({ unitId: z.optional(id) }),
  similar: () => z.object({ unitId: id, category: z.string().check(z.trim(), z.minLength(1), z.maxLength(40)) }),
  create: () => z.object({
    clientRequestId: z.string({ error: '缺少请求编号' }).check(z.trim(), z.minLength(8, { error: '请求编号不正确' }), z.maxLength(64, { error: '请求编号不正确' })),
    unitId: id,
    category: z.string({ error: '请选择反映类别' }).check(z.trim(), z.minLength(1, { error: '请选择反映类别' }), z.maxLength(40)),
    // Optional only beside a voice note: the action asks for words when there is none (filing.ts).
    description: z.optional(
      z
        .string({ error: '请说说遇到了什么问题' })
        .check(z.trim(), z.minLength(5, { error: '请多写几个字，至少 5 个字' }), z.maxLength(500, { error: '描述最多 500 个字' })),
    ),
    location: optionalNote(50, { error: '位置最多 50 个字' }),
    photos: z.optional(photoList()),
    /** The uploaded voice note's reference (Photos.putVoice, or a cloud fileID), like a photo's. */
    voice: z.optional(z.string({ error: '语音不正确，请删掉后重新录一段' }).check(z.trim(), z.minLength(1, { error: '语音不正确，请删掉后重新录一段' }), z.maxLength(200, { error: '语音不正确，请删掉后重新录一段' }))),
    anonymous: z.optional(z.boolean()),
    /** The echo wall (回音壁) may show the photos: off unless the resident ticks it. */
    photosPublic: z.optional(z.boolean()),
    channel: z.optional(z.enum(['resident', 'group_chat', 'visit', 'phone'], { error: '来源不正确' })),
    contactName: z.optional(personName),
    contactPhone: z.optional(phone),
    residentId: z.optional(id),
    /** A member filing during a visit to a household they are paired with (channel visit): the pairing. */
    pairingId: z.optional(id),
  }),
  mine: () => z.object({ before: z.optional(z.number().check(z.int(), z.positive())), limit: z.optional(z.number().check(z.int(), z.gte(1), z.lte(50))) }),
  detail: () => z.object({ id }),
  // What the neighbour typed before choosing to follow: kept as their comment on the followed report.
  follow: () => z.object({ id, note: optionalNote(500, { error: '补充的情况最多 500 个字' }) }),
  inbox: () => z.object({
    view: z.optional(z.enum(['assigned', 'dueSoon', 'overdue', 'all', 'watching'], { error: '列表类型不正确' })),
    limit: z.optional(z.number().check(z.int(), z.gte(1), z.lte(100))),
    offset: z.optional(z.number().check(z.int(), z.gte(0), z.lte(100_000))),
  }),
  respond: () => z.object({ ...reportRef, note: optionalNote() }),
  escalate: () => z.object({ ...reportRef, reason: note('上报理由') }),
  transfer: () => z.object({ ...reportRef, department: note('转办部门', 30), note: optionalNote() }),
  requestInfo: () => z.object({ ...reportRef, question: note('需要补充的内容') }),
  provideInfo: () => z.object({ ...reportRef, answer: note('补充说明'), photos: z.optional(photoList()) }),
  requestExtension: () => z.object({
    ...reportRef,
    days: z.number({ error: '请填写延期天数' }).check(z.int({ error: '延期天数应为整数' }), z.gte(1, { error: '至少延期 1 个工作日' }), z.lte(20, { error: '最多延期 20 个工作日' })),
    reason: note('延期理由'),
  }),
  decideExtension: () => z.object({ ...reportRef, approve: z.boolean({ error: '请选择同意或不同意' }), note: optionalNote() }),
  resolve: () => z.object({ ...reportRef, note: note('办理结果'), photos: z.optional(photoList()) }),
  reject: () => z.object({
    ...reportRef,
    kind: z.enum(['duplicate', 'notActionable'], { error: '请选择不受理的原因' }),
    reason: note('原因（居民会看到）'),
    duplicateOf: z.optional(id),
  }),
  comment: () => z.object({ ...reportRef, note: note('备注'), photos: z.optional(photoList()) }),
  // What a handler heard on the voice note, typed (VOICE.NONE on a report without one).
  describe: () => z.object({ ...reportRef, text: note('听到的内容') }),
  rate: () => z.object({
    ...reportRef,
    rating: z.enum(['satisfied', 'basically_satisfied', 'unsatisfied'], { error: '请选择满意、基本满意或不满意' }),
    note: optionalNote(500, { error: '评价最多 500 个字' }),
  }),
  dispute: () => z.object({ ...reportRef, reason: note('还存在的问题'), photos: z.optional(photoList()) }),
  closeFollowUp: () => z.object({ ...reportRef, note: note('回访情况') }),
  // Public (回音壁): a compound by its id or its public code's id; no compound: the caller's own.
  echoWall: () => z.object({
    compoundId: z.optional(id),
    codeId: z.optional(z.string({ error: '码不正确' }).check(z.trim(), z.minLength(1, { error: '码不正确' }), z.maxLength(40, { error: '码不正确' }))),
    month: z.optional(z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份格式应为 2026-11' }))),
  }),
  figures: () => z.object({
    unitId: id,
    month: z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份格式应为 2026-11' })),
  }),
});
