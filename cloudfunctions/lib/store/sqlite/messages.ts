import type { Database as Db } from 'better-sqlite3';
import type { Message, MessageRepo } from '../port';
import type { SqliteKit } from './kit';

interface MessageRow {
  id: string;
  person_id: string;
  kind: string;
  title: string;
  body: string;
  page: string | null;
  created_at: number;
  read_at: number | null;
}

/** Writes one message; the report writes use it too, inside their own transaction. */
export function messageWriter(db: Db): (m: Message) => void {
  const insert = db.prepare('INSERT INTO messages (id, person_id, kind, title, body, page, created_at, read_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  return (m) => {
    insert.run(m.id, m.personId, m.kind, m.title, m.body, m.page, m.createdAt, m.readAt);
  };
}

export function sqliteMessages(db: Db, { stmt }: SqliteKit): MessageRepo {
  const write = messageWriter(db);
  const q = {
    list: db.prepare<[string, number, number], MessageRow>(
      'SELECT * FROM messages WHERE person_id = ? AND created_at < ? ORDER BY created_at DESC, id DESC LIMIT ?',
    ),
    unread: db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM messages WHERE person_id = ? AND read_at IS NULL'),
    readAll: db.prepare('UPDATE messages SET read_at = ? WHERE person_id = ? AND read_at IS NULL'),
  };

  return {
    async insert(m) {
      write(m);
    },
    async listForPerson(personId, limit, before) {
      return q.list.all(personId, before ?? Number.MAX_SAFE_INTEGER, limit).map((r) => ({
        id: r.id,
        personId: r.person_id,
        kind: r.kind,
        title: r.title,
        body: r.body,
        page: r.page,
        createdAt: r.created_at,
        readAt: r.read_at,
      }));
    },
    async countUnread(personId) {
      return q.unread.get(personId)!.n;
    },
    async markRead(personId, ids, at) {
      if (ids === null) return q.readAll.run(at, personId).changes;
      if (ids.length === 0) return 0;
      const sql = `UPDATE messages SET read_at = ? WHERE person_id = ? AND read_at IS NULL AND id IN (${ids.map(() => '?').join(',')})`;
      return stmt(sql).run(at, personId, ...ids).changes;
    },
  };
}
