/**
 * The join form's model: who is joining (decides how the phone is given and whether a password is
 * chosen), its steps, and each field's check, in the words the registration function uses
 * (src/core/schemas/registration.ts), so a mistake is said before anything is sent.
 */
import Taro from '@tarojs/taro';
import type { Door } from '../../core/households';
import { hasSession, usesPasswordSignIn } from '../../services/api';

/**
 * - wechat: the mini-program; the phone from WeChat's button, or typed.
 * - devWechat: a browser standing in for a WeChat user on the local host; the phone typed.
 * - account: a browser signed in as a person (a member adding their home); the phone typed.
 * - web: a browser without an account; the phone typed and a password chosen: a web account whose
 *   sign-in name is the phone, usable once approved.
 */
export type JoinMode = 'wechat' | 'devWechat' | 'account' | 'web';

export function joinMode(): JoinMode {
  if (!usesPasswordSignIn()) return Taro.getEnv() === Taro.ENV_TYPE.WEAPP ? 'wechat' : 'devWechat';
  return hasSession() ? 'account' : 'web';
}

export type Step = 'name' | 'door' | 'phone' | 'password';

export function stepsOf(mode: JoinMode): Step[] {
  return mode === 'web' ? ['name', 'door', 'phone', 'password'] : ['name', 'door', 'phone'];
}

export interface JoinForm {
  name: string;
  entrance: string;
  floor: string;
  room: string;
  phone: string;
  password: string;
  password2: string;
}

export const EMPTY_FORM: JoinForm = { name: '', entrance: '', floor: '', room: '', phone: '', password: '', password2: '' };

export type Field = keyof JoinForm;
export type Problems = Partial<Record<Field, string>>;

export const NAME_MAX = 20;
export const ENTRANCE_MAX = 10;
export const ROOM_MAX = 20;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
const PHONE = /^1[3-9]\d{9}$/;
const FLOOR = /^-?\d{1,3}$/;

export function checkName(f: JoinForm): Problems {
  const name = f.name.trim();
  if (!name) return { name: '请填写姓名' };
  if (name.length > NAME_MAX) return { name: `姓名最多 ${NAME_MAX} 个字` };
  return {};
}

export function checkDoor(f: JoinForm): Problems {
  const out: Problems = {};
  if (f.entrance.trim().length > ENTRANCE_MAX) out.entrance = `单元最多 ${ENTRANCE_MAX} 个字`;
  const floor = f.floor.trim();
  if (floor) {
    if (!FLOOR.test(floor)) out.floor = '楼层请填数字，例如 5';
    else if (Number(floor) < -5 || Number(floor) > 200) out.floor = '楼层不正确';
  }
  const room = f.room.trim();
  if (!room) out.room = '请填写门牌号';
  else if (room.length > ROOM_MAX) out.room = `门牌号最多 ${ROOM_MAX} 个字`;
  return out;
}

export function checkPhone(f: JoinForm): Problems {
  const phone = f.phone.trim();
  if (!phone) return { phone: '请填写手机号' };
  if (!PHONE.test(phone)) return { phone: '手机号应为 11 位数字，以 1 开头' };
  return {};
}

export function checkPassword(f: JoinForm): Problems {
  if (!f.password) return { password: `请设置登录密码，至少 ${PASSWORD_MIN} 位` };
  if (f.password.length < PASSWORD_MIN) return { password: `密码至少 ${PASSWORD_MIN} 位` };
  if (f.password.length > PASSWORD_MAX) return { password: `密码最多 ${PASSWORD_MAX} 位` };
  if (f.password2 !== f.password) return { password2: '两次输入的密码不一样，请再输一次' };
  return {};
}

export const CHECKS: Record<Step, (f: JoinForm) => Problems> = {
  name: checkName,
  door: checkDoor,
  phone: checkPhone,
  password: checkPassword,
};

export function doorOf(f: JoinForm): Door {
  const floor = f.floor.trim();
  return { entrance: f.entrance.trim(), floor: floor ? Number(floor) : null, room: f.room.trim() };
}

/** The step that shows a field the server refused (`door.room` → door); null: not a field of the form. */
export function stepOfField(field: string | undefined): { step: Step; field: Field } | null {
  if (!field) return null;
  if (field === 'name') return { step: 'name', field: 'name' };
  if (field.startsWith('door')) {
    const part = field.split('.')[1];
    return { step: 'door', field: part === 'entrance' || part === 'floor' ? part : 'room' };
  }
  if (field === 'phone' || field === 'phoneCode') return { step: 'phone', field: 'phone' };
  if (field === 'password') return { step: 'password', field: 'password' };
  return null;
}
