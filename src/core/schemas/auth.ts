/** The auth function's inputs. */
import * as z from 'zod/mini';
import { password } from './fields';
import { onFirstUse } from './on-first-use';

export const auth = onFirstUse({
  signIn: () =>
    z.object({
      username: z.string({ error: '请填写账号' }).check(z.trim(), z.minLength(1, { error: '请填写账号' }), z.maxLength(64)),
      password: z.string({ error: '请填写密码' }).check(z.minLength(1, { error: '请填写密码' }), z.maxLength(128)),
    }),
  signOut: () => z.object({}),
  /** A person's own password: the current one, checked (and counted against the sign-in lock), and the next. */
  changePassword: () =>
    z
      .object({
        current: z.string({ error: '请填写现在的密码' }).check(z.minLength(1, { error: '请填写现在的密码' }), z.maxLength(128, { error: '密码最多 128 位' })),
        next: password,
      })
      .check(z.refine((v) => v.next !== v.current, { error: '新密码不能和现在的密码一样', path: ['next'] })),
  whoAmI: () => z.object({}),
  demoLogins: () => z.object({}),
});
