/** The people function's inputs. */
import * as z from 'zod/mini';
import { id, password, personName, phone, username, version } from './fields';
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
  /** 我的信息: the caller's own data. */
  ownData: () => z.object({}),
  /** A copy of it: as a file (a browser), or as a link sent to the in-app messages (the mini-program, which cannot save files); by default as the caller came. */
  /** A person corrects their own name. */
  correctName: () => z.object({ name: personName, version }),
  /** A person corrects their own phone: only one WeChat verifies (getPhoneNumber's one-time code), never a typed one. */
  correctPhone: () => z.object({ phoneCode: z.string({ error: '请点“微信手机号”按钮' }).check(z.trim(), z.minLength(1, { error: '请点“微信手机号”按钮' }), z.maxLength(256)), version }),
  /** A person's consent (我的信息's switches): what is given changes, what is left out stays. */
  setConsent: () =>
    z
      .object({ board: z.optional(z.boolean({ error: '请选择是否同意' })), photos: z.optional(z.boolean({ error: '请选择是否同意' })) })
      .check(z.refine((v) => v.board !== undefined || v.photos !== undefined, { error: '请选择要改的是公示栏还是照片', path: ['board'] })),
  /** Leaving, first of two steps: answers a token good for a few minutes. */
  askToLeave: () => z.object({}),
  /** Leaving, second step: the token the first answered. */
  leave: () => z.object({ token: z.string({ error: '请先点“注销账号”' }).check(z.trim(), z.regex(/^[0-9a-f]{32}$/, { error: '注销确认不正确，请重新点“注销账号”' })) }),
  copyOwnData: () => z.object({ via: z.optional(z.enum(['file', 'message'], { error: '副本只能下载或发到消息里' })) }),
});
