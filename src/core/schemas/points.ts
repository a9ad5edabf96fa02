/** The points function's inputs: the ledger (积分), the community's rules, service records (服务记录), the shop (积分超市), the board (公示栏). */
import * as z from 'zod/mini';
import { EARNING_KINDS, GRANT_POINTS_MAX, RULE_POINTS_MAX, SERVICE_MINUTES_MAX, type EarningKind } from '../points';
import { GOODS_PRICE_MAX, GOODS_STATUSES, GOODS_STOCK_MAX } from '../shop';
import { SERVICE_RECORD_STATUSES } from '../points';
import { REDEMPTION_STATUSES } from '../shop';
import { id, trimmed, version } from './fields';
import { onFirstUse } from './on-first-use';

const clientRequestId = () =>
  z.string({ error: '缺少请求编号' }).check(z.trim(), z.minLength(8, { error: '请求编号不正确' }), z.maxLength(64, { error: '请求编号不正确' }));
const day = () => z.string({ error: '请选择日期' }).check(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: '日期格式应为 2026-11-23' }));
const month = () => z.string({ error: '请选择月份' }).check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份格式应为 2026-11' }));
const wholePoints = (label: string, min: number, max: number) =>
  z.number({ error: `${label}应为数字` }).check(z.int({ error: `${label}应为整数` }), z.gte(min, { error: `${label}不能小于 ${min}` }), z.lte(max, { error: `${label}不能大于 ${max}` }));
const optionalText = (label: string, max: number) =>
  z.optional(
    z.nullable(
      z.pipe(
        z.string({ error: `${label}应为文字` }).check(z.trim(), z.maxLength(max, { error: `${label}最多 ${max} 个字` })),
        z.transform((s: string) => (s === '' ? null : s)),
      ),
    ),
  );
const page = () => ({
  limit: z.optional(z.number().check(z.int(), z.gte(1), z.lte(500, { error: '一页最多 500 条' }))),
  offset: z.optional(z.number().check(z.int(), z.gte(0))),
});
const rule = () =>
  z.object({
    counts: z.boolean({ error: '请选择是否计分' }),
    points: wholePoints('分值', 0, RULE_POINTS_MAX),
    max: wholePoints('上限', 0, RULE_POINTS_MAX * 24),
  });
const rules = () => z.object(Object.fromEntries(EARNING_KINDS.map((k) => [k, rule()])) as Record<EarningKind, ReturnType<typeof rule>>);

export const points = onFirstUse({
  /** The caller's balance, their latest entries and whether their name shows on the board. */
  mine: () => z.object({ ...page() }),
  /** Entries: one person's (staff, or the caller's own), or everyone's under a unit (staff), in [from, to] China days. */
  ledger: () => z.object({ personId: z.optional(id), unitId: z.optional(id), from: z.optional(day()), to: z.optional(day()), ...page() }),
  /** The ledger as a spreadsheet (.xlsx) for the management page (台账). */
  exportLedger: () => z.object({ unitId: z.optional(id), from: z.optional(day()), to: z.optional(day()) }),
  /** A community's rules; without communityId, the caller's community. */
  rules: () => z.object({ communityId: z.optional(id) }),
  saveRules: () => z.object({ communityId: id, version: z.number({ error: '缺少版本号' }).check(z.int(), z.gte(0)), rules: rules() }),
  /** Staff grant points (社区奖励) with a reason. */
  grant: () => z.object({ clientRequestId: clientRequestId(), personId: id, points: wholePoints('积分', 1, GRANT_POINTS_MAX), reason: trimmed('奖励原因', 100) }),
  /** Staff correct a mistake: a new entry (plus or minus), never an edit; refused below zero with the balance shown. */
  correct: () =>
    z.object({
      clientRequestId: clientRequestId(),
      personId: id,
      points: wholePoints('更正的积分', -GRANT_POINTS_MAX, GRANT_POINTS_MAX).check(z.refine((n: number) => n !== 0, { error: '更正的积分不能为 0' })),
      reason: trimmed('更正原因', 100),
    }),
  /** The board (公示栏) of a compound (or the caller's): a month ("2026-11") or a year (2026). */
  board: () =>
    z.object({
      unitId: z.optional(id),
      month: z.optional(month()),
      year: z.optional(z.number({ error: '年份应为数字' }).check(z.int(), z.gte(2020, { error: '年份不正确' }), z.lte(2100, { error: '年份不正确' }))),
    }),
  /** A member or volunteer records service they did. */
  recordService: () =>
    z.object({
      clientRequestId: clientRequestId(),
      what: trimmed('服务内容', 200),
      date: day(),
      minutes: wholePoints('服务时长（分钟）', 10, SERVICE_MINUTES_MAX),
      forWhom: optionalText('服务对象', 50),
    }),
  myServices: () => z.object({ ...page() }),
  /** Service records to confirm (staff, a compound's secretary): under a unit, by status. */
  serviceRecords: () => z.object({ unitId: z.optional(id), status: z.optional(z.enum(SERVICE_RECORD_STATUSES)), ...page() }),
  confirmService: () => z.object({ id, version }),
  rejectService: () => z.object({ id, version, reason: trimmed('不通过的原因', 100) }),
  /** The shop: a community's goods (on the shelf only, unless staff ask for all) and the caller's balance. */
  goods: () => z.object({ communityId: z.optional(id), includeOff: z.optional(z.boolean()) }),
  /** Staff list goods (no id) or edit them (id and version); the stock is set on creation and changed by restock. */
  saveGoods: () =>
    z.object({
      id: z.optional(id),
      version: z.optional(version),
      communityId: id,
      name: trimmed('物品名称', 30),
      description: optionalText('说明', 200),
      price: wholePoints('所需积分', 1, GOODS_PRICE_MAX),
      stock: z.optional(wholePoints('库存', 0, GOODS_STOCK_MAX)),
      status: z.optional(z.enum(GOODS_STATUSES)),
    }),
  restock: () => z.object({ id, delta: wholePoints('增减的数量', -GOODS_STOCK_MAX, GOODS_STOCK_MAX).check(z.refine((n: number) => n !== 0, { error: '增减的数量不能为 0' })) }),
  redeem: () => z.object({ clientRequestId: clientRequestId(), goodsId: id }),
  myOrders: () => z.object({ ...page() }),
  /** A community's orders (staff), by status. */
  orders: () => z.object({ communityId: z.optional(id), status: z.optional(z.enum(REDEMPTION_STATUSES)), ...page() }),
  collect: () => z.object({ id }),
  /** The person themselves or staff, while not collected: points and stock come back. */
  cancelOrder: () => z.object({ id, reason: trimmed('取消原因', 100) }),
});
