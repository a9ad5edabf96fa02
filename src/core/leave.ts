/**
 * Leaving (注销): a person closes their account. Their records stay for the community's figures, the
 * ledger and the audit log, but read "已注销居民": name, phone, sign-in name and WeChat user are taken
 * off the person, and off the registrations and check-ins that copied them. Confirmed twice: a first
 * call answers a token, a second within LEAVE_CONFIRM_TTL_MS leaves.
 */
import type { Checkin } from './checkins';
import type { Person } from './people';
import type { Registration } from './registrations';
import type { Role } from './roles';

/** What a person who left is called wherever they were named. */
export const LEFT_PERSON_NAME = '已注销居民';

/** How long the token of the first call stays good for the second. */
export const LEAVE_CONFIRM_TTL_MS = 10 * 60_000;

/** Why each record ends, as the secretary or the lead reads it. */
export const LEAVE_REASON = '本人注销账号';

/**
 * The roles a person drops by leaving. Anyone holding another (a lead, a secretary, staff) has
 * reports and people in their hands: staff unbind them first, so nothing is left with no one.
 */
export const DROPPED_ON_LEAVING: readonly Role[] = ['resident', 'member', 'volunteer'];

/** The person after leaving: nothing that says who they were. */
export function leftPerson(p: Person, at: number): Person {
  return { ...p, name: LEFT_PERSON_NAME, phone: null, username: null, openid: null, version: p.version + 1, updatedAt: at };
}

/** Has the person left: named as one who left, with nothing to reach or sign in as them. */
export function hasLeft(p: Pick<Person, 'name' | 'phone' | 'username' | 'openid'>): boolean {
  return p.name === LEFT_PERSON_NAME && p.phone === null && p.username === null && p.openid === null;
}

/** A registration of a person who left: what it says of the building and door stays, not who asked. */
export function forgottenRegistration(r: Registration, at: number): Registration {
  return { ...r, name: LEFT_PERSON_NAME, phone: '', openid: null, username: null, keyHash: null, passwordHash: null, updatedAt: at, version: r.version + 1 };
}

/** A check-in of a person who left, as its status change leaves it: the roster's figures stay, the member is not named. */
export function forgottenCheckin(c: Checkin): Checkin {
  return { ...c, name: LEFT_PERSON_NAME, phone: '', openid: null, workUnit: null, freeTime: null };
}

/** What leaving does, as the first confirmation says it. */
export const LEAVE_CONSEQUENCES: readonly string[] = [
  '您的姓名、手机号和微信绑定会被删除，登录会全部失效，无法恢复',
  '您提交过的反映会保留用于社区统计和台账，但显示为“已注销居民”',
  '您的住户登记、讲堂报名和个人码会取消；党员报到按“转出”办理，联户结对同时解除',
  '您的积分会清零，还没领取的兑换会取消；您许的心愿会撤回，您认领的心愿会退回给别人认领',
  '您在议事里发表的意见会删除内容；您家的投票仍然算数，但不再显示是您投的',
  '您与共建单位的关联会解除，不再是它的联络人和项目负责人；您记录的走访保留，但不再显示您的姓名',
  '注销后如需再用近邻，要重新扫码登记',
];

/** How often a person may ask to leave: enough to change their mind, too few to fill the audit log. */
export const LEAVE_ASK_LIMIT = { perWindow: 5, windowMs: 3600_000 } as const;
