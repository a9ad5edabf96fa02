/** Speakers on SQLite: one row per speaker, every field a column; an edit is one UPDATE conditional on the version. */
import type { Database as Db } from 'better-sqlite3';
import type { Speaker } from '../../../../src/core';
import type { SpeakerRepo } from '../port';
import type { SqliteKit } from './kit';

interface SpeakerRow {
  id: string;
  community_id: string;
  name: string;
  title: string | null;
  field: string | null;
  affiliation: string | null;
  contact: string | null;
  archived: number;
  created_by: string;
  created_at: number;
  updated_at: number;
  version: number;
}

const toSpeaker = (r: SpeakerRow): Speaker => ({
  id: r.id,
  communityId: r.community_id,
  name: r.name,
  title: r.title,
  field: r.field,
  affiliation: r.affiliation,
  contact: r.contact,
  archived: r.archived === 1,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  version: r.version,
});

export function sqliteSpeakers(db: Db, { stmt }: SqliteKit): SpeakerRepo {
  const q = {
    insert: db.prepare(
      `INSERT INTO speakers (id, community_id, name, title, field, affiliation, contact, archived, created_by, created_at, updated_at, version)
       VALUES (@id, @communityId, @name, @title, @field, @affiliation, @contact, @archived, @createdBy, @createdAt, @updatedAt, @version)`,
    ),
    get: db.prepare<[string], SpeakerRow>('SELECT * FROM speakers WHERE id = ?'),
    live: db.prepare<[string], SpeakerRow>('SELECT * FROM speakers WHERE community_id = ? AND archived = 0 ORDER BY name, id'),
    all: db.prepare<[string], SpeakerRow>('SELECT * FROM speakers WHERE community_id = ? ORDER BY name, id'),
    update: db.prepare<Record<string, unknown>, SpeakerRow>(
      `UPDATE speakers SET name = @name, title = @title, field = @field, affiliation = @affiliation, contact = @contact, archived = @archived,
         updated_at = @at, version = version + 1
       WHERE id = @id AND version = @version RETURNING *`,
    ),
  };
  return {
    async insert(s) {
      q.insert.run({ ...s, archived: s.archived ? 1 : 0 });
    },
    async get(id) {
      const r = q.get.get(id);
      return r ? toSpeaker(r) : null;
    },
    async getMany(ids) {
      if (ids.length === 0) return [];
      const unique = [...new Set(ids)];
      return (stmt(`SELECT * FROM speakers WHERE id IN (${unique.map(() => '?').join(',')})`).all(...unique) as SpeakerRow[]).map(toSpeaker);
    },
    async listForCommunity(communityId, opts = {}) {
      return (opts.includeArchived ? q.all : q.live).all(communityId).map(toSpeaker);
    },
    async update(id, version, fields, at) {
      const r = q.update.get({ ...fields, archived: fields.archived ? 1 : 0, id, version, at });
      return r ? toSpeaker(r) : null;
    },
  };
}
