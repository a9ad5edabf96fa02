/** The members function's inputs: party members checking in (报到), their approval and end, the roster and its counts. */
import * as z from 'zod/mini';
import { CHECKIN_STATUSES, MEMBER_TYPES } from '../checkins';
import { id, personName, phone, trimmed, version } from './fields';
import { onFirstUse } from './on-first-use';
import { door } from './registration';

const codeId = z.string({ error: '缺少报到码' }).check(z.trim(), z.minLength(1, { error: '缺少报到码' }), z.maxLength(64, { error: '报到码不正确' }));

/** Optional text: trimmed, an empty one kept as null. */
const optionalText = (label: string, max: number) =>
  z.optional(
    z.nullable(
      z.pipe(
        z.string({ error: `${label}应为文字` }).check(z.trim(), z.maxLength(max, { error: `${label}最多 ${max} 个字` })),
        z.transform((s: string) => (s === '' ? null : s)),
      ),
    ),
  );

/** Tags picked or typed (特长, services): each up to 20 characters, at most 10. */
const tags = (label: string) =>
  z.optional(
    z.array(z.string({ error: `${label}应为文字` }).check(z.trim(), z.maxLength(20, { error: `每项${label}最多 20 个字` })), { error: `${label}不正确` }).check(
      z.maxLength(10, { error: `${label}最多选 10 项` }),
    ),
  );

const memberType = () => z.enum(MEMBER_TYPES, { error: '请选择党员类型：在职、离退休、流动或直管' });
const status = () => z.enum(CHECKIN_STATUSES, { error: '报到状态不正确' });
const day = () =>
  z.string({ error: '请选择日期' }).check(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: '日期格式应为 2026-11-23' }));

/** The roster's filters, shared by the list and its export. */
const rosterFilter = () => ({
  /** A unit the caller sees the roster of; absent: all of theirs. */
  unitId: z.optional(id),
  types: z.optional(z.array(memberType()).check(z.maxLength(4))),
  /** Members with any of these skills. */
  skills: z.optional(z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(20))).check(z.maxLength(10, { error: '特长最多选 10 项' }))),
  /** Absent: the members (approved). */
  statuses: z.optional(z.array(status()).check(z.maxLength(5))),
  veteran: z.optional(z.boolean()),
});

export const members = onFirstUse({
  submit: () =>
    z.object({
      /** The member code scanned. */
      codeId,
      name: personName,
      /** WeChat's one-time code from <Button openType="getPhoneNumber">, resolved by the function. */
      phoneCode: z.optional(z.string().check(z.minLength(1), z.maxLength(256))),
      /** A typed phone: kept unverified. */
      phone: z.optional(phone),
      memberType: memberType(),
      branch: z.object(
        {
          name: trimmed('组织关系所在党支部', 50),
          place: optionalText('党支部所在地', 50),
        },
        { error: '请填写组织关系所在的党支部' },
      ),
      workUnit: optionalText('工作单位', 50),
      skills: tags('特长'),
      services: tags('服务'),
      freeTime: optionalText('空闲时间', 50),
      veteran: z.optional(z.boolean({ error: '请选择是否退役军人' })),
      /** Only if they live here: a building under the code's unit and their door. */
      household: z.optional(z.nullable(z.object({ buildingId: id, door }))),
    }),
  mine: () => z.object({}),
  pending: () => z.object({ unitId: z.optional(id) }),
  approve: () => z.object({ id, version, personId: z.optional(z.nullable(id)) }),
  return: () => z.object({ id, version, reason: trimmed('退回的原因', 100) }),
  transferOut: () => z.object({ id, version, date: day(), reason: trimmed('转出的原因', 100) }),
  withdraw: () => z.object({ id, version, date: day(), reason: trimmed('撤回的原因', 100) }),
  roster: () =>
    z.object({
      ...rosterFilter(),
      limit: z.optional(z.number().check(z.int(), z.gte(1), z.lte(500, { error: '一页最多 500 人' }))),
      offset: z.optional(z.number().check(z.int(), z.gte(0))),
    }),
  counts: () => z.object({ unitId: z.optional(id) }),
  export: () => z.object(rosterFilter()),
  codes: () => z.object({ unitId: id }),
});
