/**
 * What became of the WeChat subscribe messages the functions sent: per China day, notice kind and
 * template, how many were sent, refused by the person (errcode 43101: they did not subscribe, or
 * used up what they allowed) and failed otherwise, with the last failure's error. The management
 * page shows it, so a template that WeChat rejects is seen the day it starts.
 */
export type SendOutcome = 'sent' | 'refused' | 'failed';

export interface SubscribeSend {
  /** The China day of the send: "2026-11-23". */
  day: string;
  /** The notice kind, e.g. "report.assigned". */
  kind: string;
  templateId: string;
  outcome: SendOutcome;
  at: number;
  /** For a failure: what WeChat (or the call) said. */
  error?: string | null;
}

/** One day's count for a kind and template. */
export interface SubscribeSendDay {
  day: string;
  kind: string;
  templateId: string;
  sent: number;
  refused: number;
  failed: number;
  /** The latest failure (by `at`) of the day: refusals are not errors and leave it alone. */
  lastError: string | null;
  lastErrorAt: number | null;
}

export interface SubscribeSendRepo {
  /** Counts one send; concurrent records of the same day, kind and template are each counted. */
  record(send: SubscribeSend): Promise<void>;
  /** Every day from `fromDay` (inclusive), newest day first, then by kind and template. */
  listSince(fromDay: string): Promise<SubscribeSendDay[]>;
}
