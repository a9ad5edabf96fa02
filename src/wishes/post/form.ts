/**
 * The post form's model and checks, in the words the wishes function uses (core/schemas/wishes.ts),
 * so a mistake is said under its box before anything is sent; and the input it sends.
 */
import type { PostWishInput } from '../../services/wishes';

export const WHAT_MAX = 200;
export const FOR_WHOM_MAX = 20;
export const ENTRANCE_MAX = 10;
export const ROOM_MAX = 20;
const PHONE = /^1[3-9]\d{9}$/;
const FLOOR = /^-?\d{1,3}$/;

/** For oneself (one's home), or a lead for a household of theirs. */
export type Whose = 'own' | 'household';

export interface WishForm {
  whose: Whose;
  what: string;
  forWhom: string;
  byDate: string;
  phoneShared: boolean;
  buildingId: string | null;
  entrance: string;
  floor: string;
  room: string;
  /** A contact phone the lead gives for the household (the wisher's, or a relative's). */
  phone: string;
}

export type Field = 'what' | 'forWhom' | 'byDate' | 'buildingId' | 'entrance' | 'floor' | 'room' | 'phone';
export type Problems = Partial<Record<Field, string>>;

export function checkWish(f: WishForm, range: { start: string; end: string }): Problems {
  const out: Problems = {};
  const what = f.what.trim();
  if (!what) out.what = '请写一写您的心愿';
  else if (what.length > WHAT_MAX) out.what = `心愿内容最多 ${WHAT_MAX} 个字`;
  const forWhom = f.forWhom.trim();
  if (!forWhom) out.forWhom = '请写为谁许愿，如“独居老人”，不写姓名';
  else if (forWhom.length > FOR_WHOM_MAX) out.forWhom = `为谁许愿最多 ${FOR_WHOM_MAX} 个字`;
  if (!f.byDate) out.byDate = '请选择日期';
  else if (f.byDate < range.start || f.byDate > range.end) out.byDate = '日期要从今天起，最多半年以内';
  if (f.whose === 'household') {
    if (!f.buildingId) out.buildingId = '请选择是哪栋楼';
    if (f.entrance.trim().length > ENTRANCE_MAX) out.entrance = `单元最多 ${ENTRANCE_MAX} 个字`;
    const floor = f.floor.trim();
    if (floor && (!FLOOR.test(floor) || Number(floor) < -5 || Number(floor) > 200)) out.floor = '楼层请填数字，例如 5';
    const room = f.room.trim();
    if (!room) out.room = '请填写门牌号';
    else if (room.length > ROOM_MAX) out.room = `门牌号最多 ${ROOM_MAX} 个字`;
    const phone = f.phone.trim();
    if (phone && !PHONE.test(phone)) out.phone = '手机号应为 11 位数字，以 1 开头';
  }
  return out;
}

/** What the form sends; `clientRequestId` is made once for the form, so a retried tap is one wish. */
export function inputOf(f: WishForm, clientRequestId: string): PostWishInput {
  const base = { clientRequestId, what: f.what.trim(), forWhom: f.forWhom.trim(), byDate: f.byDate };
  if (f.whose === 'own') return { ...base, phoneShared: f.phoneShared };
  const floor = f.floor.trim();
  const phone = f.phone.trim();
  return {
    ...base,
    // A phone nobody gave cannot be shared.
    phoneShared: !!phone && f.phoneShared,
    forHousehold: { buildingId: f.buildingId!, door: { entrance: f.entrance.trim(), floor: floor ? Number(floor) : null, room: f.room.trim() }, phone: phone || null },
  };
}

/** The box a refusal names (`forHousehold.door.room` → room), or null when it is none of ours. */
export function fieldOf(field: string | undefined): Field | null {
  if (!field) return null;
  const last = field.split('.').pop()!;
  if (field === 'what' || field === 'forWhom' || field === 'byDate') return field;
  if (field.startsWith('forHousehold.door')) return last === 'entrance' || last === 'floor' ? last : 'room';
  if (field === 'forHousehold.phone') return 'phone';
  if (field === 'forHousehold.buildingId') return 'buildingId';
  return null;
}
