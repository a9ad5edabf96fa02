/** The pairings function's inputs: members paired with households (联户), their visits (走访), the kinds of households. */
import * as z from 'zod/mini';
import { HOUSEHOLD_KINDS_MAX, KIND_MAX } from '../pairings';
import { id, personName, phone, trimmed, version } from './fields';
import { onFirstUse } from './on-first-use';
import { door } from './registration';

const kind = () => z.string({ error: '户类别应为文字' }).check(z.trim(), z.minLength(1, { error: '户类别不能为空' }), z.maxLength(KIND_MAX, { error: `每个户类别最多 ${KIND_MAX} 个字` }));
const kinds = () => z.array(kind(), { error: '户类别不正确' }).check(z.maxLength(HOUSEHOLD_KINDS_MAX, { error: `户类别最多 ${HOUSEHOLD_KINDS_MAX} 个` }));
const day = () =>
  z.string({ error: '请选择走访日期' }).check(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: '日期格式应为 2026-11-23' }));
const optionalText = (label: string, max: number) =>
  z.optional(
    z.nullable(
      z.pipe(
        z.string({ error: `${label}应为文字` }).check(z.trim(), z.maxLength(max, { error: `${label}最多 ${max} 个字` })),
        z.transform((s: string) => (s === '' ? null : s)),
      ),
    ),
  );
const page = () => ({
  limit: z.optional(z.number().check(z.int(), z.gte(1), z.lte(500, { error: '一页最多 500 条' }))),
  offset: z.optional(z.number().check(z.int(), z.gte(0))),
});

export const pairings = onFirstUse({
  /** The kinds a community offers; without `unitId`, the caller's community. */
  kinds: () => z.object({ unitId: z.optional(id) }),
  saveKinds: () => z.object({ communityId: id, version: z.number({ error: '缺少版本号' }).check(z.int(), z.gte(0)), kinds: kinds().check(z.minLength(1, { error: '至少保留一个户类别' })) }),
  pair: () =>
    z.object({
      /** The member (a person). */
      memberId: id,
      buildingId: id,
      door,
      kinds: z.optional(kinds()),
      contactName: z.optional(z.nullable(personName)),
      contactPhone: z.optional(z.nullable(phone)),
    }),
  setKinds: () => z.object({ id, version, kinds: kinds() }),
  end: () => z.object({ id, version, reason: trimmed('解除结对的原因', 100) }),
  list: () =>
    z.object({
      unitId: z.optional(id),
      memberId: z.optional(id),
      kind: z.optional(kind()),
      includeEnded: z.optional(z.boolean()),
      ...page(),
    }),
  mine: () => z.object({}),
  recordVisit: () =>
    z.object({
      clientRequestId: z.string({ error: '缺少请求编号' }).check(z.trim(), z.minLength(8, { error: '请求编号不正确' }), z.maxLength(64, { error: '请求编号不正确' })),
      pairingId: id,
      date: day(),
      done: trimmed('这次走访做了什么', 500),
      needs: optionalText('住户需要什么', 500),
      /** The report filed for the household during this visit (reports.create, channel visit, with this pairingId). */
      reportId: z.optional(z.nullable(id)),
    }),
  visits: () => z.object({ pairingId: z.optional(id), unitId: z.optional(id), ...page() }),
  counts: () => z.object({ unitId: z.optional(id) }),
});
