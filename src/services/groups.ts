/**
 * The building's WeChat group (楼栋群): which group a page was opened in, and the groups function's
 * calls. WeChat tells a page its group only as getGroupEnterInfo's cloudID: a plain string, valid 5
 * minutes, traded for the group's openGId by the cloud function. It is never decoded here, and asked
 * afresh before each call that sends it.
 *
 * Reading it fails for many reasons (not opened from a group, no longer in it, a base library too
 * old, and some WeChat does not document): every failure is the same answer, null, with a log line
 * saying why. The launch scene number is never looked at: it differs between clients.
 *
 * On the local host a browser standing in for a WeChat user (dev-wechat.ts) stands in for the group
 * too: Taro storage `jinlin.devGroup` names the openGId simulated, sent as `dev-group:<openGId>:<nonce>`,
 * a cloudID only a host started with JINLIN_DEV_WECHAT=1 honours. From the browser's console:
 *   localStorage.setItem('jinlin.devGroup', JSON.stringify({ data: 'g-3hao' }))
 */
import Taro from '@tarojs/taro';
import type { ActionInput } from '../core/api';
import { call } from './api';
import { devOpenid } from './dev-wechat';

export const DEV_GROUP_KEY = 'jinlin.devGroup';

/** Why no group was read, in the logs (the person is told in the page's own words). */
function noGroup(why: string, detail?: unknown): null {
  console.warn(`[groups] no group: ${why}`, detail ?? '');
  return null;
}

/** The stand-in group's openGId, when this browser stands in for a WeChat user and names one. */
function devGroup(): string | null {
  if (!devOpenid()) return null;
  try {
    const v: unknown = Taro.getStorageSync(DEV_GROUP_KEY);
    return typeof v === 'string' && v.trim() ? v.trim() : null;
  } catch {
    return null;
  }
}

/** A nonce so two stand-in cloudIDs differ, as WeChat's do. */
const nonce = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/** The cloudID of the group this page was opened in, fresh; null when there is none to be had. */
export async function groupCloudId(): Promise<string | null> {
  if (Taro.getEnv() === Taro.ENV_TYPE.WEAPP) {
    try {
      const res = await Taro.getGroupEnterInfo();
      // Without cloud development enabled WeChat answers encryptedData only: no way to read that here.
      return typeof res.cloudID === 'string' && res.cloudID ? res.cloudID : noGroup('getGroupEnterInfo gave no cloudID', res.errMsg);
    } catch (e) {
      return noGroup('getGroupEnterInfo failed', e);
    }
  }
  // The stand-in is the browser build's alone: the weapp build drops this branch.
  if (process.env.TARO_ENV !== 'weapp') {
    const g = devGroup();
    if (g) return `dev-group:${g}:${nonce()}`;
  }
  return null;
}

/**
 * Cards shared from this page carry a shareTicket: a card sent without one opens without its group,
 * and getGroupEnterInfo then has nothing to tell. Only WeChat shares cards; a failure is logged.
 */
export function shareWithTicket(): void {
  if (Taro.getEnv() !== Taro.ENV_TYPE.WEAPP) return;
  const logged = (what: string) => (e: unknown) => console.warn(`[groups] ${what} failed`, e);
  try {
    Taro.showShareMenu({ withShareTicket: true }).catch(logged('showShareMenu'));
    Taro.updateShareMenu({ withShareTicket: true }).catch(logged('updateShareMenu'));
  } catch (e) {
    logged('share menu')(e);
  }
}

/** Binds the group the page was opened in to `buildingId` (its lead only). */
export const bindGroup = (buildingId: string, cloudID: string) => call('groups', 'bind', { buildingId, cloudID });

export const unbindGroup = (buildingId: string) => call('groups', 'unbind', { buildingId });

/** Which building the group is bound to, and which the caller may bind it to. */
export const enterGroup = (cloudID: string) => call('groups', 'enter', { cloudID });

/** A shared report as its card shows it: in full inside its building's bound group, else only that it exists. */
export const reportCard = (reportId: string, cloudID: string | null) => call('groups', 'card', { reportId, cloudID });

/**
 * Registers from a card opened in a bound group: the building is the group's. Only a WeChat user (or
 * the local stand-in) is ever in a group, so there is no web applicant's key to keep or send.
 */
export const registerFromGroup = (input: Omit<ActionInput<'registration', 'submit'>, 'key' | 'codeId' | 'password' | 'groupCloudId'> & { groupCloudId: string }) =>
  call('registration', 'submit', input);
