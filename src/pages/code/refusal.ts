/**
 * Why a code could not be shown, as the landing page tells it: a heading and a status in words
 * (never colour alone) beside the server's own message, and the one way forward that fits — look
 * again (the network, a code not valid yet, too many tries), type the code (it may have been
 * misread), or ask for a new one (the message names whom to ask; typing another code is the way on).
 */
import { CODE_STATUS_LABEL } from '../../core/codes';
import { SHOWN_BEFORE_ASKING } from '../../core/errors-shown-before-asking';
import type { ClientFailure } from '../../services/api';

export type Forward = 'retry' | 'type' | 'ask';

export interface Refusal {
  code: string;
  title: string;
  /** "已过期", "找不到这个码", …: what the status chip says. */
  status: string;
  message: string;
  forward: Forward;
}

type Told = Pick<Refusal, 'title' | 'status' | 'forward'>;

const NOT_FOUND: Told = { title: '没有找到这个码', status: '找不到', forward: 'type' };
const CANNOT_LOOK: Told = { title: '现在查不到这个码', status: '暂时查不到', forward: 'retry' };
const USED: Omit<Told, 'status'> = { title: '这个码不能再用了', forward: 'ask' };

const KNOWN: Record<string, Told> = {
  'CODE.NOT_FOUND': NOT_FOUND,
  'INPUT.INVALID': NOT_FOUND,
  'CODE.NOT_YET_VALID': { title: '这个码还不能用', status: CODE_STATUS_LABEL.not_yet_valid, forward: 'retry' },
  'CODE.EXPIRED': { ...USED, status: CODE_STATUS_LABEL.expired },
  'CODE.REVOKED': { ...USED, status: CODE_STATUS_LABEL.revoked },
  'CODE.USED_UP': { ...USED, status: CODE_STATUS_LABEL.used_up },
  'CODE.TOO_MANY_TRIES': { ...CANNOT_LOOK, status: '查看次数太多' },
  'NETWORK.UNREACHABLE': { ...CANNOT_LOOK, status: '网络没有连上' },
  'NETWORK.OFFLINE': { ...CANNOT_LOOK, status: '手机没有联网' },
  'NETWORK.TIMEOUT': { ...CANNOT_LOOK, status: '网络太慢' },
  'NETWORK.FUNCTION_ERROR': { ...CANNOT_LOOK, status: '服务出了故障' },
};

export function refusalOf(failure: Pick<ClientFailure, 'code' | 'message'>): Refusal {
  return { code: failure.code, ...(KNOWN[failure.code] ?? CANNOT_LOOK), message: failure.message };
}

/** A scanned scene that cannot be a code id is not sent to the server (it would only use up tries). */
export const MALFORMED_SCENE: Refusal = refusalOf({ code: 'CODE.NOT_FOUND', message: SHOWN_BEFORE_ASKING['CODE.NOT_FOUND'] });

/** What the way forward's button says. */
export const FORWARD_LABEL: Record<Forward, string> = {
  retry: '再查一次',
  type: '输入码的编号',
  ask: '输入别的码',
};
