/**
 * In-app messages on CloudBase: one document per message, `_id` its id. Messages a report write
 * brings are added in that write's transaction (reports.ts).
 */
import type { Message, MessageRepo } from '../port';
import { chunks, type CloudbaseKit, type Stored } from './kit';

/** A message as stored: the port's Message with its id as `_id`. */
export interface MessageDoc extends Stored, Omit<Message, 'id'> {}

const toMessage = (d: MessageDoc): Message => ({
  id: d._id,
  personId: d.personId,
  kind: d.kind,
  title: d.title,
  body: d.body,
  page: d.page ?? null,
  createdAt: d.createdAt,
  readAt: d.readAt ?? null,
});

export const messageDoc = (m: Message): MessageDoc => ({
  _id: m.id,
  personId: m.personId,
  kind: m.kind,
  title: m.title,
  body: m.body,
  page: m.page,
  createdAt: m.createdAt,
  readAt: m.readAt,
});

export function cloudbaseMessages(kit: CloudbaseKit): MessageRepo {
  const _ = kit.command;
  const coll = () => kit.coll('messages');
  return {
    async insert(m) {
      await coll().add(messageDoc(m));
    },
    async listForPerson(personId, limit, before) {
      if (limit <= 0) return [];
      const where = before === undefined ? { personId } : { personId, createdAt: _.lt(before) };
      const q = coll().where(where).orderBy('createdAt', 'desc').orderBy('_id', 'desc');
      return (await kit.drainBySkip<MessageDoc>(q, limit)).map(toMessage);
    },
    async countUnread(personId) {
      return kit.count(coll().where({ personId, readAt: null }));
    },
    async markRead(personId, ids, at) {
      // Conditional on readAt: a message read twice counts once.
      if (ids === null) return kit.update(coll().where({ personId, readAt: null }), { readAt: at });
      let n = 0;
      for (const part of chunks(ids)) {
        if (part.length === 0) continue;
        n += await kit.update(coll().where({ personId, readAt: null, _id: _.in(part) }), { readAt: at });
      }
      return n;
    },
  };
}
