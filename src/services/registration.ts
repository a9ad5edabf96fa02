/**
 * Registration (登记入住): what the join, status and approval pages call. A web applicant (the h5
 * build without WeChat) is not a person yet and cannot sign in until approved, so the key their first
 * submit answers is kept here, in Taro storage, and sent with their later reads and resubmits. The
 * code each registration was made from is remembered too, so a rejected applicant can register again
 * from the same building's code without scanning it again.
 */
import Taro from '@tarojs/taro';
import type { ActionInput } from '../core/api';
import { call } from './api';

const KEY = 'jinlin.registrationKey';
const CODES = 'jinlin.registrationCodes';
/** Registrations whose code is remembered: a person makes one or two, a shared phone a few more. */
const CODES_KEPT = 20;

/** What the join page sends: always from a code (a group card's way in has no code to remember). */
type SubmitInput = Omit<ActionInput<'registration', 'submit'>, 'key' | 'codeId' | 'groupCloudId'> & { codeId: string };

function read<T>(key: string): T | null {
  try {
    const v = Taro.getStorageSync(key) as T | '';
    return v === '' || v === undefined || v === null ? null : v;
  } catch {
    return null;
  }
}

/** The web applicant's key, if this device registered without WeChat. */
export function registrationKey(): string | null {
  const v = read<unknown>(KEY);
  return typeof v === 'string' && v ? v : null;
}

/** The code a registration made on this device was made from, if remembered. */
export function codeOfRegistration(id: string): string | null {
  const codes = read<Record<string, string>>(CODES);
  return codes && typeof codes === 'object' && typeof codes[id] === 'string' ? codes[id] : null;
}

function rememberCode(id: string, codeId: string): void {
  const codes = { ...(read<Record<string, string>>(CODES) ?? {}) };
  delete codes[id];
  codes[id] = codeId;
  const ids = Object.keys(codes);
  for (const old of ids.slice(0, Math.max(0, ids.length - CODES_KEPT))) delete codes[old];
  Taro.setStorageSync(CODES, codes);
}

/** Registers (or answers the pending registration this applicant already has). */
export async function submitRegistration(input: SubmitInput) {
  const key = registrationKey();
  const result = await call('registration', 'submit', key ? { ...input, key } : input);
  if (result.ok) {
    // Answered once, for a new web applicant: without it they could not read their registration.
    if (result.data.key) Taro.setStorageSync(KEY, result.data.key);
    rememberCode(result.data.registration.id, input.codeId);
  }
  return result;
}

/** The applicant's registrations, newest first: whoever they are now, and this device's key. */
export function myRegistrations() {
  const key = registrationKey();
  return call('registration', 'mine', key ? { key } : {});
}

/** The approver's queue, oldest first. */
export const pendingRegistrations = (unitId?: string) => call('registration', 'pending', unitId ? { unitId } : {});

/** Approves: as `personId` (a resident the applicant is), or as a new resident (null). */
export const approveRegistration = (id: string, version: number, personId: string | null) =>
  call('registration', 'approve', personId ? { id, version, personId } : { id, version });

export const rejectRegistration = (id: string, version: number, reason: string) => call('registration', 'reject', { id, version, reason });
