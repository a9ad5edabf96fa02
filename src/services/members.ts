/**
 * Party-member check-in (党员报到): what 我的 and 我的报到 call. Reading one's own check-ins is public (a
 * member may be a WeChat user nobody knows yet). 我的 is in the main package, so this file holds only
 * what it needs; checking in and deciding are in services/checkins.ts, loaded with their subpackages.
 */
import { call } from './api';

/** The caller's check-ins, newest first, with their history. */
export const myCheckins = () => call('members', 'mine', {});

/** The check-ins waiting for the caller's decision (the home page counts them for secretaries). */
export const pendingCheckins = (unitId?: string) => call('members', 'pending', unitId ? { unitId } : {});
