/**
 * Asking WeChat to let the functions send subscribe messages (订阅消息). WeChat refuses a subscribe
 * message unless the person allowed its template from a tap, once per allow: so at the moments
 * people expect news (filing a report, a handler taking one, signing up for a lecture) the tap's
 * handler calls `void askForNotices(moment)` as its first statement. WeChat shows its panel only
 * when requestSubscribeMessage runs in the tap's call stack, so everything before that call is
 * synchronous: the template ids come from a copy kept on the phone (loadNoticeTemplates, at app start
 * and page show), never from a network call made during the tap.
 *
 * Whatever the person refuses, or never allows, still lands in the in-app messages (消息): the server
 * writes every notice there first (cloudfunctions/lib/ports/notifier.ts). So nothing here ever throws
 * or stops the tap's own work, and in a browser (h5) it does nothing.
 */
import Taro from '@tarojs/taro';
import { MAX_TEMPLATES_PER_ASK, NOTICE_MOMENTS, type NoticeMoment } from '../core/notice-moments';
import type { NoticeTemplates } from '../core/outputs/messages';
import { call } from './api';

export type { NoticeMoment } from '../core/notice-moments';

/** What became of one ask; the pages ignore it (`void`), tests and logs read it. */
export type SubscribeOutcome =
  /** Nothing was asked: not the mini-program, no template for this moment, the person switched them off, or a panel is already open. */
  | { status: 'skipped'; reason: 'notWeapp' | 'noTemplates' | 'switchedOff' | 'busy' }
  /** WeChat showed the panel (or answered from the person's "always keep this choice") with a verdict per template. */
  | { status: 'answered'; asked: string[]; accepted: string[]; rejected: string[]; banned: string[]; filtered: string[] }
  /** errCode 20004: the person turned off subscribe messages for this mini-program in its settings. */
  | { status: 'switchedOff'; asked: string[] }
  /** Anything else WeChat refused with (a template id that does not exist, no network, an old base library…). */
  | { status: 'failed'; asked: string[]; errCode: number | null; errMsg: string };

/** The server's answer, kept on the phone with when it was fetched. */
export const TEMPLATES_KEY = 'jinlin.noticeTemplates';
/** Set when WeChat says the person switched subscribe messages off (20004); cleared when getSetting says they are on again. */
export const SWITCHED_OFF_KEY = 'jinlin.noticesSwitchedOff';
/** Set once the person has been told that news still lands in 消息: told once, not at every tap. */
export const TOLD_KEY = 'jinlin.noticesSwitchedOffTold';
/** Templates WeChat answered 'ban' for (banned by the platform): asking again only shows fewer items. */
export const BANNED_KEY = 'jinlin.noticeTemplatesBanned';

/** A copy younger than this is used without asking the server again. */
export const FRESH_MS = 60 * 60_000;

/** errCode of requestSubscribeMessage when the mini-program's subscribe-message switch is off. */
const SWITCHED_OFF = 20004;

export const SWITCHED_OFF_TITLE = '微信提醒已关闭';
export const SWITCHED_OFF_TEXT = '您在微信里关闭了本小程序的订阅消息，我们不会再问。新的进展仍会放在“消息”里。想收微信提醒，可在右上角“···”→“设置”→“订阅消息”里打开。';

interface Kept {
  templates: NoticeTemplates;
  at: number;
}

function read<T>(key: string): T | null {
  try {
    const v = Taro.getStorageSync(key) as unknown;
    return v === '' || v === undefined || v === null ? null : (v as T);
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    Taro.setStorageSync(key, value);
  } catch {
    // Storage full or refused: asked again next time, which is only one more panel.
  }
}

function remove(key: string): void {
  try {
    Taro.removeStorageSync(key);
  } catch {
    // As above.
  }
}

/** The server's answer as the phone trusts it: every moment, strings only, at most 3 distinct each. */
export function cleanTemplates(raw: unknown): NoticeTemplates {
  const out = {} as NoticeTemplates;
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  for (const m of NOTICE_MOMENTS) {
    const ids = Array.isArray(r[m]) ? (r[m] as unknown[]).filter((x): x is string => typeof x === 'string' && x.length > 0) : [];
    out[m] = [...new Set(ids)].slice(0, MAX_TEMPLATES_PER_ASK);
  }
  return out;
}

let kept: Kept | null = null;

function keptTemplates(): Kept | null {
  if (kept) return kept;
  const stored = read<Kept>(TEMPLATES_KEY);
  if (stored && typeof stored.at === 'number') kept = { templates: cleanTemplates(stored.templates), at: stored.at };
  return kept;
}

/** The ids to ask for at a moment: the kept copy, less what WeChat banned, at most 3. */
export function templatesFor(moment: NoticeMoment): string[] {
  const banned = read<string[]>(BANNED_KEY) ?? [];
  return (keptTemplates()?.templates[moment] ?? []).filter((id) => !banned.includes(id)).slice(0, MAX_TEMPLATES_PER_ASK);
}

const isWeapp = () => process.env.TARO_ENV === 'weapp';

/** When the open panel was asked for; a panel WeChat never answered (the app sent away mid-panel) stops counting after a minute. */
let askingSince: number | null = null;
const PANEL_MS = 60_000;

/** Tells the person once, ever, that they switched WeChat's reminders off and where news goes now. */
function tellSwitchedOffOnce(): void {
  if (read<boolean>(TOLD_KEY) === true) return;
  write(TOLD_KEY, true);
  Promise.resolve()
    .then(() => Taro.showModal({ title: SWITCHED_OFF_TITLE, content: SWITCHED_OFF_TEXT, showCancel: false, confirmText: '知道了' }))
    .catch(() => undefined);
}

function verdicts(asked: string[], res: Record<string, unknown>): SubscribeOutcome {
  const by = (v: string) => asked.filter((id) => res[id] === v);
  const outcome = { status: 'answered' as const, asked, accepted: by('accept'), rejected: by('reject'), banned: by('ban'), filtered: by('filter') };
  if (outcome.banned.length) {
    write(BANNED_KEY, [...new Set([...(read<string[]>(BANNED_KEY) ?? []), ...outcome.banned])]);
    console.warn('subscribe templates banned by WeChat: check them in the mini-program console', outcome.banned);
  }
  if (outcome.filtered.length) console.warn('subscribe templates filtered by WeChat (two templates share a title)', outcome.filtered);
  return outcome;
}

function failure(asked: string[], e: unknown): SubscribeOutcome {
  const err = (e ?? {}) as { errCode?: unknown; errMsg?: unknown; message?: unknown };
  const errCode = typeof err.errCode === 'number' ? err.errCode : null;
  if (errCode === SWITCHED_OFF) {
    write(SWITCHED_OFF_KEY, Date.now());
    tellSwitchedOffOnce();
    return { status: 'switchedOff', asked };
  }
  const errMsg = String(err.errMsg ?? err.message ?? e);
  console.warn('requestSubscribeMessage failed', errCode, errMsg);
  return { status: 'failed', asked, errCode, errMsg };
}

const skipped = (reason: 'notWeapp' | 'noTemplates' | 'switchedOff' | 'busy'): Promise<SubscribeOutcome> => Promise.resolve({ status: 'skipped', reason });

/**
 * Asks WeChat to let us send the moment's notices. Call it as the first statement of the tap's
 * handler, without awaiting: it reaches requestSubscribeMessage synchronously, never throws, and
 * never delays the tap's own work.
 */
export function askForNotices(moment: NoticeMoment): Promise<SubscribeOutcome> {
  let ids: string[] = [];
  try {
    if (!isWeapp() || typeof Taro.requestSubscribeMessage !== 'function') return skipped('notWeapp');
    if (read<number>(SWITCHED_OFF_KEY) !== null) return skipped('switchedOff');
    ids = templatesFor(moment);
    if (ids.length === 0) {
      // Not fetched yet (a first start without network): fetched for the next tap.
      if (!keptTemplates()) void loadNoticeTemplates();
      return skipped('noTemplates');
    }
    if (askingSince !== null && Date.now() - askingSince < PANEL_MS) return skipped('busy');
    askingSince = Date.now();
    const asked = ids;
    const request = { tmplIds: asked } as unknown as Taro.requestSubscribeMessage.Option;
    return Promise.resolve(Taro.requestSubscribeMessage(request))
      .then((res) => verdicts(asked, res as unknown as Record<string, unknown>), (e: unknown) => failure(asked, e))
      .catch((e: unknown) => failure(asked, e))
      .finally(() => {
        askingSince = null;
      });
  } catch (e) {
    askingSince = null;
    return Promise.resolve(failure(ids, e));
  }
}

/** WeChat's settings say subscribe messages are on again: ask again from the next tap. */
async function recheckSwitch(): Promise<void> {
  if (read<number>(SWITCHED_OFF_KEY) === null || typeof Taro.getSetting !== 'function') return;
  const setting = await Taro.getSetting({ withSubscriptions: true });
  if (setting?.subscriptionsSetting?.mainSwitch === true) {
    remove(SWITCHED_OFF_KEY);
    remove(TOLD_KEY);
  }
}

let loading: Promise<void> | null = null;

/**
 * Fetches which templates each moment asks for (messages.noticeTemplates) and keeps them on the
 * phone; a copy younger than FRESH_MS is kept as it is. Call at app start and page show, without
 * awaiting. Never throws: without an answer the kept copy (or none) stays.
 */
export function loadNoticeTemplates(): Promise<void> {
  if (!isWeapp()) return Promise.resolve();
  if (loading) return loading;
  loading = (async () => {
    try {
      await recheckSwitch();
    } catch {
      // An old base library without withSubscriptions: the remembered switch stands.
    }
    try {
      const have = keptTemplates();
      if (have && Date.now() - have.at < FRESH_MS) return;
      const r = await call('messages', 'noticeTemplates', {});
      if (!r.ok) return;
      kept = { templates: cleanTemplates(r.data), at: Date.now() };
      write(TEMPLATES_KEY, kept);
    } catch {
      // The network or the function failed: the kept copy stays; the next start tries again.
    } finally {
      loading = null;
    }
  })();
  return loading;
}

/** Tests only: forget what this module holds in memory (storage is the test's to clear). */
export function __resetSubscribe(): void {
  kept = null;
  loading = null;
  askingSince = null;
}
