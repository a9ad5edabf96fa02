/**
 * messages.noticeTemplates: which subscribe-message templates the mini-program asks a person to allow
 * at each moment (src/core/notice-moments.ts), from the same JINLIN_SUBSCRIBE_TEMPLATES the notifier
 * sends with, so templates are configured in one place. Public: the ids are no secret (WeChat's panel
 * shows their titles to anyone), and the mini-program fetches them at start, before the person may
 * have registered.
 */
import { noticeTemplateIds, type NoticeTemplates } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/messages';
import { parseTemplates } from '../../ports/notifier';
import { publicAction, type FunctionDef } from '../define';

/** Parsed once per warm instance and setting, like the notifier's copy (cloudfunctions/lib/entry.ts). */
let parsed: { json: string | undefined; answer: NoticeTemplates } | null = null;

export function noticeTemplatesFrom(json: string | undefined): NoticeTemplates {
  if (parsed && parsed.json === json) return parsed.answer;
  const templates = parseTemplates(json);
  parsed = { json, answer: noticeTemplateIds((kind) => templates[kind]?.templateId) };
  return parsed.answer;
}

export const noticeTemplates: FunctionDef = {
  noticeTemplates: publicAction(schemas.messages.noticeTemplates, async () => noticeTemplatesFrom(process.env.JINLIN_SUBSCRIBE_TEMPLATES)),
};
