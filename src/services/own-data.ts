/**
 * 我的信息 (PIPL arts. 44–47): what the mydata subpackage calls — read everything kept about the
 * caller, take a copy, correct the name or (WeChat-verified) phone, and leave (注销) in two steps.
 * Imported only by the subpackage, so the main package stays small.
 */
import type { Door } from '../core/households';
import { call } from './api';

export const ownData = () => call('people', 'ownData', {});

/** h5: the file itself; the mini-program: a link valid for a day, also sent to 消息. */
export const copyOwnData = (via: 'file' | 'message') => call('people', 'copyOwnData', { via });

/** `version` is the account's as read: a change in between is refused (CONFLICT.VERSION). */
export const correctName = (name: string, version: number) => call('people', 'correctName', { name, version });

/** `phoneCode` from WeChat's getPhoneNumber button; the server trades it for the number. */
export const correctPhone = (phoneCode: string, version: number) => call('people', 'correctPhone', { phoneCode, version });

/** One of 我的信息's switches (公示栏, 照片): answers both as they are now. */
export const setConsent = (change: { board?: boolean; photos?: boolean }) => call('people', 'setConsent', change);

/** 改门牌: the homes, the buildings a move may go to, and a move waiting for the lead. */
export const moveChoices = () => call('registration', 'moveChoices', {});

/** 改门牌: a registration for the new door, approved by that building's lead (the old home ends then). */
export const askToMove = (input: { fromBuildingId?: string; buildingId: string; door: Door }) => call('registration', 'move', input);

/** First step of leaving: what it does, and the token the second step sends. */
export const askToLeave = () => call('people', 'askToLeave', {});

export const leave = (token: string) => call('people', 'leave', { token });

/** What a page says for a version conflict (someone or something changed the account meanwhile). */
export const VERSION_CHANGED = '信息刚刚有变化，请刷新再改';
