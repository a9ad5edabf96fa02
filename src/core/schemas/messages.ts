/** The messages function's inputs. */
import * as z from 'zod/mini';
import { id } from './fields';
import { onFirstUse } from './on-first-use';

export const messages = onFirstUse({
  list: () =>
    z.object({
      before: z.optional(z.number().check(z.int(), z.positive())),
      limit: z.optional(z.number().check(z.int(), z.gte(1, { error: '每页至少 1 条' }), z.lte(50, { error: '每页最多 50 条' }))),
    }),
  markRead: () =>
    z.union(
      [
        z.object({ ids: z.array(id).check(z.minLength(1, { error: '请选择消息' }), z.maxLength(100, { error: '一次最多 100 条' })) }),
        z.object({ all: z.literal(true) }),
      ],
      { error: '请指明要标为已读的消息（ids）或全部（all: true）' },
    ),
  // Nothing to say: the answer is the same for every caller.
  noticeTemplates: () => z.object({}),
});
