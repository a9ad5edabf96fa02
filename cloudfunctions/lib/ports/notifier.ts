/**
 * The Notifier port: tell a person that something happened. Every notice lands in the in-app
 * message list (the messages page), always; in the cloud it is also sent as a WeChat subscribe
 * message when a template is configured for its kind and the person has an OPENID.
 */
import { dayKey, formatDateTime, type Clock, type IdSource } from '../../../src/core';
import type { Logger } from './logger';
import type { Message, SendOutcome, Store } from '../store/port';

export interface Notice {
  personId: string;
  /** e.g. "report.assigned", "report.resolved". */
  kind: string;
  title: string;
  body: string;
  /** The mini-program page it opens. */
  page?: string;
  /** Values for the subscribe-message template, keyed by our own names (see SubscribeTemplate). */
  fields?: Record<string, string | number>;
}

export interface Notifier {
  /** Writes the in-app message, then delivers the rest. */
  notify(notice: Notice): Promise<void>;
  /**
   * A notice in two halves, for a change that writes its in-app messages in its own transaction:
   * `message` makes the in-app row (nothing is written), `deliver` does the rest once that row is
   * stored (a subscribe message in the cloud, nothing locally). Never fails the change.
   */
  message(notice: Notice): Message;
  deliver(notice: Notice): Promise<void>;
}

/** Always: the in-app list. */
export function inAppNotifier(store: Store, clock: Clock, ids: IdSource): Notifier {
  const message = (n: Notice): Message => ({
    id: ids.next('msg'),
    personId: n.personId,
    kind: n.kind,
    title: n.title,
    body: n.body,
    page: n.page ?? null,
    createdAt: clock.now(),
    readAt: null,
  });
  return {
    async notify(n) {
      await store.messages.insert(message(n));
    },
    message,
    async deliver() {},
  };
}

/**
 * A subscribe-message template: its id in the mini-program's console and which of our values
 * goes into which of its keywords, e.g. { thing1: 'title', time2: 'time', thing3: 'body' }.
 */
export interface SubscribeTemplate {
  templateId: string;
  data: Record<string, string>;
}

export type SubscribeTemplates = Record<string, SubscribeTemplate>;

/** What WeChat's subscribeMessage.send receives (snake_case, as the API wants it). */
export interface SubscribeRequest {
  touser: string;
  template_id: string;
  page?: string;
  data: Record<string, { value: string }>;
  miniprogram_state?: 'developer' | 'trial' | 'formal';
}

/**
 * Reads templates from JSON (the JINLIN_SUBSCRIBE_TEMPLATES setting). Bad JSON is a deploy
 * mistake: it throws with a message that says which setting.
 */
export function parseTemplates(json: string | undefined): SubscribeTemplates {
  if (!json) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error('JINLIN_SUBSCRIBE_TEMPLATES is not valid JSON');
  }
  if (typeof raw !== 'object' || raw === null) throw new Error('JINLIN_SUBSCRIBE_TEMPLATES must be an object of kind → { templateId, data }');
  for (const [kind, t] of Object.entries(raw as Record<string, SubscribeTemplate>))
    if (typeof t?.templateId !== 'string' || typeof t.data !== 'object' || t.data === null)
      throw new Error(`JINLIN_SUBSCRIBE_TEMPLATES["${kind}"] needs templateId and data`);
  return raw as SubscribeTemplates;
}

/** WeChat's limits per keyword type (thing: 20 characters, phrase: 5, …). */
const LIMITS: Record<string, number> = { thing: 20, phrase: 5, name: 10, character_string: 32, number: 32, letter: 32, symbol: 5 };

export function keywordValue(keyword: string, value: string): string {
  const type = keyword.replace(/\d+$/, '');
  const max = LIMITS[type];
  if (!max) return value;
  const chars = [...value];
  return chars.length <= max ? value : `${chars.slice(0, max - 1).join('')}…`;
}

export function subscribeRequest(openid: string, template: SubscribeTemplate, n: Notice, at: string): SubscribeRequest {
  const values: Record<string, string> = { title: n.title, body: n.body, time: at, ...Object.fromEntries(Object.entries(n.fields ?? {}).map(([k, v]) => [k, String(v)])) };
  const data: Record<string, { value: string }> = {};
  for (const [keyword, ours] of Object.entries(template.data)) data[keyword] = { value: keywordValue(keyword, values[ours] ?? '') };
  const req: SubscribeRequest = { touser: openid, template_id: template.templateId, data };
  if (n.page) req.page = n.page;
  return req;
}

/** WeChat's errcode for a person who has not allowed (or has used up) this template: theirs to decide, not a fault. */
const REFUSED_BY_PERSON = 43101;

/** The errcode in a failed send: an `errcode` on the error, else the number after the API's name in its message. */
export function errcodeOf(e: unknown): number | null {
  const code = (e as { errcode?: unknown; errCode?: unknown })?.errcode ?? (e as { errCode?: unknown })?.errCode;
  if (typeof code === 'number') return code;
  const m = /(-?\d{5,})/.exec(String((e as Error)?.message ?? e));
  return m ? Number(m[1]) : null;
}

/**
 * In the cloud: the in-app message, then a subscribe message if possible. A refused or failed
 * send (the person did not subscribe, quota used up) is logged and never fails the action that
 * caused the notice: the in-app message is already there. Each send tried is counted per day, kind
 * and template (store.subscribeSends), for the management page; a count that cannot be written is
 * logged and lost, never the notice's failure.
 */
export function wechatNotifier(opts: {
  inApp: Notifier;
  store: Store;
  clock: Clock;
  log: Logger;
  templates: SubscribeTemplates;
  send: (req: SubscribeRequest) => Promise<void>;
}): Notifier {
  const notifier: Notifier = {
    async notify(n) {
      await opts.inApp.notify(n);
      await notifier.deliver(n);
    },
    message: (n) => opts.inApp.message(n),
    async deliver(n) {
      const template = opts.templates[n.kind];
      if (!template) return;
      const person = await opts.store.people.get(n.personId);
      if (!person?.openid) return;
      const now = opts.clock.now();
      let outcome: SendOutcome = 'sent';
      let error: string | null = null;
      try {
        await opts.send(subscribeRequest(person.openid, template, n, formatDateTime(now)));
      } catch (e) {
        error = String((e as Error)?.message ?? e);
        outcome = errcodeOf(e) === REFUSED_BY_PERSON ? 'refused' : 'failed';
        opts.log.info('subscribe message not sent', { kind: n.kind, personId: n.personId, error });
      }
      try {
        await opts.store.subscribeSends.record({ day: dayKey(now), kind: n.kind, templateId: template.templateId, outcome, at: now, error });
      } catch (e) {
        opts.log.error('subscribe send not counted', { kind: n.kind, outcome, error: String((e as Error)?.message ?? e) });
      }
    },
  };
  return notifier;
}
