/** The people function's inputs. */
import * as z from 'zod/mini';
import { id, password, personName, phone, username } from './fields';
import { onFirstUse } from './on-first-use';

export const people = onFirstUse({
  search: () =>
    z.object({
      q: z.optional(z.string().check(z.trim(), z.maxLength(20, { error: '搜索词最多 20 个字' }))),
      limit: z.optional(z.number().check(z.int(), z.gte(1), z.lte(100))),
    }),
  create: () =>
    z
      .object({ name: personName, phone: z.optional(phone), username: z.optional(username), password: z.optional(password) })
      .check(z.refine((v) => (v.username === undefined) === (v.password === undefined), { error: '设置网页登录时，账号和密码要一起填写', path: ['password'] })),
  /** A phone changed hands: the WeChat user is no longer this person. */
  /** Staff set a new password for a person who forgot theirs (told to them in person). */
  resetPassword: () => z.object({ personId: id, password }),
  unbindWechat: () => z.object({ personId: id, reason: z.string().check(z.trim(), z.minLength(1, { error: '请写明解绑原因' }), z.maxLength(100)) }),
});
