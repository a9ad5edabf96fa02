/** The registration function's inputs. */
import * as z from 'zod/mini';
import { id, password, personName, phone, trimmed } from './fields';
import { onFirstUse } from './on-first-use';

const codeId = z.string({ error: '缺少码' }).check(z.trim(), z.minLength(1, { error: '缺少码' }), z.maxLength(64, { error: '码不正确' }));
/** What the browser keeps to read its registration before it can sign in (web accounts only). */
const key = z.string().check(z.minLength(16, { error: '登记凭证不正确' }), z.maxLength(128, { error: '登记凭证不正确' }));

export const door = z.object({
  entrance: z.string({ error: '请填写单元' }).check(z.trim(), z.maxLength(10, { error: '单元最多 10 个字' })),
  floor: z.nullable(z.number({ error: '楼层应为数字' }).check(z.int({ error: '楼层应为整数' }), z.gte(-5, { error: '楼层不正确' }), z.lte(200, { error: '楼层不正确' }))),
  room: trimmed('门牌号', 20),
});

export const registration = onFirstUse({
  submit: () =>
    z.object({
      /** The code scanned; or, opened inside a bound building group, `groupCloudId` instead. */
      codeId: z.optional(codeId),
      /** getGroupEnterInfo's cloudID when the page was opened from a card in a building's group. */
      groupCloudId: z.optional(z.string({ error: '群信息不正确，请在楼栋群里重新点开卡片' }).check(z.minLength(1, { error: '群信息不正确，请在楼栋群里重新点开卡片' }), z.maxLength(1024, { error: '群信息不正确，请在楼栋群里重新点开卡片' }))),
      name: personName,
      door,
      /** WeChat's one-time code from <Button openType="getPhoneNumber">, resolved by the function. */
      phoneCode: z.optional(z.string().check(z.minLength(1), z.maxLength(256))),
      /** A typed phone: kept unverified. */
      phone: z.optional(phone),
      /** A web account's chosen password (no WeChat). */
      password: z.optional(password),
      /** A web applicant resubmitting: the key their first submit gave them. */
      key: z.optional(key),
    }),
  mine: () => z.object({ key: z.optional(key) }),
  /** 更正门牌: a resident asks to move from their home on `fromBuildingId` (the only one if left out) to `door` of `buildingId`. */
  move: () => z.object({ fromBuildingId: z.optional(id), buildingId: id, door }),
  /** What 改门牌 offers: the caller's homes, the buildings they may move to, and a move of theirs waiting. */
  moveChoices: () => z.object({}),
  pending: () => z.object({ unitId: z.optional(id) }),
  approve: () => z.object({ id, version: z.number().check(z.int(), z.gte(1)), personId: z.optional(z.nullable(id)) }),
  reject: () => z.object({ id, version: z.number().check(z.int(), z.gte(1)), reason: trimmed('不通过的原因', 100) }),
});
