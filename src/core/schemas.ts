/**
 * Input schemas for every action, shared by the server (validation) and the clients (types).
 * Messages are Chinese because they reach the person filling the form.
 */
import { z } from 'zod';
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
