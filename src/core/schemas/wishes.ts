/** The wishes function's inputs: micro-wishes (微心愿) posted, approved, claimed, fulfilled and confirmed. */
import * as z from 'zod/mini';
import { WISH_PHOTOS_MAX, WISH_STATUSES } from '../wishes';
import { id, phone, trimmed, version } from './fields';
import { onFirstUse } from './on-first-use';
import { door } from './registration';

const clientRequestId = () =>
  z.string({ error: '缺少请求编号' }).check(z.trim(), z.minLength(8, { error: '请求编号不正确' }), z.maxLength(64, { error: '请求编号不正确' }));
const day = () => z.string({ error: '请选择日期' }).check(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: '日期格式应为 2026-12-20' }));
const photoList = () =>
  z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(200)), { error: '照片列表不正确' }).check(z.maxLength(WISH_PHOTOS_MAX, { error: `最多上传 ${WISH_PHOTOS_MAX} 张照片` }));
const page = () => ({
  limit: z.optional(z.number().check(z.int(), z.gte(1), z.lte(500, { error: '一页最多 500 条' }))),
  offset: z.optional(z.number().check(z.int(), z.gte(0))),
});
const ref = () => ({ id, version });

export const wishes = onFirstUse({
  /**
   * A resident posts their own wish (their home's building and door), or a building or grid lead
   * posts one for a household of theirs (`forHousehold`, optionally the person and a contact phone).
   */
  post: () =>
    z.object({
      clientRequestId: clientRequestId(),
      what: trimmed('心愿内容', 200),
      forWhom: trimmed('为谁许愿（如“独居老人”，不写姓名）', 20),
      byDate: day(),
      /** The wisher lets the claimer see their phone. */
      phoneShared: z.optional(z.boolean()),
      forHousehold: z.optional(
        z.object({ buildingId: id, door, personId: z.optional(z.nullable(id)), phone: z.optional(z.nullable(phone)) }),
      ),
    }),
  /** Open wishes members and volunteers may claim, in the caller's community (or under a unit); public view only. */
  open: () => z.object({ unitId: z.optional(id), ...page() }),
  detail: () => z.object({ id }),
  /** The caller's wishes: posted by or for them, and claimed by them. */
  mine: () => z.object({}),
  claim: () => z.object({ id }),
  giveBack: () => z.object({ ...ref(), reason: z.optional(z.string().check(z.trim(), z.maxLength(100, { error: '原因最多 100 个字' }))) }),
  fulfil: () => z.object({ ...ref(), note: trimmed('怎么实现的', 500), photos: z.optional(photoList()) }),
  confirm: () => z.object({ ...ref() }),
  withdraw: () => z.object({ ...ref() }),
  /** Staff (and a compound's secretary): wishes under a unit by status (pending ones to approve first). */
  list: () => z.object({ unitId: z.optional(id), status: z.optional(z.enum(WISH_STATUSES)), ...page() }),
  approve: () => z.object({ ...ref() }),
  reject: () => z.object({ ...ref(), reason: trimmed('不通过的原因', 100) }),
});
