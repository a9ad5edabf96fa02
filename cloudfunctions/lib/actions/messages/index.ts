import { type MessageView } from '../../../../src/core';
import * as schemas from '../../../../src/core/schemas/messages';
import type { Message } from '../../store/port';
import { personAction, type FunctionDef } from '../define';
import { noticeTemplates } from './notice-templates';

const view = (m: Message): MessageView => ({ id: m.id, kind: m.kind, title: m.title, body: m.body, page: m.page, createdAt: m.createdAt, read: m.readAt !== null });

/** A person's own in-app messages; nobody reads another person's. */
export const messages: FunctionDef = {
  list: personAction(schemas.messages.list, async (ctx, input) => {
    const limit = input.limit ?? 20;
    const me = ctx.caller.person.id;
    const page = await ctx.deps.store.messages.listForPerson(me, limit + 1, input.before);
    return { messages: page.slice(0, limit).map(view), unread: await ctx.deps.store.messages.countUnread(me), more: page.length > limit };
  }),

  markRead: personAction(schemas.messages.markRead, async (ctx, input) => {
    const me = ctx.caller.person.id;
    const marked = await ctx.deps.store.messages.markRead(me, 'ids' in input ? input.ids : null, ctx.deps.clock.now());
    return { marked, unread: await ctx.deps.store.messages.countUnread(me) };
  }),

  ...noticeTemplates,
};
