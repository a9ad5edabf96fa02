/** The auth function's inputs. */
import * as z from 'zod/mini';
import { onFirstUse } from './on-first-use';

export const auth = onFirstUse({
  signIn: () =>
    z.object({
      username: z.string({ error: '请填写账号' }).check(z.trim(), z.minLength(1, { error: '请填写账号' }), z.maxLength(64)),
      password: z.string({ error: '请填写密码' }).check(z.minLength(1, { error: '请填写密码' }), z.maxLength(128)),
    }),
  signOut: () => z.object({}),
  whoAmI: () => z.object({}),
  demoLogins: () => z.object({}),
});
