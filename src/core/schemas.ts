/**
 * Input schemas for every action, shared by the server (validation) and the clients (types).
 * Messages are Chinese because they reach the person filling the form.
 */
import * as z from 'zod';
import { UNIT_KINDS } from './units';
import { ROLES } from './roles';

const trimmed = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, { error: `请填写${label}` })
    .max(max, { error: `${label}最多 ${max} 个字` });

export const id = z.string({ error: '缺少编号' }).trim().min(1, { error: '缺少编号' }).max(64, { error: '编号太长' });
export const version = z.number({ error: '缺少版本号' }).int({ error: '版本号应为整数' }).min(1, { error: '版本号应为正整数' });

export const unitName = trimmed('单位名称', 40);
export const personName = trimmed('姓名', 20);
export const phone = z
  .string({ error: '请填写手机号' })
  .trim()
  .regex(/^1[3-9]\d{9}$/, { error: '手机号应为 11 位数字' });
export const username = z
  .string({ error: '请填写账号' })
  .trim()
  .regex(/^[a-zA-Z0-9_.-]{3,32}$/, { error: '账号为 3 到 32 位字母、数字或 _ . -' });
export const password = z
  .string({ error: '请填写密码' })
  .min(8, { error: '密码至少 8 位' })
  .max(128, { error: '密码最多 128 位' });

const note = (label: string, max = 500) =>
  z.string({ error: `请填写${label}` }).trim().min(1, { error: `请填写${label}` }).max(max, { error: `${label}最多 ${max} 个字` });
const photoList = z.array(z.string().trim().min(1).max(200), { error: '照片列表不正确' }).max(9, { error: '最多上传 9 张照片' });
const reportRef = { id, version };

const epoch = z.number({ error: '时间不正确' }).int({ error: '时间不正确' }).min(0, { error: '时间不正确' });
const LEVEL_VALUES = ['building', 'compound', 'community', 'street'] as const;
const STATUS_VALUES = ['submitted', 'responded', 'transferred', 'needs_info', 'resolved', 'closed', 'rejected'] as const;
const CHANNEL_VALUES = ['resident', 'group_chat', 'visit', 'phone'] as const;
const RATING_VALUES = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
const dayString = z.string({ error: '请选择日期' }).regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: '日期格式应为 2026-11-23' });

/** The report desk's filter (see core/management.ts DeskFilter). Impossible ranges are refused. */
export const deskFilter = z
  .object({
    unitId: id,
    statuses: z.array(z.enum(STATUS_VALUES, { error: '状态不正确' })).max(10).optional(),
    levels: z.array(z.enum(LEVEL_VALUES, { error: '层级不正确' })).max(4).optional(),
    categories: z.array(z.string().trim().min(1).max(40)).max(50, { error: '类别太多' }).optional(),
    channels: z.array(z.enum(CHANNEL_VALUES, { error: '来源不正确' })).max(4).optional(),
    overdue: z.boolean().optional(),
    dueWithinHours: z.number({ error: '到期时间不正确' }).int().min(1, { error: '到期时间至少 1 小时' }).max(24 * 90, { error: '到期时间最多 90 天' }).optional(),
    createdFrom: epoch.optional(),
    createdTo: epoch.optional(),
    resolvedFrom: epoch.optional(),
    resolvedTo: epoch.optional(),
    resolvedLevels: z.array(z.enum(LEVEL_VALUES, { error: '层级不正确' })).max(4).optional(),
    breached: z.boolean().optional(),
    respondedOnTime: z.boolean().optional(),
    ratings: z.array(z.enum(RATING_VALUES, { error: '评价不正确' })).max(3).optional(),
    disputed: z.boolean().optional(),
    escalated: z.boolean().optional(),
    followUpOpen: z.boolean().optional(),
    counted: z.boolean().optional(),
    q: z.string().trim().max(50, { error: '搜索词最多 50 个字' }).optional(),
  })
  .refine((f) => f.createdFrom === undefined || f.createdTo === undefined || f.createdFrom < f.createdTo, {
    error: '开始日期应早于结束日期',
    path: ['createdTo'],
  })
  .refine((f) => f.resolvedFrom === undefined || f.resolvedTo === undefined || f.resolvedFrom < f.resolvedTo, {
    error: '办结的开始日期应早于结束日期',
    path: ['resolvedTo'],
  });

const levelDeadline = z.object({
  respondHours: z.number({ error: '请填写响应时限' }).min(0.5, { error: '响应时限至少半小时' }).max(240, { error: '响应时限最多 240 小时' }),
  resolveDays: z.number({ error: '请填写办结时限' }).int({ error: '办结时限应为整数个工作日' }).min(1, { error: '办结时限至少 1 个工作日' }).max(60, { error: '办结时限最多 60 个工作日' }),
  urgentRespondHours: z.number({ error: '请填写紧急响应时限' }).min(0.5, { error: '紧急响应时限至少半小时' }).max(72, { error: '紧急响应时限最多 72 小时' }),
  urgentResolveHours: z.number({ error: '请填写紧急办结时限' }).min(1, { error: '紧急办结时限至少 1 小时' }).max(720, { error: '紧急办结时限最多 720 小时' }),
});

export const policySchema = z.object({
  categories: z
    .array(
      z.object({
        code: z.string({ error: '缺少类别代码' }).trim().regex(/^[a-z][a-z0-9_]{1,39}$/, { error: '类别代码为小写字母、数字和下划线' }),
        name: trimmed('类别名称', 12),
        icon: z.string({ error: '请选择图标' }).trim().min(1, { error: '请选择图标' }).max(8, { error: '图标不正确' }),
        entryLevel: z.enum(LEVEL_VALUES, { error: '起始层级不正确' }),
        urgent: z.boolean({ error: '请选择是否紧急' }),
        compoundHandler: z.enum(['property_manager', 'compound_secretary'], { error: '小区处理人不正确' }),
      }),
    )
    .min(1, { error: '至少保留一个类别' })
    .max(30, { error: '最多 30 个类别' })
    .refine((cs) => new Set(cs.map((c) => c.code)).size === cs.length, { error: '类别代码不能重复' })
    .refine((cs) => new Set(cs.map((c) => c.name)).size === cs.length, { error: '类别名称不能重复' }),
  levels: z.object({ building: levelDeadline, compound: levelDeadline, community: levelDeadline, street: levelDeadline }),
  overrides: z.record(z.string(), z.partialRecord(z.enum(LEVEL_VALUES), levelDeadline.partial())),
  warnRatio: z.number({ error: '请填写预警比例' }).min(0.5, { error: '预警比例在 50% 到 95% 之间' }).max(0.95, { error: '预警比例在 50% 到 95% 之间' }),
  autoCloseDays: z.number({ error: '请填写自动关闭天数' }).int().min(1, { error: '自动关闭至少 1 天' }).max(30, { error: '自动关闭最多 30 天' }),
});

const importFile = {
  kind: z.enum(['units', 'residents'], { error: '请选择导入类型' }),
  /** Where the imported rows go: their parent units are looked up below this unit. */
  unitId: id,
  fileName: z.string({ error: '缺少文件名' }).trim().min(1, { error: '缺少文件名' }).max(200).regex(/\.(xlsx|csv)$/i, { error: '只能导入 .xlsx 或 .csv 文件' }),
  /** The file, base64; at most about 10 MB. */
  base64: z.string({ error: '缺少文件内容' }).min(1, { error: '文件是空的' }).max(14_000_000, { error: '文件太大，最多 10 MB' }),
};

export const schemas = {
  auth: {
    signIn: z.object({ username: z.string({ error: '请填写账号' }).trim().min(1, { error: '请填写账号' }).max(64), password: z.string({ error: '请填写密码' }).min(1, { error: '请填写密码' }).max(128) }),
    signOut: z.object({}),
    whoAmI: z.object({}),
    demoLogins: z.object({}),
  },
  units: {
    tree: z.object({ rootId: id.optional(), includeArchived: z.boolean().optional() }),
    create: z.object({ parentId: id, kind: z.enum(UNIT_KINDS, { error: '单位类型不正确' }), name: unitName }),
    rename: z.object({ id, name: unitName, version }),
    move: z.object({ id, parentId: id, version }),
    archive: z.object({ id, version }),
    bindings: z.object({ unitId: id }),
    bind: z.object({ unitId: id, personId: id, role: z.enum(ROLES, { error: '角色不正确' }) }),
    unbind: z.object({ bindingId: id }),
  },
  reports: {
    categories: z.object({ unitId: id.optional() }),
    similar: z.object({ unitId: id, category: z.string().trim().min(1).max(40) }),
    create: z.object({
      clientRequestId: z.string({ error: '缺少请求编号' }).trim().min(8, { error: '请求编号不正确' }).max(64, { error: '请求编号不正确' }),
      unitId: id,
      category: z.string({ error: '请选择反映类别' }).trim().min(1, { error: '请选择反映类别' }).max(40),
      description: z
        .string({ error: '请说说遇到了什么问题' })
        .trim()
        .min(5, { error: '请多写几个字，至少 5 个字' })
        .max(500, { error: '描述最多 500 个字' }),
      location: z.string().trim().max(50, { error: '位置最多 50 个字' }).optional(),
      photos: photoList.optional(),
      anonymous: z.boolean().optional(),
      channel: z.enum(['resident', 'group_chat', 'visit', 'phone'], { error: '来源不正确' }).optional(),
      contactName: personName.optional(),
      contactPhone: phone.optional(),
      residentId: id.optional(),
    }),
    mine: z.object({ before: z.number().int().positive().optional(), limit: z.number().int().min(1).max(50).optional() }),
    detail: z.object({ id }),
    follow: z.object({ id }),
    inbox: z.object({
      view: z.enum(['assigned', 'dueSoon', 'overdue', 'all'], { error: '列表类型不正确' }).optional(),
      limit: z.number().int().min(1).max(100).optional(),
      offset: z.number().int().min(0).max(100_000).optional(),
    }),
    respond: z.object({ ...reportRef, note: z.string().trim().max(500).optional() }),
    escalate: z.object({ ...reportRef, reason: note('上报理由') }),
    transfer: z.object({ ...reportRef, department: note('转办部门', 30), note: z.string().trim().max(500).optional() }),
    requestInfo: z.object({ ...reportRef, question: note('需要补充的内容') }),
    provideInfo: z.object({ ...reportRef, answer: note('补充说明'), photos: photoList.optional() }),
    requestExtension: z.object({
      ...reportRef,
      days: z.number({ error: '请填写延期天数' }).int({ error: '延期天数应为整数' }).min(1, { error: '至少延期 1 个工作日' }).max(20, { error: '最多延期 20 个工作日' }),
      reason: note('延期理由'),
    }),
    decideExtension: z.object({ ...reportRef, approve: z.boolean({ error: '请选择同意或不同意' }), note: z.string().trim().max(500).optional() }),
    resolve: z.object({ ...reportRef, note: note('办理结果'), photos: photoList.optional() }),
    reject: z.object({
      ...reportRef,
      kind: z.enum(['duplicate', 'notActionable'], { error: '请选择不受理的原因' }),
      reason: note('原因（居民会看到）'),
      duplicateOf: id.optional(),
    }),
    comment: z.object({ ...reportRef, note: note('备注'), photos: photoList.optional() }),
    rate: z.object({
      ...reportRef,
      rating: z.enum(['satisfied', 'basically_satisfied', 'unsatisfied'], { error: '请选择满意、基本满意或不满意' }),
      note: z.string().trim().max(500, { error: '评价最多 500 个字' }).optional(),
    }),
    dispute: z.object({ ...reportRef, reason: note('还存在的问题'), photos: photoList.optional() }),
    closeFollowUp: z.object({ ...reportRef, note: note('回访情况') }),
    figures: z.object({
      unitId: id,
      month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份格式应为 2026-11' }),
    }),
  },
  management: {
    dashboard: z.object({ unitId: id.optional(), month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份格式应为 2026-11' }).optional() }),
    list: z.object({
      filter: deskFilter,
      sort: z.enum(['dueAt', '-createdAt', 'createdAt'], { error: '排序方式不正确' }).optional(),
      limit: z.number().int().min(1, { error: '每页至少 1 条' }).max(200, { error: '每页最多 200 条' }).optional(),
      offset: z.number().int().min(0).max(1_000_000).optional(),
    }),
    /** Hand reports to another person with a handler role at the report's current level unit. */
    reassign: z.object({
      reports: z.array(z.object({ id, version }), { error: '请选择反映' }).min(1, { error: '请选择反映' }).max(200, { error: '一次最多 200 件' }),
      handlerId: id,
      note: z.string().trim().max(500).optional(),
    }),
    /** People who may take reports at this unit (for the reassign picker). */
    handlers: z.object({ unitId: id }),
    agenda: z.object({ unitId: id.optional(), date: dayString }),
    importTemplate: z.object({ kind: importFile.kind }),
    importPreview: z.object(importFile),
    importCommit: z.object({ ...importFile, digest: z.string({ error: '请先预览' }).trim().min(8, { error: '请先预览' }).max(128) }),
    settings: z.object({ communityId: id }),
    saveSettings: z.object({ communityId: id, version: z.number().int().min(0), policy: policySchema }),
    resetSettings: z.object({ communityId: id, version: z.number().int().min(1) }),
    ledger: z
      .object({ unitId: id, from: dayString, to: dayString })
      .refine((v) => v.from <= v.to, { error: '开始日期应不晚于结束日期', path: ['to'] }),
    audit: z.object({
      unitId: id.optional(),
      targetId: id.optional(),
      actorId: id.optional(),
      action: z.string().trim().max(60).optional(),
      from: epoch.optional(),
      to: epoch.optional(),
      before: epoch.optional(),
      limit: z.number().int().min(1).max(200).optional(),
    }),
  },
  messages: {
    list: z.object({
      before: z.number().int().positive().optional(),
      limit: z.number().int().min(1, { error: '每页至少 1 条' }).max(50, { error: '每页最多 50 条' }).optional(),
    }),
    markRead: z.union(
      [
        z.object({ ids: z.array(id).min(1, { error: '请选择消息' }).max(100, { error: '一次最多 100 条' }) }),
        z.object({ all: z.literal(true) }),
      ],
      { error: '请指明要标为已读的消息（ids）或全部（all: true）' },
    ),
  },
  people: {
    search: z.object({
      q: z.string().trim().max(20, { error: '搜索词最多 20 个字' }).optional(),
      limit: z.number().int().min(1).max(100).optional(),
    }),
    create: z.object({ name: personName, phone: phone.optional(), username: username.optional(), password: password.optional() }).refine(
      (v) => (v.username === undefined) === (v.password === undefined),
      { error: '设置网页登录时，账号和密码要一起填写', path: ['password'] },
    ),
  },
} as const;

export type Schemas = typeof schemas;
export type FunctionName = keyof Schemas;
export type ActionName<F extends FunctionName> = keyof Schemas[F] & string;
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = Schemas[F][A] extends z.ZodType
  ? z.input<Schemas[F][A]>
  : never;
