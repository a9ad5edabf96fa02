/** The open311 function's inputs: the management page's interface keys (接口密钥). The Open311 surface itself takes form fields, read in cloudfunctions/lib/open311. */
import * as z from 'zod/mini';
import { id, trimmed } from './fields';
import { onFirstUse } from './on-first-use';

export const open311 = onFirstUse({
  keys: () => z.object({ communityId: z.optional(id) }),
  issueKey: () =>
    z.object({
      communityId: id,
      // Whom the key is for, as staff call them: "幸福街道 12345 热线".
      partner: trimmed('使用单位', 30).check(z.regex(/[\p{Script=Han}A-Za-z]/u, { error: '使用单位里要有汉字或字母' })),
    }),
  revokeKey: () => z.object({ id, reason: trimmed('撤销原因', 100) }),
});
