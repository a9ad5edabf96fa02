/** The deliberation function's inputs: topics (议题), opinions, household votes, decisions and minutes, compound rules (公约). */
import * as z from 'zod/mini';
import { DECIDED_BY, OPINION_MAX, TOPIC_AUDIENCES, TOPIC_OPTIONS_MAX, TOPIC_PARTIES_MAX, TOPIC_PHOTOS_MAX, TOPIC_STATUSES } from '../deliberation';
import { id, trimmed, version } from './fields';
import { onFirstUse } from './on-first-use';

const clientRequestId = () =>
  z.string({ error: '缺少请求编号' }).check(z.trim(), z.minLength(8, { error: '请求编号不正确' }), z.maxLength(64, { error: '请求编号不正确' }));
const day = (what: string) => z.string({ error: `请选择${what}` }).check(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { error: '日期格式应为 2026-12-20' }));
const photoList = () =>
  z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(200)), { error: '照片列表不正确' }).check(z.maxLength(TOPIC_PHOTOS_MAX, { error: `最多上传 ${TOPIC_PHOTOS_MAX} 张照片` }));
const page = () => ({
  limit: z.optional(z.number().check(z.int(), z.gte(1), z.lte(200, { error: '一页最多 200 条' }))),
  offset: z.optional(z.number().check(z.int(), z.gte(0))),
});
const ref = () => ({ id, version });

/** What a topic says: the same fields to open one and to edit it before anyone voted. */
const topicFields = () => ({
  title: trimmed('议题标题', 40),
  background: trimmed('议题背景', 2000),
  /** The choices to vote on; none (or absent) for an open question that takes opinions only. */
  options: z.optional(
    z.array(trimmed('选项', 40), { error: '选项列表不正确' }).check(z.maxLength(TOPIC_OPTIONS_MAX, { error: `最多 ${TOPIC_OPTIONS_MAX} 个选项` })),
  ),
  photos: z.optional(photoList()),
  audience: z.enum(TOPIC_AUDIENCES, { error: '请选择谁参加' }),
  parties: z.optional(z.array(trimmed('参与方', 20)).check(z.maxLength(TOPIC_PARTIES_MAX, { error: `参与方最多 ${TOPIC_PARTIES_MAX} 个` }))),
  /** Opinions are taken until the end of this China day. */
  opinionsUntil: day('征求意见截止日期'),
  /** The vote's first and last China day; both or neither (an open question has none). */
  voteFrom: z.optional(z.nullable(day('投票开始日期'))),
  voteUntil: z.optional(z.nullable(day('投票截止日期'))),
});

export const deliberation = onFirstUse({
  /** Opens a topic for a building, a compound or the community (optionally from a report, which it links back to). */
  open: () => z.object({ clientRequestId: clientRequestId(), unitId: id, reportId: z.optional(z.nullable(id)), ...topicFields() }),
  /** Changes what a topic says, until the first vote or opinion. */
  edit: () => z.object({ ...ref(), ...topicFields() }),
  /** The topics of the caller's units (their buildings, compounds, community), open ones first. */
  mine: () => z.object({ ...page() }),
  detail: () => z.object({ id }),
  /** Leaves an opinion (意见). */
  say: () => z.object({ clientRequestId: clientRequestId(), topicId: id, text: trimmed('意见', OPINION_MAX) }),
  /** Votes for the caller's household, or changes the household's vote, until the vote closes. */
  vote: () => z.object({ topicId: id, optionId: z.string({ error: '请选择一个选项' }).check(z.trim(), z.regex(/^[a-h]$/, { error: '请选择一个选项' })) }),
  /** Staff hide an opinion with a reason its author sees, or show it again. */
  hide: () => z.object({ opinionId: id, reason: trimmed('隐藏的原因', 100) }),
  unhide: () => z.object({ opinionId: id }),
  /** Staff: the topics under a unit (the management page's list). */
  list: () => z.object({ unitId: z.optional(id), status: z.optional(z.enum(TOPIC_STATUSES)), ...page() }),
  /** Records the decision and minutes; `rules` adopts a new version of the compound's 公约 in the same act. */
  decide: () =>
    z.object({
      ...ref(),
      decidedBy: z.enum(DECIDED_BY, { error: '请选择怎么决定的' }),
      optionId: z.optional(z.nullable(z.string().check(z.regex(/^[a-h]$/, { error: '请选择一个选项' })))),
      text: trimmed('决定内容', 1000),
      minutes: trimmed('会议纪要', 5000),
      meetingDay: day('会议日期'),
      attendees: trimmed('参会人员', 200),
      rules: z.optional(z.nullable(z.object({ text: trimmed('公约全文', 20000), note: trimmed('修改说明', 100), expectedVersion: z.number().check(z.int(), z.gte(0)) }))),
    }),
  withdraw: () => z.object({ ...ref(), reason: trimmed('撤回的原因', 100) }),
  /** A compound's rules: the current text and every version before it. */
  rules: () => z.object({ compoundId: id }),
  /** Staff enter the first text of a compound's rules, or correct it without a topic (`expectedVersion`: the version read, 0 when none). */
  adoptRules: () => z.object({ compoundId: id, text: trimmed('公约全文', 20000), note: trimmed('修改说明', 100), expectedVersion: z.number().check(z.int(), z.gte(0)) }),
  /** The compound's public page, from its `public` code: decided topics (decision, minutes, counts) and the current rules. */
  public: () => z.object({ code: id }),
});
