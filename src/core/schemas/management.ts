/** The management function's inputs: the management page's reads, settings, imports, ledger and holidays. */
import * as z from 'zod/mini';
import { id, trimmed, version } from './fields';
import { onFirstUse } from './on-first-use';

// Parts more than one action's schema is made of, built with the schema that uses them.
const epoch = () => z.number({ error: '时间不正确' }).check(z.int({ error: '时间不正确' }), z.gte(0, { error: '时间不正确' }));
const dayString = () => z.string({ error: '请选择日期' }).check(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: '日期格式应为 2026-11-23' }));
const month = () => z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份格式应为 2026-11' }));
const flag = () => z.optional(z.boolean());
const someOf = <T extends readonly [string, ...string[]]>(values: T, error: string, max: number) => z.optional(z.array(z.enum(values, { error })).check(z.maxLength(max)));
const LEVEL_VALUES = ['building', 'grid', 'compound', 'community', 'street'] as const;
const STATUS_VALUES = ['submitted', 'responded', 'transferred', 'needs_info', 'resolved', 'closed', 'rejected'] as const;
const CHANNEL_VALUES = ['resident', 'group_chat', 'visit', 'phone', 'open311'] as const;
const RATING_VALUES = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;

/** The report desk's filter (see core/management.ts DeskFilter). Impossible ranges are refused. */
export const deskFilter = z.lazy(() =>
  z
    .object({
      unitId: id,
      statuses: someOf(STATUS_VALUES, '状态不正确', 10),
      levels: someOf(LEVEL_VALUES, '层级不正确', LEVEL_VALUES.length),
      categories: z.optional(z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(40))).check(z.maxLength(50, { error: '类别太多' }))),
      channels: someOf(CHANNEL_VALUES, '来源不正确', CHANNEL_VALUES.length),
      overdue: flag(),
      dueWithinHours: z.optional(z.number({ error: '到期时间不正确' }).check(z.int(), z.gte(1, { error: '到期时间至少 1 小时' }), z.lte(24 * 90, { error: '到期时间最多 90 天' }))),
      createdFrom: z.optional(epoch()),
      createdTo: z.optional(epoch()),
      resolvedFrom: z.optional(epoch()),
      resolvedTo: z.optional(epoch()),
      resolvedLevels: someOf(LEVEL_VALUES, '层级不正确', LEVEL_VALUES.length),
      breached: flag(),
      respondedOnTime: flag(),
      responseSettledBy: z.optional(epoch()),
      ratings: someOf(RATING_VALUES, '评价不正确', 3),
      disputed: flag(),
      escalated: flag(),
      followUpOpen: flag(),
      counted: flag(),
      q: z.optional(z.string().check(z.trim(), z.maxLength(50, { error: '搜索词最多 50 个字' }))),
    })
    .check(
      z.refine((f) => f.createdFrom === undefined || f.createdTo === undefined || f.createdFrom < f.createdTo, { error: '开始日期应早于结束日期', path: ['createdTo'] }),
      z.refine((f) => f.resolvedFrom === undefined || f.resolvedTo === undefined || f.resolvedFrom < f.resolvedTo, { error: '办结的开始日期应早于结束日期', path: ['resolvedTo'] }),
    ),
);

const levelDeadline = () =>
  z.object({
    respondHours: z.number({ error: '请填写响应时限' }).check(z.gte(0.5, { error: '响应时限至少半小时' }), z.lte(240, { error: '响应时限最多 240 小时' })),
    resolveDays: z
      .number({ error: '请填写办结时限' })
      .check(z.int({ error: '办结时限应为整数个工作日' }), z.gte(1, { error: '办结时限至少 1 个工作日' }), z.lte(60, { error: '办结时限最多 60 个工作日' })),
    urgentRespondHours: z.number({ error: '请填写紧急响应时限' }).check(z.gte(0.5, { error: '紧急响应时限至少半小时' }), z.lte(72, { error: '紧急响应时限最多 72 小时' })),
    urgentResolveHours: z.number({ error: '请填写紧急办结时限' }).check(z.gte(1, { error: '紧急办结时限至少 1 小时' }), z.lte(720, { error: '紧急办结时限最多 720 小时' })),
  });

export const policySchema = z.lazy(() => {
  const level = levelDeadline();
  return z
    .object({
      categories: z
        .array(
          z.object({
            code: z.string({ error: '缺少类别代码' }).check(z.trim(), z.regex(/^[a-z][a-z0-9_]{1,39}$/, { error: '类别代码为小写字母、数字和下划线' })),
            name: trimmed('类别名称', 12),
            icon: z.string({ error: '请选择图标' }).check(z.trim(), z.minLength(1, { error: '请选择图标' }), z.maxLength(8, { error: '图标不正确' })),
            entryLevel: z.enum(LEVEL_VALUES, { error: '起始层级不正确' }),
            urgent: z.boolean({ error: '请选择是否紧急' }),
            compoundHandler: z.enum(['property_manager', 'compound_secretary'], { error: '小区处理人不正确' }),
          }),
        )
        .check(
          z.minLength(1, { error: '至少保留一个类别' }),
          z.maxLength(30, { error: '最多 30 个类别' }),
          z.refine((cs) => new Set(cs.map((c) => c.code)).size === cs.length, { error: '类别代码不能重复' }),
          z.refine((cs) => new Set(cs.map((c) => c.name)).size === cs.length, { error: '类别名称不能重复' }),
        ),
      /** The grid as a level (absent: off, as settings saved before it were). */
      gridLevel: z.optional(z.boolean({ error: '请选择网格是否作为一级' })),
      // The grid's deadlines are optional: a page that knows nothing of the grid sends four levels.
      levels: z.object({ building: level, grid: z.optional(level), compound: level, community: level, street: level }),
      overrides: z.record(z.string(), z.partialRecord(z.enum(LEVEL_VALUES), z.partial(level))),
      warnRatio: z.number({ error: '请填写预警比例' }).check(z.gte(0.5, { error: '预警比例在 50% 到 95% 之间' }), z.lte(0.95, { error: '预警比例在 50% 到 95% 之间' })),
      autoCloseDays: z.number({ error: '请填写自动关闭天数' }).check(z.int(), z.gte(1, { error: '自动关闭至少 1 天' }), z.lte(30, { error: '自动关闭最多 30 天' })),
      /** Voice notes to text by WeChat's plugin (absent: off). */
      speechToText: z.optional(z.boolean({ error: '请选择是否打开语音转文字' })),
      /** Absent (a page that knows nothing of it): the default, 3 years. */
      retentionYears: z.optional(z.number({ error: '请填写联系人信息保留年数' }).check(z.int({ error: '保留年数为整数' }), z.gte(1, { error: '联系人信息至少保留 1 年' }), z.lte(10, { error: '联系人信息最多保留 10 年' }))),
    })
    .check(
      z.refine((p) => p.gridLevel === true || p.categories.every((c) => c.entryLevel !== 'grid'), {
        error: '网格还不是反映的一级：请先打开“网格作为一级”，再把类别的起始层级设为网格',
        path: ['categories'],
      }),
    );
});

const importFileRef = () => z.string({ error: '请先上传文件' }).check(z.trim(), z.minLength(1, { error: '请先上传文件' }), z.maxLength(400, { error: '文件标识不正确，请重新上传' }));
const importJobId = () => z.string({ error: '缺少导入编号' }).check(z.trim(), z.minLength(1, { error: '缺少导入编号' }), z.maxLength(64, { error: '导入编号不正确' }));
const importKind = () => z.enum(['units', 'residents'], { error: '请选择导入类型' });
const importFile = () => ({
  kind: importKind(),
  /** Where the imported rows go: their parent units are looked up below this unit. */
  unitId: id,
  fileName: z
    .string({ error: '缺少文件名' })
    .check(z.trim(), z.minLength(1, { error: '缺少文件名' }), z.maxLength(200), z.regex(/\.(xlsx|csv)$/i, { error: '只能导入 .xlsx 或 .csv 文件' })),
  /** The uploaded file, as importUpload named it (the file itself goes to storage, never in the request). */
  file: importFileRef(),
});

const holidayYear = () => z.number({ error: '请选择年份' }).check(z.int({ error: '年份不正确' }), z.gte(2000, { error: '年份不正确' }), z.lte(2100, { error: '年份不正确' }));
// Dates are checked by core/holidays (checkHolidayLists), which names the bad one in words a person reads.
const holidayDates = () =>
  z.array(z.string({ error: '日期应为文字，如 2027-01-01' }).check(z.maxLength(20, { error: '日期太长' })), { error: '缺少日期' }).check(z.maxLength(400, { error: '日期太多了，一年最多 366 天' }));
const holidayCommon = () => ({
  /** The street; the caller's own when left out. */
  streetId: z.optional(id),
  year: holidayYear(),
  /** The version read (0 when the year was not entered). */
  version: z.number({ error: '缺少版本号' }).check(z.int(), z.gte(0)),
  note: z.optional(z.string().check(z.trim(), z.maxLength(100, { error: '备注最多 100 个字' }))),
});

/** A year's holidays: the notice's text as pasted, or the dates of an imported file as previewed. */
const saveHolidays = () =>
  z.discriminatedUnion(
    'source',
    [
      z.object({ ...holidayCommon(), source: z.literal('notice'), text: z.string({ error: '请粘贴通知' }).check(z.maxLength(20_000, { error: '通知太长了，只需粘贴放假安排的几行' })) }),
      z.object({ ...holidayCommon(), source: z.enum(['spreadsheet', 'ics']), offDays: holidayDates(), workdays: holidayDates() }),
    ],
    { error: '请选择录入方式' },
  );

export const management = onFirstUse({
  dashboard: () => z.object({ unitId: z.optional(id), month: z.optional(month()) }),
  list: () =>
    z.object({
      filter: deskFilter,
      sort: z.optional(z.enum(['dueAt', '-createdAt', 'createdAt'], { error: '排序方式不正确' })),
      limit: z.optional(z.number().check(z.int(), z.gte(1, { error: '每页至少 1 条' }), z.lte(200, { error: '每页最多 200 条' }))),
      offset: z.optional(z.number().check(z.int(), z.gte(0), z.lte(1_000_000))),
    }),
  /** Hand reports to another person with a handler role at the report's current level unit. */
  reassign: () =>
    z.object({
      reports: z.array(z.object({ id, version }), { error: '请选择反映' }).check(z.minLength(1, { error: '请选择反映' }), z.maxLength(200, { error: '一次最多 200 件' })),
      handlerId: id,
      note: z.optional(z.string().check(z.trim(), z.maxLength(500))),
    }),
  /** People who may take reports at this unit (for the reassign picker). */
  handlers: () => z.object({ unitId: id }),
  agenda: () => z.object({ unitId: z.optional(id), date: dayString() }),
  importTemplate: () => z.object({ kind: importKind() }),
  /** Where to send a file before previewing it. */
  importUpload: () => z.object({ fileName: importFile().fileName }),
  importPreview: () => z.object(importFile()),
  importCommit: () => z.object({ ...importFile(), digest: z.string({ error: '请先预览' }).check(z.trim(), z.minLength(8, { error: '请先预览' }), z.maxLength(128)) }),
  /** Runs an import a while further (within the call's time) and answers where it is. */
  importContinue: () => z.object({ jobId: importJobId() }),
  importStatus: () => z.object({ jobId: importJobId() }),
  settings: () => z.object({ communityId: id }),
  saveSettings: () => z.object({ communityId: id, version: z.number().check(z.int(), z.gte(0)), policy: policySchema }),
  resetSettings: () => z.object({ communityId: id, version: z.number().check(z.int(), z.gte(1)) }),
  ledger: () => z.object({ unitId: id, from: dayString(), to: dayString() }).check(z.refine((v) => v.from <= v.to, { error: '开始日期应不晚于结束日期', path: ['to'] })),
  audit: () =>
    z.object({
      unitId: z.optional(id),
      targetId: z.optional(id),
      actorId: z.optional(id),
      action: z.optional(z.string().check(z.trim(), z.maxLength(60))),
      from: z.optional(epoch()),
      to: z.optional(epoch()),
      before: z.optional(epoch()),
      limit: z.optional(z.number().check(z.int(), z.gte(1), z.lte(200))),
    }),
  holidays: () => z.object({ streetId: z.optional(id) }),
  saveHolidays,
  /** The subscribe messages of the last `days` China days, today included (7 when left out). */
  subscribeSends: () =>
    z.object({ days: z.optional(z.number({ error: '天数不正确' }).check(z.int({ error: '天数应为整数' }), z.gte(1, { error: '至少 1 天' }), z.lte(90, { error: '最多 90 天' }))) }),
  previewHolidayFile: () =>
    z.object({
      streetId: z.optional(id),
      year: holidayYear(),
      fileName: z
        .string({ error: '缺少文件名' })
        .check(z.trim(), z.minLength(1, { error: '缺少文件名' }), z.maxLength(200), z.regex(/\.(xlsx|csv|ics)$/i, { error: '只能导入 .xlsx、.csv 表格或 .ics 日历文件' })),
      /** The file, base64; a year's holidays fit in far less than 2 MB. */
      base64: z.string({ error: '缺少文件内容' }).check(z.minLength(1, { error: '文件是空的' }), z.maxLength(2_800_000, { error: '文件太大，最多 2 MB' })),
    }),
});
