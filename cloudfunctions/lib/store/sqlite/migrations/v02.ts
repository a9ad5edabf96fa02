import type { Migration } from './migration';

export const v02: Migration = {
  version: 2,
  name: 'in-app messages',
  sql: `
    CREATE TABLE messages (
      id TEXT PRIMARY KEY,
      person_id TEXT NOT NULL REFERENCES people(id),
      kind TEXT NOT NULL,
      title TEXT NOT NULL,
      body TEXT NOT NULL,
      page TEXT,
      created_at INTEGER NOT NULL,
      read_at INTEGER
    );
    CREATE INDEX messages_person_created ON messages(person_id, created_at DESC, id DESC);
    CREATE INDEX messages_person_unread ON messages(person_id) WHERE read_at IS NULL;
  `,
};
