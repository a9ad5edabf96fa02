/** The lectures function's inputs: the speaker pool, lectures, sign-ups and attendance. */
import * as z from 'zod/mini';
import { MAX_CAPACITY, MAX_COMPANIONS, MAX_OPEN_TO } from '../lectures';
import { id, trimmed, version } from './fields';
import { onFirstUse } from './on-first-use';

const epoch = (label: string) => z.number({ error: `请填写${label}` }).check(z.int({ error: `${label}不正确` }), z.gte(0, { error: `${label}不正确` }));
const optionalText = (label: string, max: number) =>
  z.optional(z.nullable(z.string({ error: `${label}不正确` }).check(z.trim(), z.maxLength(max, { error: `${label}最多 ${max} 个字` }))));
const month = () => z.string({ error: '请选择月份' }).check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '月份格式应为 2026-11' }));
/** What the mini-program's scan button read: a sign-up code or a venue code. */
const scanned = () => z.string({ error: '请扫码' }).check(z.trim(), z.minLength(1, { error: '请扫码' }), z.maxLength(300, { error: '这不是讲座的码' }));

const speakerFields = () => ({
  name: trimmed('主讲人姓名', 20),
  title: optionalText('职称', 30),
  field: optionalText('领域', 30),
  affiliation: optionalText('工作单位', 40),
  contact: optionalText('联系方式', 40),
});

/** Everything staff set on a lecture; the times are checked together by the action (LECTURE.BAD_TIMES). */
const lectureFields = () => ({
  title: trimmed('讲座题目', 40),
  speakerId: id,
  description: z.string({ error: '请填写讲座介绍' }).check(z.trim(), z.minLength(1, { error: '请填写讲座介绍' }), z.maxLength(2000, { error: '讲座介绍最多 2000 个字' })),
  picture: z.optional(z.nullable(z.string({ error: '图片不正确' }).check(z.trim(), z.minLength(1, { error: '图片不正确' }), z.maxLength(200, { error: '图片不正确' })))),
  startsAt: epoch('开始时间'),
  endsAt: epoch('结束时间'),
  venue: trimmed('地点', 60),
  capacity: z
    .number({ error: '请填写座位数' })
    .check(z.int({ error: '座位数应为整数' }), z.gte(1, { error: '座位数至少 1 个' }), z.lte(MAX_CAPACITY, { error: `座位数最多 ${MAX_CAPACITY} 个` })),
  openTo: z
    .array(id, { error: '请选择报名范围' })
    .check(z.minLength(1, { error: '请至少选择一个报名范围（本社区或小区）' }), z.maxLength(MAX_OPEN_TO, { error: `报名范围最多 ${MAX_OPEN_TO} 个` })),
  signupFrom: epoch('报名开始时间'),
  signupUntil: epoch('报名截止时间'),
  companionsAllowed: z
    .number({ error: '请填写可带同行人数' })
    .check(z.int({ error: '同行人数应为整数' }), z.gte(0, { error: '同行人数不能为负' }), z.lte(MAX_COMPANIONS, { error: `每人最多带 ${MAX_COMPANIONS} 位同行` })),
});

export const lectures = onFirstUse({
  // The speaker pool (staff).
  speakers: () => z.object({ communityId: id, includeArchived: z.optional(z.boolean()) }),
  createSpeaker: () => z.object({ communityId: id, ...speakerFields() }),
  editSpeaker: () => z.object({ id, version, ...speakerFields() }),
  archiveSpeaker: () => z.object({ id, version }),
  // Lectures (staff).
  managed: () => z.object({ communityId: id }),
  create: () => z.object({ communityId: id, ...lectureFields() }),
  edit: () => z.object({ id, version, ...lectureFields() }),
  /** What the browser knows of a chosen picture; its bytes go to the address answered, checked again there and at save. */
  pictureUpload: () =>
    z.object({
      fileName: trimmed('图片文件名', 200),
      type: z.string({ error: '图片类型不正确' }).check(z.maxLength(100, { error: '图片类型不正确' })),
      size: z.number({ error: '图片大小不正确' }).check(z.int({ error: '图片大小不正确' }), z.gte(0, { error: '图片大小不正确' })),
    }),
  publish: () => z.object({ id, version }),
  cancel: () => z.object({ id, version, reason: trimmed('取消原因', 100) }),
  roster: () => z.object({ id }),
  exportRoster: () => z.object({ id }),
  figures: () => z.object({ communityId: id, month: month() }),
  // Residents.
  open: () => z.object({}),
  detail: () => z.object({ id }),
  signUp: () =>
    z.object({
      id,
      companions: z.optional(
        z.number({ error: '同行人数不正确' }).check(z.int({ error: '同行人数应为整数' }), z.gte(0, { error: '同行人数不能为负' }), z.lte(MAX_COMPANIONS, { error: `最多带 ${MAX_COMPANIONS} 位同行` })),
      ),
    }),
  cancelSignup: () => z.object({ id }),
  mine: () => z.object({}),
  // Attendance.
  markAttendance: () => z.object({ lectureId: id, code: scanned() }),
  tick: () => z.object({ lectureId: id, personId: id }),
  venueCode: () => z.object({ id }),
  attend: () => z.object({ code: scanned() }),
});
