/** The codes function's inputs. */
import * as z from 'zod/mini';
import { CODE_PURPOSES } from '../codes';
import { id, trimmed } from './fields';
import { onFirstUse } from './on-first-use';

/** A code as scanned or typed: normalised by the action (look-alike letters, spaces, case). */
const codeId = z.string({ error: '缺少码' }).check(z.trim(), z.minLength(1, { error: '缺少码' }), z.maxLength(64, { error: '码不正确' }));
const when = z.nullable(z.number({ error: '时间不正确' }).check(z.int({ error: '时间不正确' }), z.gte(0, { error: '时间不正确' })));

export const codes = onFirstUse({
  create: () =>
    z.object({
      unitId: id,
      purpose: z.enum(CODE_PURPOSES, { error: '码的用途不正确' }),
      label: z.optional(z.nullable(trimmed('说明', 40))),
      validFrom: z.optional(when),
      validUntil: z.optional(when),
      useLimit: z.optional(z.nullable(z.number({ error: '次数应为数字' }).check(z.int({ error: '次数应为整数' }), z.gte(1, { error: '次数至少为 1' }), z.lte(100_000, { error: '次数最多 100000' })))),
      personId: z.optional(z.nullable(id)),
    }),
  list: () => z.object({ unitId: id }),
  revoke: () => z.object({ id: codeId, reason: trimmed('作废原因', 100) }),
  resolve: () => z.object({ id: codeId }),
  image: () => z.object({ id: codeId }),
});
