/**
 * 回音壁 (#26): a compound's resolved reports of a month, anonymised by the server. Public: someone who
 * scanned the compound's public code, or opened the page forwarded in a building group, reads it
 * without registering. The answer is a result value whose failure `message` can be shown as it is.
 */
import { call } from './api';

export interface EchoWallAsk {
  /** The public code the landing page resolved. */
  codeId?: string;
  compoundId?: string;
  /** 'YYYY-MM'; absent: this month. */
  month?: string;
}

/** The wall: by the code, else the compound, else (a registered caller) their own compound. */
export const echoWall = (ask: EchoWallAsk) =>
  call('reports', 'echoWall', {
    ...(ask.codeId ? { codeId: ask.codeId } : ask.compoundId ? { compoundId: ask.compoundId } : {}),
    ...(ask.month ? { month: ask.month } : {}),
  });
